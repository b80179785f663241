import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from './api/contract';
import { createRouter, type Router } from './api/router';
import type { DatabaseStatus } from './api/schemas/status';
import { closeSession } from './core/session';
import { openSwitchingRouter } from './demo-switch';
import { openTestSession, tempDir } from './testing/temp';

async function status(router: Router): Promise<DatabaseStatus> {
  const result = (await router.dispatch('getStatus', {})) as ApiResult<DatabaseStatus>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('switching to the demo hospital and back', () => {
  it('opens the demo in its own file beside the real one, and leaves it without mixing the two', async () => {
    const dir = tempDir();
    const real = join(dir, 'isopatch.sqlite');
    const demo = join(dir, 'isopatch-demo.sqlite');
    const router = await openSwitchingRouter({ databasePath: real });
    try {
      expect(await status(router)).toMatchObject({ databasePath: real, demo: false });
      expect(existsSync(demo)).toBe(false);

      expect(await router.dispatch('openDemo', {})).toEqual({
        ok: true,
        value: { databasePath: demo, demo: true },
        changed: [],
      });
      const inDemo = await status(router);
      expect(inDemo).toMatchObject({ databasePath: demo, demo: true });
      expect(inDemo.counts.device).toBe(300);
      // Opening it again opens the same file: nothing is generated twice.
      expect(await router.dispatch('openDemo', {})).toMatchObject({ ok: true, value: { demo: true } });
      expect((await status(router)).counts.audit_log).toBe(inDemo.counts.audit_log);

      expect(await router.dispatch('leaveDemo', {})).toEqual({
        ok: true,
        value: { databasePath: real, demo: false },
        changed: [],
      });
      const back = await status(router);
      expect(back).toMatchObject({ databasePath: real, demo: false });
      expect(back.counts.device).toBe(0);
      expect(await router.dispatch('openDemo', { extra: 1 })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    } finally {
      await closeSession(router.session());
    }

    // `npm run start:web -- --demo` starts in the same file, which exists now.
    const started = await openSwitchingRouter({ databasePath: real, startInDemo: true });
    try {
      expect(await status(started)).toMatchObject({ databasePath: demo, demo: true });
    } finally {
      await closeSession(started.session());
    }
  }, 120_000);

  it('starts the demo afresh in its own file only: changes made in it are gone, the real database untouched', async () => {
    const dir = tempDir();
    const real = join(dir, 'isopatch.sqlite');
    const demo = join(dir, 'isopatch-demo.sqlite');
    const router = await openSwitchingRouter({ databasePath: real });
    try {
      expect(await router.dispatch('restartDemo', {})).toMatchObject({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: 'Only the demo hospital can be started afresh; explore it first.',
        },
      });
      await router.dispatch('openDemo', {});
      const generated = await status(router);
      const renamed = await router.dispatch('updateSettings', {
        organizationName: 'Explored into a muddle',
        siteTimeZone: 'Europe/Berlin',
      });
      expect(renamed.ok).toBe(true);
      expect((await status(router)).organizationName).toBe('Explored into a muddle');

      expect(await router.dispatch('restartDemo', {})).toEqual({
        ok: true,
        value: { databasePath: demo, demo: true },
        changed: [],
      });
      const fresh = await status(router);
      expect(fresh).toMatchObject({
        databasePath: demo,
        demo: true,
        organizationName: generated.organizationName,
      });
      expect(fresh.counts).toEqual(generated.counts);
      expect(existsSync(`${demo}.new`)).toBe(false);

      await router.dispatch('leaveDemo', {});
      expect(await status(router)).toMatchObject({ databasePath: real, demo: false, organizationName: '' });
    } finally {
      await closeSession(router.session());
    }
  }, 180_000);

  it('cannot leave a demo the app was started with as its own database', async () => {
    const demo = join(tempDir(), 'isopatch-demo.sqlite');
    const router = await openSwitchingRouter({ databasePath: demo, startInDemo: true });
    try {
      const left = await router.dispatch('leaveDemo', {});
      expect(left).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(!left.ok && left.error.message).toMatch(/start it without --db/);
      expect(await status(router)).toMatchObject({ databasePath: demo, demo: true });
    } finally {
      await closeSession(router.session());
    }
  }, 120_000);

  it('is a transport matter: a plain router (the CLI, tests) says it cannot switch', async () => {
    const router = createRouter(await openTestSession());
    for (const name of ['openDemo', 'leaveDemo', 'restartDemo']) {
      const result = await router.dispatch(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(!result.ok && result.error.message).toMatch(/isopatch demo --db FILE/);
    }
  });
});

import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createRouter } from '../../api/router';
import type { JobStatus } from '../../api/schemas/jobs';
import { base64, devices } from '../../testing/devices';
import { FIXED_NOW, tempDir } from '../../testing/temp';
import { closeSession, openSession } from '../session';

const WORKER = join(import.meta.dirname, '..', '..', '..', 'dist', 'electron', 'job-worker.cjs');

async function setup() {
  const session = await openSession(join(tempDir(), 'isopatch.sqlite'), {
    jobWorkerScript: WORKER,
    osUser: 'tester',
    now: () => FIXED_NOW,
  });
  if (session.state !== 'open') throw new Error(session.error.message);
  onTestFinished(() => closeSession(session));
  return { session, router: createRouter(session) };
}

const csvOf = (rows: number) =>
  [
    'Asset Tag,Model,Department',
    ...Array.from({ length: rows }, (_, i) => `T-${i},Symbia T16,Dept ${i % 7}`),
  ].join('\n');

async function settle(router: ReturnType<typeof createRouter>, jobId: string): Promise<JobStatus> {
  for (;;) {
    const result = await router.dispatch('getJob', { jobId });
    if (!result.ok) throw new Error(result.error.message);
    const status = result.value as JobStatus;
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('background jobs', () => {
  it('import in a worker thread, reporting rows done, and the data is there afterwards', async () => {
    const { router, session } = await setup();
    const started = await router.dispatch('startDeviceImport', {
      fileName: 'big.csv',
      content: base64(csvOf(3000)),
    });
    expect(started).toMatchObject({ ok: true, value: { jobId: expect.stringMatching(/^job-\d+$/) } });
    const jobId = (started as { value: { jobId: string } }).value.jobId;
    const status = await settle(router, jobId);
    expect(status).toMatchObject({ state: 'done', phase: 'writing', done: 3000, total: 3000, error: null });
    expect(status.importResult).toMatchObject({ committed: true, added: 3000 });
    expect(await devices(router, { limit: 1 })).toHaveLength(1);
    expect(session.ctx.db.prepare('SELECT count(*) FROM device').pluck().get()).toBe(3000);
    const audit = session.ctx.db
      .prepare("SELECT os_user FROM audit_log WHERE entity = 'import_batch'")
      .pluck()
      .all();
    expect(audit).toEqual(['tester']);
  });

  it('previews in a worker thread without writing', async () => {
    const { router, session } = await setup();
    const started = await router.dispatch('startDevicePreview', {
      fileName: 'big.csv',
      content: base64(csvOf(500)),
    });
    const status = await settle(router, (started as { value: { jobId: string } }).value.jobId);
    expect(status.preview).toMatchObject({ added: 500, totalRows: 500 });
    expect(status.preview?.rows).toHaveLength(100);
    expect(session.ctx.db.prepare('SELECT count(*) FROM device').pluck().get()).toBe(0);
  });

  it('cancels: the worker stops, its transaction rolls back and nothing is changed', async () => {
    const { router, session } = await setup();
    const started = await router.dispatch('startDeviceImport', {
      fileName: 'big.csv',
      content: base64(csvOf(50_000)),
    });
    const jobId = (started as { value: { jobId: string } }).value.jobId;
    await router.dispatch('cancelJob', { jobId });
    const status = await settle(router, jobId);
    expect(status).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED' } });
    expect(session.ctx.db.prepare('SELECT count(*) FROM device').pluck().get()).toBe(0);
    expect(session.ctx.db.prepare('SELECT count(*) FROM import_batch').pluck().get()).toBe(0);
  });

  it('reports a refused file as the job failing with the sentence', async () => {
    const { router } = await setup();
    const started = await router.dispatch('startDeviceImport', {
      fileName: 'letter.pdf',
      content: base64('%PDF-1.4'),
    });
    const status = await settle(router, (started as { value: { jobId: string } }).value.jobId);
    expect(status).toMatchObject({
      state: 'failed',
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/letter.pdf is a PDF/) },
    });
  });
});

describe('background jobs, bounded', () => {
  it('refuses a fourth job while three still run, and takes one again once they are done', async () => {
    const { router } = await setup();
    const preview = () =>
      router.dispatch('startDevicePreview', { fileName: 'big.csv', content: base64(csvOf(30_000)) });
    const started = [await preview(), await preview(), await preview()];
    expect(started.every((s) => s.ok)).toBe(true);
    expect(await preview()).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Isopatch is still reading 3 files; wait for one to finish or cancel it first.',
      },
    });
    // Each preview rehearses the import in a transaction; they wait for one another instead of failing.
    for (const s of started) {
      const status = await settle(router, (s as { value: { jobId: string } }).value.jobId);
      expect(status).toMatchObject({ state: 'done', error: null, preview: { added: 30_000 } });
    }
    expect(await preview()).toMatchObject({ ok: true });
  });
});

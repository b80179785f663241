import { describe, expect, it } from 'vitest';
import { createRouter } from '../../api/router';
import { devices, importFile } from '../../testing/devices';
import { openTestSession } from '../../testing/temp';

describe('a state for many devices', () => {
  it('names every device that cannot take the step, by the state it is in, and changes none', async () => {
    const session = await openTestSession();
    const router = createRouter(session);
    // Siemens systems on Windows 7 are affected through the bundled advisories; the GE system is not assessed.
    await importFile(
      router,
      'Asset Tag,Manufacturer,Model,OS,Department\nNM-1,Siemens,Symbia T16,Windows 7,A\nNM-2,Siemens,Symbia T16,Windows 7,A\nCT-1,GE,Revolution,Windows 10,A\nCT-2,GE,Revolution,Windows 10,A\n',
    );
    const all = await devices(router);
    const result = await router.dispatch('bulkUpdateDevices', {
      ids: all.map((d) => d.id),
      changes: { state: 'isolated', department: 'B' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          '2 of the 4 devices cannot go to "isolated" (a device is isolated after it was found affected): 2 not assessed (CT-1, CT-2). Nothing was changed.',
      },
    });
    expect((await devices(router)).map((d) => [d.assetTag, d.state, d.department])).toEqual(
      all.map((d) => [d.assetTag, d.state, 'A']),
    );
  });
});

describe('a change for every device matching a filter', () => {
  async function hospital() {
    const session = await openTestSession();
    const router = createRouter(session);
    await importFile(
      router,
      'Asset Tag,Manufacturer,Model,OS,Department\nNM-1,Siemens,Symbia T16,Windows 7,A\nNM-2,Siemens,Symbia T16,Windows 7,A\nCT-1,GE,Revolution,Windows 10,A\nCT-2,GE,Revolution,Windows 10,B\nNM-3,Siemens,Symbia T16,Windows 7,B\n',
    );
    return { router, db: session.ctx.db };
  }
  const where = async (router: Awaited<ReturnType<typeof hospital>>['router']) =>
    (await devices(router)).map((d) => `${d.assetTag} ${d.department} ${d.state}`);

  it('finds the devices in the core, beyond any page the register loaded, and audits each', async () => {
    const { router, db } = await hospital();
    const result = await router.dispatch('bulkUpdateDevices', {
      matching: { search: '', filters: { department: ['A'] }, count: 3 },
      changes: { department: 'C' },
    });
    expect(result).toMatchObject({ ok: true, value: { updated: 3, unchanged: 0 } });
    expect(await where(router)).toEqual([
      'CT-1 C unassessed',
      'CT-2 B unassessed',
      'NM-1 C affected',
      'NM-2 C affected',
      'NM-3 B affected',
    ]);
    const audited = db
      .prepare(
        `SELECT d.asset_tag FROM audit_log a JOIN device d ON d.id = a.entity_id
         WHERE a.operation = 'bulkUpdateDevices' AND a.entity = 'device' AND a.action = 'update' ORDER BY 1`,
      )
      .pluck()
      .all();
    expect(audited).toEqual(['CT-1', 'NM-1', 'NM-2']);
  });

  it('takes the search as the register does', async () => {
    const { router } = await hospital();
    const result = await router.dispatch('bulkUpdateDevices', {
      matching: { search: 'symbia', filters: { department: ['B'] } },
      changes: { department: 'C' },
    });
    expect(result).toMatchObject({ ok: true, value: { updated: 1, unchanged: 0 } });
    expect((await where(router)).filter((d) => d.includes(' C '))).toEqual(['NM-3 C affected']);
  });

  it('refuses, naming each device that cannot take the step, and changes none', async () => {
    const { router } = await hospital();
    const before = await where(router);
    const result = await router.dispatch('bulkUpdateDevices', {
      matching: { filters: { department: ['A'] } },
      changes: { state: 'isolated', department: 'C' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          '1 of the 3 devices cannot go to "isolated" (a device is isolated after it was found affected): 1 not assessed (CT-1). Nothing was changed.',
      },
    });
    expect(await where(router)).toEqual(before);
  });

  it('refuses when the filter no longer matches the number of devices shown, or none', async () => {
    const { router } = await hospital();
    const before = await where(router);
    const moved = await router.dispatch('bulkUpdateDevices', {
      matching: { filters: { department: ['A'] }, count: 2 },
      changes: { department: 'C' },
    });
    expect(moved).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          'The filter now matches 3 devices, not the 2 shown: the devices changed meanwhile. Nothing was changed; look at the list again.',
      },
    });
    const none = await router.dispatch('bulkUpdateDevices', {
      matching: { filters: { department: ['Nowhere'] } },
      changes: { department: 'C' },
    });
    expect(none).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await where(router)).toEqual(before);
  });

  it('takes either ids or a filter, not both and not neither', async () => {
    const { router } = await hospital();
    const [first] = await devices(router);
    for (const input of [
      { ids: [first?.id], matching: { filters: {} }, changes: { department: 'C' } },
      { changes: { department: 'C' } },
      { matching: { filters: { colour: ['red'] } }, changes: { department: 'C' } },
    ]) {
      expect(await router.dispatch('bulkUpdateDevices', input)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
  });
});

describe('states that need more than the step', () => {
  async function hospital() {
    const session = await openTestSession();
    const router = createRouter(session);
    await importFile(
      router,
      'Asset Tag,Manufacturer,Model,OS,Department\nNM-1,Siemens,Symbia T16,Windows 7,A\nNM-2,Siemens,Symbia T16,Windows 7,A\nCT-1,GE,Revolution,Windows 10,A\n',
    );
    return { router, db: session.ctx.db, ids: (await devices(router)).map((d) => d.id) };
  }

  it('gives every device the one written reason for "not affected", each audited', async () => {
    const { router, db, ids } = await hospital();
    const reason = 'Stand-alone consoles: no network port in use (checked on site 2024-03-01)';
    const result = await router.dispatch('bulkUpdateDevices', {
      ids,
      changes: { state: 'not-affected', stateReason: reason },
    });
    expect(result).toMatchObject({ ok: true, value: { updated: 3, unchanged: 0 } });
    expect(
      db.prepare('SELECT asset_tag, state, state_reason FROM device ORDER BY asset_tag').raw().all(),
    ).toEqual([
      ['CT-1', 'not-affected', reason],
      ['NM-1', 'not-affected', reason],
      ['NM-2', 'not-affected', reason],
    ]);
    const audited = db
      .prepare(
        "SELECT count(*) FROM audit_log WHERE entity = 'device' AND json_extract(after_json, '$.state_reason') = ?",
      )
      .pluck()
      .get(reason);
    expect(audited).toBe(3);
  });

  it('refuses "not affected" without a reason, and a risk acceptance at once, changing nothing', async () => {
    const { router, db, ids } = await hospital();
    const before = db.prepare('SELECT asset_tag, state, department_id FROM device ORDER BY id').raw().all();
    const noReason = await router.dispatch('bulkUpdateDevices', { ids, changes: { state: 'not-affected' } });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // The bulk change has no approver or review date to give; the refusal says where a risk is accepted.
    const risk = await router.dispatch('bulkUpdateDevices', {
      ids,
      changes: { state: 'risk-accepted', stateReason: 'No fix planned', department: 'B' },
    });
    expect(risk).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message:
          'A risk is not accepted for many devices at once: each acceptance needs its approver and review date. Accept it in each device\'s drawer (or with "isopatch set-state"). Nothing was changed.',
      },
    });
    expect(db.prepare('SELECT asset_tag, state, department_id FROM device ORDER BY id').raw().all()).toEqual(
      before,
    );
  });
});

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../api/router';
import type { Plan, PlannedWindow } from '../../api/schemas/planning';
import { devices, importFile } from '../../testing/devices';
import { call } from '../../testing/router';
import { FIXED_NOW, openTestSession } from '../../testing/temp';

const INVENTORY = [
  'Asset Tag,Manufacturer,Model,Modality,Department,OS,Software Version',
  'NM-1,Siemens,Symbia T16,NM,Nuclear Medicine,Windows 7,VA60A',
  'NM-2,Siemens,Symbia T16,NM,Nuclear Medicine,Windows 7,VA60A',
  'CT-1,GE,Revolution,CT,Radiology,Windows 10,1.0',
].join('\n');

/** Nuclear Medicine gives its devices up on Saturdays 07:00-13:00; three teams work Saturdays. */
async function hospital() {
  // The clock stands at FIXED_NOW until a test moves it on to when the work is done.
  const clock = { now: FIXED_NOW };
  const session = await openTestSession(undefined, () => clock.now);
  const router = createRouter(session);
  await importFile(router, INVENTORY);
  const db = session.ctx.db;
  const nm = db.prepare("SELECT id FROM department WHERE name = 'Nuclear Medicine'").pluck().get() as number;
  db.prepare(
    "INSERT INTO maintenance_slot (department_id, weekday, start_local, end_local) VALUES (?, 6, '07:00', '13:00')",
  ).run(nm);
  for (const [name, kind] of [
    ['Network team', 'network'],
    ['Siemens field service', 'vendor-field-service'],
    ['Biomed', 'biomed'],
  ])
    db.prepare(
      "INSERT INTO team (name, kind, work_days, work_start, work_end) VALUES (?, ?, '1,2,3,4,5,6', '06:00', '18:00')",
    ).run(name, kind);
  return { session, router, db, clock };
}

describe('planning through the router', () => {
  it('turns confirmed matches into affected devices, plans them, applies the plan and tracks it to the end', async () => {
    const { router, db, clock } = await hospital();
    const states = async () => Object.fromEntries((await devices(router)).map((d) => [d.assetTag, d.state]));
    expect(await states()).toEqual({ 'NM-1': 'affected', 'NM-2': 'affected', 'CT-1': 'unassessed' });

    const preview = await call<Plan>(router, 'previewPlan', { from: '2026-11-30' });
    expect(preview.applied).toBe(false);
    expect(preview.changes).toEqual({ new: 2, moved: 0, unchanged: 0, removed: 0 });
    expect(preview.tasks.map((t) => [t.assetTag, t.kind, t.start, t.end, t.team])).toEqual([
      ['NM-1', 'isolation', '2026-12-05T07:00:00.000+01:00', '2026-12-05T07:30:00.000+01:00', 'Network team'],
      ['NM-2', 'isolation', '2026-12-05T07:30:00.000+01:00', '2026-12-05T08:00:00.000+01:00', 'Network team'],
    ]);
    expect(preview.awaitingPatch.map((a) => a.assetTag)).toEqual(['NM-1', 'NM-2']);
    expect(db.prepare('SELECT count(*) FROM planned_window').pluck().get()).toBe(0);

    const applied = await call<Plan>(router, 'applyPlan', { from: '2026-11-30' });
    expect(applied.tasks.every((t) => typeof t.id === 'number')).toBe(true);
    expect(await states()).toMatchObject({ 'NM-1': 'isolation-planned', 'NM-2': 'isolation-planned' });
    const again = await call<Plan>(router, 'previewPlan', { from: '2026-11-30' });
    expect(again.changes).toEqual({ new: 0, moved: 0, unchanged: 2, removed: 0 });

    // The patch comes out: the next plan adds patch, QC and reconnection after the isolation.
    await call(router, 'setPatchStatus', {
      advisory: 'ICSMA-17-215-02',
      family: 'SPECT/CT Systems',
      status: 'available',
      availableFrom: '2026-12-01',
    });
    const withPatch = await call<Plan>(router, 'applyPlan', { from: '2026-11-30' });
    expect(withPatch.tasks.filter((t) => t.assetTag === 'NM-1').map((t) => t.kind)).toEqual([
      'isolation',
      'patch',
      'qc',
      'reconnection',
    ]);
    expect(withPatch.changes.new).toBe(6);

    const isolation = withPatch.tasks.find(
      (t) => t.assetTag === 'NM-1' && t.kind === 'isolation',
    ) as PlannedWindow;
    // Work is recorded once done: on Sunday 29 November, Saturday's isolation is still ahead.
    const early = await router.dispatch('completeTask', {
      id: isolation.id,
      actualStart: '2026-12-05T07:05:00+01:00',
      actualEnd: '2026-12-05T07:40:00+01:00',
    });
    expect(early).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message:
          'The actual end, Sat 5 Dec 07:40 (Europe/Berlin), is still ahead; record the work as done once it is done.',
      },
    });
    expect(await router.dispatch('completeTask', { id: isolation.id })).toMatchObject({
      ok: false,
      error: {
        message:
          "NM-1's isolation is planned to end Sat 5 Dec 07:30 (Europe/Berlin), which is still ahead; give the actual start and end of the work.",
      },
    });
    clock.now = new Date('2026-12-05T09:00:00+01:00');
    await call(router, 'completeTask', {
      id: isolation.id,
      actualStart: '2026-12-05T07:05:00+01:00',
      actualEnd: '2026-12-05T07:40:00+01:00',
    });
    const nm1 = (await devices(router)).find((d) => d.assetTag === 'NM-1');
    expect([nm1?.state, nm1?.networkState]).toEqual(['patch-planned', 'isolated']);

    const done = await call<{ windows: PlannedWindow[] }>(router, 'listWindows', {
      deviceId: isolation.deviceId,
    });
    // Done work is shown when it happened; the planned times are kept beside it.
    expect(done.windows.find((w) => w.id === isolation.id)).toMatchObject({
      status: 'done',
      locked: true,
      start: '2026-12-05T07:05:00.000+01:00',
      end: '2026-12-05T07:40:00.000+01:00',
      actualStart: '2026-12-05T07:05:00.000+01:00',
      actualEnd: '2026-12-05T07:40:00.000+01:00',
      plannedStart: '2026-12-05T07:00:00.000+01:00',
      plannedEnd: '2026-12-05T07:30:00.000+01:00',
    });
    const audit = db
      .prepare("SELECT count(*) FROM audit_log WHERE entity = 'planned_window'")
      .pluck()
      .get() as number;
    expect(audit).toBeGreaterThanOrEqual(9);
  });

  it('lists conflicts as they are now, whether this app or another connection changed the windows', async () => {
    const { router, session } = await hospital();
    const applied = await call<Plan>(router, 'applyPlan', { from: '2026-11-30' });
    const [nm1, nm2] = applied.tasks;
    if (!nm1 || !nm2?.id) throw new Error('The plan should have placed two isolations.');
    const conflictCount = async () =>
      (await call<{ conflictCount: number }>(router, 'listWindows', {})).conflictCount;
    expect(await conflictCount()).toBe(0);

    // Moved onto NM-1's time by hand: both NM systems down at once.
    await call(router, 'saveWindow', {
      id: nm2.id,
      deviceId: nm2.deviceId,
      kind: 'isolation',
      start: nm1.start,
      end: nm1.end,
    });
    expect(await conflictCount()).toBe(2);
    expect(await conflictCount()).toBe(2);

    // Put back by another program on the same file (a job's worker writes through its own connection).
    const other = new Database(session.ctx.databasePath);
    other
      .prepare('UPDATE planned_window SET start_at = ?, end_at = ? WHERE id = ?')
      .run(new Date(nm2.start).toISOString(), new Date(nm2.end).toISOString(), nm2.id);
    other.close();
    expect(await conflictCount()).toBe(0);
  });

  it('refuses an illegal step with the reason, and changes nothing', async () => {
    const { router, db } = await hospital();
    const before = db.prepare("SELECT state FROM device WHERE asset_tag = 'NM-1'").pluck().get();
    const result = await router.dispatch('setDeviceState', { assetTag: 'NM-1', state: 'reconnected' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          'NM-1 cannot go from "affected" to "reconnected": a device is reconnected only after its patch was verified (QC passed).',
      },
    });
    expect(db.prepare("SELECT state FROM device WHERE asset_tag = 'NM-1'").pluck().get()).toBe(before);
    const risk = await router.dispatch('setDeviceState', {
      assetTag: 'NM-1',
      state: 'risk-accepted',
      reason: 'Replaced in January',
    });
    expect(risk).toMatchObject({
      ok: false,
      error: { message: 'Marking NM-1 "risk accepted" needs the approver and a review date.' },
    });
    await call(router, 'setDeviceState', {
      assetTag: 'NM-1',
      state: 'risk-accepted',
      reason: 'Replaced in January',
      approver: 'Dr. Weber',
      reviewDate: '2027-01-15',
    });
    const plan = await call<Plan>(router, 'previewPlan', { from: '2026-11-30' });
    expect(plan.tasks.map((t) => t.assetTag)).toEqual(['NM-2']);
  });

  it('saves a window dragged into a conflict, flags it with the reason in words, and keeps it locked', async () => {
    const { router } = await hospital();
    const plan = await call<Plan>(router, 'applyPlan', { from: '2026-11-30' });
    const [first, second] = plan.tasks;
    if (!first || !second) throw new Error('Two isolations were expected.');
    const moved = await call<PlannedWindow>(router, 'saveWindow', {
      id: second.id,
      deviceId: second.deviceId,
      kind: 'isolation',
      start: first.start,
      end: first.end,
    });
    expect(moved.locked).toBe(true);
    expect(moved.conflicts).toEqual([
      'Network team would have 2 tasks at once on Sat 5 Dec 07:00-07:30 (it can work on one at a time)',
      'Nuclear Medicine would have both NM systems down on Sat 5 Dec 07:00-07:30 (at most 1 may be down)',
    ]);
    const list = await call<{ conflictCount: number }>(router, 'listWindows', {});
    expect(list.conflictCount).toBe(2);
    // The planner leaves the locked window alone and moves the other one out of its way.
    const replanned = await call<Plan>(router, 'previewPlan', { from: '2026-11-30' });
    expect(replanned.tasks.map((t) => [t.assetTag, t.change, t.start])).toEqual([
      ['NM-2', 'kept', '2026-12-05T07:00:00.000+01:00'],
      ['NM-1', 'moved', '2026-12-05T07:30:00.000+01:00'],
    ]);
  });
  it('counts a device down once when two of its own windows overlap', async () => {
    const { router } = await hospital();
    const [nm1] = (await call<Plan>(router, 'applyPlan', { from: '2026-11-30' })).tasks;
    if (!nm1) throw new Error('An isolation was expected.');
    const overlapping = await call<PlannedWindow>(router, 'saveWindow', {
      deviceId: nm1.deviceId,
      kind: 'patch',
      start: nm1.start,
      end: nm1.end,
    });
    expect(overlapping.conflicts.some((c) => c.includes('systems down'))).toBe(false);
    expect(overlapping.conflicts).toContain('no patch is available for this device yet');
  });

  it('refuses dates a typo put years away, and windows of weeks, before anything is written', async () => {
    const { router, db } = await hospital();
    const plan = await call<Plan>(router, 'applyPlan', { from: '2026-11-30' });
    const [first] = plan.tasks;
    if (!first?.id) throw new Error('An isolation was expected.');
    const windows = () => db.prepare('SELECT start_at, end_at FROM planned_window ORDER BY id').all();
    const before = windows();
    const moved = (start: string, end: string) =>
      router.dispatch('saveWindow', {
        id: first.id,
        deviceId: first.deviceId,
        kind: 'isolation',
        start,
        end,
      });
    expect(await moved('2226-12-05T07:00:00+01:00', '2226-12-05T08:00:00+01:00')).toMatchObject({
      ok: false,
      error: {
        message:
          "The window's start, 2226-12-05T07:00:00+01:00, is more than two years from today; check the year.",
      },
    });
    expect(await moved('2026-12-05T07:00:00+01:00', '2026-12-25T08:00:00+01:00')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('must end at most 7 days after it starts') },
    });
    expect(await router.dispatch('previewPlan', { from: '2326-01-01' })).toMatchObject({
      ok: false,
      error: {
        message: 'The first day of the plan, 2326-01-01, is more than two years from today; check the year.',
      },
    });
    expect(
      await router.dispatch('completeTask', { id: first.id, actualStart: '1926-12-05T07:00:00+01:00' }),
    ).toMatchObject({
      ok: false,
      error: {
        message:
          'The actual start, 1926-12-05T07:00:00+01:00, is more than two years before today; check the year.',
      },
    });
    expect(windows()).toEqual(before);
  });

  it('gives a saved window the conflicts the check over all windows gives it, for every rule', async () => {
    const { router, db } = await hospital();
    const plan = await call<Plan>(router, 'applyPlan', { from: '2026-11-30' });
    const [first, second] = plan.tasks;
    if (!first?.id || !second?.id) throw new Error('Two isolations were expected.');
    db.prepare("UPDATE team SET daily_capacity_minutes = 45 WHERE name = 'Network team'").run();
    const saves = [
      // Both NM systems down together, and the network team over its 45 minutes a day.
      { id: second.id, deviceId: second.deviceId, kind: 'isolation', start: first.start, end: first.end },
      // Outside the slots and the team's hours, on a Sunday.
      {
        deviceId: second.deviceId,
        kind: 'qc',
        start: '2026-12-13T20:00:00.000+01:00',
        end: '2026-12-13T21:00:00.000+01:00',
      },
      // The first isolation moved two weeks on, then its patch placed a week before that: the order is broken
      // by a window far from the one saved (and no patch is available yet).
      {
        id: first.id,
        deviceId: first.deviceId,
        kind: 'isolation',
        start: '2026-12-19T07:00:00.000+01:00',
        end: '2026-12-19T08:00:00.000+01:00',
      },
      {
        deviceId: first.deviceId,
        kind: 'patch',
        start: '2026-12-12T07:00:00.000+01:00',
        end: '2026-12-12T08:00:00.000+01:00',
      },
    ];
    const seen: string[] = [];
    for (const save of saves) {
      const saved = await call<PlannedWindow>(router, 'saveWindow', save);
      seen.push(...saved.conflicts);
      const listed = await call<{ windows: PlannedWindow[] }>(router, 'listWindows', {});
      expect(saved.conflicts).toEqual(listed.windows.find((w) => w.id === saved.id)?.conflicts);
    }
    expect(seen).toEqual(
      expect.arrayContaining([
        expect.stringContaining('both NM systems down'),
        expect.stringContaining('over its daily capacity of 45'),
        expect.stringContaining('tasks at once'),
        expect.stringContaining("starts before the device's isolation ends"),
        expect.stringContaining('no patch is available'),
        expect.stringContaining("outside Nuclear Medicine's maintenance slots"),
        expect.stringContaining('outside the working hours of'),
      ]),
    );
  });
});

describe('priority follows the work', () => {
  it('drops when the device is isolated and goes to 0 once it is patched', async () => {
    const { router, db } = await hospital();
    const priority = () =>
      db
        .prepare(
          "SELECT r.priority FROM device_risk r JOIN device d ON d.id = r.device_id WHERE d.asset_tag = 'NM-1'",
        )
        .pluck()
        .get();
    expect(priority()).toBe(98);
    await call(router, 'setDeviceState', { assetTag: 'NM-1', state: 'isolated' });
    expect(priority()).toBe(39);
    await call(router, 'setDeviceState', { assetTag: 'NM-1', state: 'patched' });
    expect(priority()).toBe(0);
  });
});

import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../api/router';
import { openTestSession } from '../../testing/temp';
import type { CoreContext } from '../context';
import { databaseInstanceId } from '../db/instance-id';
import { AppError } from '../errors';
import { exportIcs } from './ics';

const AT = '2026-11-29T10:00:00.000Z';

/** Two departments of the main site, a device in each, and their windows written as the planner writes them. */
function seed(ctx: CoreContext) {
  const db = ctx.db;
  db.prepare("UPDATE organization SET name = 'St. Mary Hospital' WHERE id = 1").run();
  const site = db.prepare('SELECT default_site_id FROM organization WHERE id = 1').pluck().get() as number;
  const department = (name: string) =>
    Number(
      db
        .prepare('INSERT INTO department (site_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)')
        .run(site, name, AT, AT).lastInsertRowid,
    );
  const nuclear = department('Nuclear Medicine');
  const radiology = department('Radiology');
  department('Cardiology');
  const device = (tag: string, departmentId: number, location: string) =>
    Number(
      db
        .prepare(
          `INSERT INTO device (asset_tag, model, modality, department_id, location, state, created_at, updated_at)
           VALUES (?, 'Symbia T16', 'NM', ?, ?, 'isolation-planned', ?, ?)`,
        )
        .run(tag, departmentId, location, AT, AT).lastInsertRowid,
    );
  const spect = device('SPECT-0042', nuclear, 'Room 1\r\nBEGIN:VEVENT; , \\');
  const pet = device('PET-0007', radiology, 'Room 2');
  const team = Number(
    db.prepare("INSERT INTO team (name, kind, contact) VALUES ('Imaging IT', 'network', '+49 30 1234')").run()
      .lastInsertRowid,
  );
  const window = (deviceId: number, kind: string, start: string, end: string, status = 'planned') =>
    Number(
      db
        .prepare(
          `INSERT INTO planned_window (device_id, kind, team_id, start_at, end_at, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(deviceId, kind, team, start, end, status, AT, AT).lastInsertRowid,
    );
  return {
    isolation: window(spect, 'isolation', '2026-12-12T06:00:00.000Z', '2026-12-12T07:00:00.000Z'),
    patch: window(pet, 'patch', '2026-12-13T06:00:00.000Z', '2026-12-13T08:00:00.000Z'),
    cancelled: window(spect, 'patch', '2026-12-14T06:00:00.000Z', '2026-12-14T08:00:00.000Z', 'cancelled'),
  };
}

const eventsOf = (content: string) =>
  new ICAL.Component(ICAL.parse(content)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));

const counts = (ctx: CoreContext) =>
  ctx.db
    .prepare('SELECT (SELECT count(*) FROM app_state) AS state, (SELECT count(*) FROM audit_log) AS audit')
    .get();

describe('exportIcs', () => {
  it('exports every department, with UIDs from the database instance, without writing', async () => {
    const { ctx } = await openTestSession();
    const ids = seed(ctx);
    const before = counts(ctx);
    const file = exportIcs(ctx, {});
    expect(counts(ctx)).toEqual(before);
    expect(file.fileName).toBe('isopatch-windows-all-2026-11-29.ics');
    expect(file.events).toBe(2);
    const instance = databaseInstanceId(ctx);
    expect(instance).toMatch(/^[0-9a-f]{16}$/);
    const events = eventsOf(file.content);
    // The two windows to do, then the cancelled one, which calendars that imported it must take out.
    expect(events.map((e) => e.uid)).toEqual([
      `window-${ids.isolation}-${instance}@isopatch`,
      `window-${ids.patch}-${instance}@isopatch`,
      `window-${ids.cancelled}-${instance}@isopatch`,
    ]);
    expect(events.map((e) => e.component.getFirstPropertyValue('status'))).toEqual([
      'TENTATIVE',
      'TENTATIVE',
      'CANCELLED',
    ]);
    expect(events[2]?.summary).toBe('Cancelled: Patch SPECT-0042 - Nuclear Medicine');
    expect(events[0]?.startDate.toJSDate().toISOString()).toBe('2026-12-12T06:00:00.000Z');
    expect(events[0]?.summary).toBe('Isolate SPECT-0042 (Symbia T16) - Nuclear Medicine');
    expect(events[0]?.location).toBe('Main site, Nuclear Medicine, Room 1\nBEGIN:VEVENT; , \\');
    expect(events[0]?.description).toContain('Team: Imaging IT, contact +49 30 1234');
    expect(events[0]?.description).toContain('Planned: Sat 12 Dec 2026 07:00 to 08:00 Europe/Berlin time');
    expect(events[0]?.description).toContain('of St. Mary Hospital.');
  });

  it('exports one department found whatever its case, and refuses an unknown one or one with nothing planned', async () => {
    const { ctx } = await openTestSession();
    seed(ctx);
    const file = exportIcs(ctx, { department: 'nuclear MEDICINE' });
    expect(file.fileName).toBe('isopatch-windows-nuclear-medicine-2026-11-29.ics');
    expect(file.events).toBe(1);
    expect(eventsOf(file.content).map((e) => e.summary)).toEqual([
      'Isolate SPECT-0042 (Symbia T16) - Nuclear Medicine',
      'Cancelled: Patch SPECT-0042 - Nuclear Medicine',
    ]);
    expect(file.content.replace(/\r\n /g, '')).toContain(
      'X-WR-CALNAME:St. Mary Hospital: isolation and patch windows\\, Nuclear Medicine\r\n',
    );
    expect(() => exportIcs(ctx, { department: 'Oncology' })).toThrow(
      new AppError('NOT_FOUND', 'No department is called "Oncology".'),
    );
    expect(() => exportIcs(ctx, { department: 'Cardiology' })).toThrow(
      'There are no planned windows in Cardiology to export; plan them first.',
    );
  });

  it('keeps UIDs when a window moves, and uses a stored instance id when there is one', async () => {
    const { ctx } = await openTestSession();
    const ids = seed(ctx);
    const first = eventsOf(exportIcs(ctx, {}).content);
    ctx.db
      .prepare('UPDATE planned_window SET start_at = ?, end_at = ? WHERE id = ?')
      .run('2026-12-19T06:00:00.000Z', '2026-12-19T07:00:00.000Z', ids.isolation);
    const moved = eventsOf(exportIcs(ctx, {}).content);
    expect(moved.map((e) => e.uid).sort()).toEqual(first.map((e) => e.uid).sort());
    const isolation = moved.find((e) => e.uid.startsWith(`window-${ids.isolation}-`));
    expect(isolation?.startDate.toJSDate().toISOString()).toBe('2026-12-19T06:00:00.000Z');

    ctx.db.prepare("INSERT INTO app_state (key, value) VALUES ('instance_id', 'stored-id')").run();
    expect(eventsOf(exportIcs(ctx, {}).content)[0]?.uid).toBe(`window-${ids.patch}-stored-id@isopatch`);
  });

  it('answers through the router with the contract shape', async () => {
    const session = await openTestSession();
    seed(session.ctx);
    const result = await createRouter(session).dispatch('exportIcs', { department: 'Radiology' });
    expect(result).toMatchObject({
      ok: true,
      value: { fileName: 'isopatch-windows-radiology-2026-11-29.ics', events: 1 },
    });
  });

  it('puts a done window at its actual times and keeps the times it was planned for in the description', async () => {
    // The next evening, so that the work recorded below is over.
    const session = await openTestSession(undefined, () => new Date('2026-11-30T08:00:00.000Z'));
    const ids = seed(session.ctx);
    // Planned for Tue 1 Dec 18:00-18:30 (Berlin), done two days early on Sun 29 Nov 22:00-22:30.
    session.ctx.db
      .prepare('UPDATE planned_window SET start_at = ?, end_at = ? WHERE id = ?')
      .run('2026-12-01T17:00:00.000Z', '2026-12-01T17:30:00.000Z', ids.isolation);
    const done = await createRouter(session).dispatch('completeTask', {
      id: ids.isolation,
      actualStart: '2026-11-29T22:00:00+01:00',
      actualEnd: '2026-11-29T22:30:00+01:00',
    });
    expect(done).toMatchObject({ ok: true });
    const event = eventsOf(exportIcs(session.ctx, { department: 'Nuclear Medicine' }).content).find((e) =>
      e.uid.startsWith(`window-${ids.isolation}-`),
    );
    expect(event?.startDate.toJSDate().toISOString()).toBe('2026-11-29T21:00:00.000Z');
    expect(event?.endDate.toJSDate().toISOString()).toBe('2026-11-29T21:30:00.000Z');
    expect(event?.description).toContain(
      'Planned: Tue 1 Dec 2026 18:00 to 18:30 Europe/Berlin time (UTC+01:00)\n',
    );
    expect(event?.description).toContain(
      'Done: Sun 29 Nov 2026 22:00 to 22:30 Europe/Berlin time (UTC+01:00)\n',
    );
    expect(event?.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('cancels a window deleted since, under its UID and at its old time, while its id is not in use again', async () => {
    const session = await openTestSession();
    const ids = seed(session.ctx);
    const router = createRouter(session);
    expect(await router.dispatch('deleteWindow', { id: ids.isolation })).toMatchObject({ ok: true });
    const file = exportIcs(session.ctx, { department: 'Nuclear Medicine' });
    expect(file.events).toBe(0);
    const cancelled = eventsOf(file.content).find((e) => e.uid.startsWith(`window-${ids.isolation}-`));
    expect(cancelled?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled?.startDate.toJSDate().toISOString()).toBe('2026-12-12T06:00:00.000Z');
    expect(cancelled?.summary).toBe('Cancelled: Isolate SPECT-0042 - Nuclear Medicine');
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isopatchOn } from '../testing/cli';
import { tempDir } from '../testing/temp';

const SITE = {
  sites: [
    {
      name: 'Main site',
      timeZone: 'Europe/Berlin',
      departments: [
        { name: 'Nuclear Medicine', maintenanceSlots: [{ day: 'Sat', start: '07:00', end: '13:00' }] },
      ],
    },
  ],
  teams: [
    {
      name: 'Network team',
      kind: 'network',
      workDays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
      start: '06:00',
      end: '18:00',
    },
    {
      name: 'Siemens field service',
      kind: 'vendor-field-service',
      workDays: ['Sat'],
      start: '06:00',
      end: '18:00',
    },
    { name: 'Biomed', kind: 'biomed', workDays: ['Sat'], start: '06:00', end: '18:00' },
  ],
};

function hospital() {
  const dir = tempDir();
  const db = join(dir, 'isopatch.sqlite');
  writeFileSync(join(dir, 'site.json'), JSON.stringify(SITE));
  writeFileSync(
    join(dir, 'devices.csv'),
    'Asset Tag,Manufacturer,Model,Modality,Department,OS\nNM-1,Siemens,Symbia T16,NM,Nuclear Medicine,Windows 7\nNM-2,Siemens,Symbia T16,NM,Nuclear Medicine,Windows 7\n',
  );
  expect(isopatchOn(db, 'site', 'import', join(dir, 'site.json')).code).toBe(0);
  expect(isopatchOn(db, 'import-devices', join(dir, 'devices.csv')).code).toBe(0);
  return { dir, db };
}

describe('isopatch plan, windows, task done, set-state', () => {
  it('previews a plan as the documented JSON, applies it, and tracks a task to done', () => {
    const { dir, db } = hospital();
    // From today: a Saturday slot always comes within the 7 days a critical device has to be isolated.
    const preview = isopatchOn(db, 'plan', '--json');
    expect(preview.stderr).toBe('');
    expect(preview.code).toBe(0);
    const plan = JSON.parse(preview.stdout);
    expect(plan.tasks).toEqual([
      expect.objectContaining({
        id: null,
        assetTag: 'NM-1',
        kind: 'isolation',
        team: 'Network team',
        department: 'Nuclear Medicine',
        locked: false,
      }),
      expect.objectContaining({
        assetTag: 'NM-2',
        kind: 'isolation',
      }),
    ]);
    expect(plan.tasks[0].start).toMatch(/^\d{4}-\d\d-\d\dT07:00:00\.000\+0[12]:00$/);
    expect(plan.breaches).toEqual([]);
    expect(plan.changes).toMatchObject({ new: 2, moved: 0, unchanged: 0 });

    const applied = JSON.parse(isopatchOn(db, 'plan', '--apply', '--json').stdout);
    const id = applied.tasks[0].id as number;
    expect(id).toEqual(expect.any(Number));
    const windows = isopatchOn(db, 'windows', '--json');
    expect(windows.code).toBe(0);
    expect(JSON.parse(windows.stdout)).toHaveLength(2);

    const done = isopatchOn(
      db,
      'task',
      'done',
      String(id),
      // Without an offset: the main site's local time, as the schedule shows it.
      '--start',
      '2026-11-28T07:02',
      '--end',
      '2026-11-28T07:31:00+01:00',
    );
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(
      /isolation of NM-1\) is done: 2026-11-28T07:02:00.000\+01:00 - 2026-11-28T07:31:00.000\+01:00/,
    );
    expect(
      JSON.parse(isopatchOn(db, 'devices', '--json').stdout).find(
        (d: { assetTag: string }) => d.assetTag === 'NM-1',
      ).state,
    ).toBe('isolated');

    // Listed at the times the work was done, and with the times it had been planned for.
    const planned = applied.tasks[0] as { start: string; end: string };
    const listed = JSON.parse(isopatchOn(db, 'windows', '--json').stdout);
    expect(listed.find((w: { id: number }) => w.id === id)).toMatchObject({
      start: '2026-11-28T07:02:00.000+01:00',
      end: '2026-11-28T07:31:00.000+01:00',
      status: 'done',
      plannedStart: planned.start,
      plannedEnd: planned.end,
    });
    expect(listed.find((w: { id: number }) => w.id !== id)).toMatchObject({
      plannedStart: null,
      plannedEnd: null,
    });
    expect(isopatchOn(db, 'windows').stdout).toContain(
      `#${id}  2026-11-28T07:02:00.000+01:00 - 2026-11-28T07:31:00.000+01:00  NM-1  isolation  Network team  Nuclear Medicine  locked  done  (planned ${planned.start} - ${planned.end})\n`,
    );

    const ics = isopatchOn(db, 'export-ics', '--out', join(dir, 'plan.ics'));
    expect(ics.code).toBe(0);
    expect(readFileSync(join(dir, 'plan.ics'), 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
  });

  it('exits 1 and names each breach with its reason', () => {
    const dir = tempDir();
    const db = join(dir, 'isopatch.sqlite');
    writeFileSync(join(dir, 'site.json'), JSON.stringify({ ...SITE, teams: [] }));
    writeFileSync(
      join(dir, 'devices.csv'),
      'Asset Tag,Manufacturer,Model,Modality,Department,OS\nNM-1,Siemens,Symbia T16,NM,Nuclear Medicine,Windows 7\n',
    );
    isopatchOn(db, 'site', 'import', join(dir, 'site.json'));
    isopatchOn(db, 'import-devices', join(dir, 'devices.csv'));
    const run = isopatchOn(db, 'plan');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('BREACH NM-1 isolation: the site model has no network team for isolation');
  });

  it('counts and exits by the conflicts of the windows listed, and mentions the others', () => {
    const { db } = hospital();
    const [first, second] = JSON.parse(isopatchOn(db, 'plan', '--apply', '--json').stdout).tasks;
    // Both isolations at once: Nuclear Medicine's two NM systems down together.
    const file = new Database(db);
    file
      .prepare('UPDATE planned_window SET start_at = ?, end_at = ?, locked = 1 WHERE id = ?')
      .run(new Date(first.start).toISOString(), new Date(first.end).toISOString(), second.id);
    file.close();

    const all = isopatchOn(db, 'windows');
    expect(all.code).toBe(1);
    expect(all.stdout).toMatch(/2 windows; 2 with conflicts\.\n$/);
    const later = isopatchOn(db, 'windows', '--from', '2028-01-01', '--to', '2028-01-02');
    expect(later.code).toBe(0);
    expect(later.stdout).toBe(
      '0 windows; 0 with conflicts (and 2 windows with conflicts outside the listed ones).\n',
    );
  });

  it('refuses an illegal state change with exit code 2 and the reason, and accepts a legal one', () => {
    const { db } = hospital();
    const refused = isopatchOn(db, 'set-state', 'NM-1', 'reconnected');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/NM-1 cannot go from "affected" to "reconnected"/);
    // A network state is no device state: said in words, with the states to choose from.
    expect(isopatchOn(db, 'set-state', 'NM-1', 'disconnected')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        /^"disconnected" is not a device state; STATE is one of unassessed, affected, .*decommissioned\.\n$/,
      ),
    });
    const accepted = isopatchOn(
      db,
      'set-state',
      'NM-1',
      'not-affected',
      '--reason',
      'Stand-alone unit, never networked',
    );
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toBe('NM-1: affected -> not-affected.\n');
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isopatchOn } from '../testing/cli';
import { tempDir } from '../testing/temp';

/** Much like the README's example file. */
const MODEL = {
  format: 'isopatch-site-model',
  version: 1,
  sites: [
    {
      name: 'Main site',
      timeZone: 'Europe/Berlin',
      departments: [
        {
          name: 'Nuclear Medicine',
          maintenanceSlots: [{ day: 'Fri', start: '22:00', end: '06:00' }],
          blackouts: [{ from: '2026-12-24', to: '2026-12-26', reason: 'Christmas' }],
          availability: [{ modality: 'NM', maxDown: 1 }],
        },
      ],
    },
  ],
  teams: [
    { name: 'Network', kind: 'network' },
    { name: 'Siemens field service', kind: 'vendor-field-service', workDays: ['Mon', 'Tue', 'Wed'] },
    { name: 'Biomed', kind: 'biomed' },
  ],
  durations: { families: { 'SPECT/CT Systems': { patch: 240 } } },
  policies: { horizonDays: 90 },
};

function setup() {
  const dir = tempDir();
  const db = join(dir, 'isopatch.sqlite');
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  };
  const exported = () => {
    const r = isopatchOn(db, 'site', 'export');
    if (r.code !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout);
  };
  return { dir, db, file, exported };
}

describe('isopatch site', () => {
  it('exports a new database as JSON on stdout', () => {
    const { db } = setup();
    const run = isopatchOn(db, 'site', 'export');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      format: 'isopatch-site-model',
      sites: [{ name: 'Main site', timeZone: expect.any(String), departments: [] }],
      teams: [],
    });
  });

  it('imports a file, and exports it to a file that imports again without change', () => {
    const { db, dir, file, exported } = setup();
    const path = file('site.json', MODEL);
    const run = isopatchOn(db, 'site', 'import', path);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Saved the site model from ${path}: 1 sites, 1 departments, 3 teams.\n`);

    const out = join(dir, 'exported.json');
    const written = isopatchOn(db, 'site', 'export', '--out', out);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe(`Wrote the site model to ${out} (1 sites, 3 teams).\n`);
    const model = JSON.parse(readFileSync(out, 'utf8'));
    expect(model.sites[0].departments[0].maintenanceSlots).toEqual([
      { day: 'Fri', start: '22:00', end: '06:00' },
    ]);
    expect(model.policies.horizonDays).toBe(90);
    expect(model).toEqual(exported());

    expect(isopatchOn(db, 'site', 'import', out).code).toBe(0);
    expect(exported()).toEqual(model);
    const json = isopatchOn(db, '--json', 'site', 'export', '--out', out);
    expect(JSON.parse(json.stdout)).toEqual(model);
  });

  it.each([
    ['a stray comma', '{\n  "sites": [\n    { "name": "A", }\n  ]\n}\n', 'line 3, column 20 (position 34)'],
    ['a misspelt literal', '{\n  "sites": [tru]\n}', 'line 2, column 16 (position 17)'],
    ['text after the JSON', '{}\n{}', 'line 2, column 1 (position 3)'],
  ])(
    'refuses a file that is not JSON (%s), naming the file and where, and changes nothing',
    (_case, content, where) => {
      const { db, file, exported } = setup();
      const before = exported();
      const path = file('broken.json', content);
      const run = isopatchOn(db, 'site', 'import', path);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(`The file ${path} is not JSON: `);
      expect(run.stderr).toContain(` at ${where}.`);
      expect(exported()).toEqual(before);
    },
  );

  it('prints each problem of the file at its JSON path and changes nothing', () => {
    const { db, file, exported } = setup();
    const before = exported();
    const site = MODEL.sites[0] as (typeof MODEL.sites)[number];
    const bad = {
      ...MODEL,
      sites: [
        {
          ...site,
          timeZone: 'Mars/Olympus',
          departments: [
            ...site.departments,
            { name: 'CT', maintenanceSlots: [{ day: 'Mon', start: '24:00', end: '02:00' }] },
          ],
        },
      ],
    };
    const path = file('bad.json', bad);
    const run = isopatchOn(db, 'site', 'import', path);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      `${path}: at sites[0].timeZone: is not an IANA time zone such as Europe/Berlin`,
      `${path}: at sites[0].departments[1].maintenanceSlots[0].start: must be a time of day as HH:MM (00:00-23:59)`,
    ]);
    expect(exported()).toEqual(before);
  });

  it('names a product family that does not exist and changes nothing', () => {
    const { db, file, exported } = setup();
    const before = exported();
    const path = file('family.json', { ...MODEL, durations: { families: { Symbia: { patch: 60 } } } });
    const run = isopatchOn(db, 'site', 'import', path);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${path}: durations.families.Symbia: no product family is called "Symbia"\n`);
    expect(exported()).toEqual(before);
  });

  it('says which teams it kept because windows are assigned to them, with exit code 1', () => {
    const { db, file } = setup();
    const csv = file('devices.csv', 'Asset Tag,Model,Department\nA-1,Symbia T16,Nuclear Medicine\n');
    expect(isopatchOn(db, 'import-devices', csv).code).toBe(0);
    expect(isopatchOn(db, 'site', 'import', file('site.json', MODEL)).code).toBe(0);
    const sqlite = new Database(db);
    sqlite
      .prepare(
        `INSERT INTO planned_window (device_id, kind, team_id, start_at, end_at, created_at, updated_at)
         SELECT d.id, 'patch', t.id, '2026-12-04T21:00:00Z', '2026-12-05T01:00:00Z', '2026-11-29', '2026-11-29'
         FROM device d, team t WHERE d.asset_tag = 'A-1' AND t.name = 'Biomed'`,
      )
      .run();
    sqlite.close();
    const run = isopatchOn(db, 'site', 'import', file('fewer.json', { ...MODEL, teams: [MODEL.teams[0]] }));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '  kept team "Biomed": it is not in the file, but planned windows are assigned to it.',
    );
  });

  it.each([
    [['site'], /site needs import or export/],
    [['site', 'frobnicate'], /site has no action "frobnicate"/],
    [['site', 'import'], /site import takes one FILE.json/],
    [['site', 'import', 'a.json', 'b.json'], /site import takes one FILE.json/],
    [['site', 'export', 'out.json'], /site export takes no FILE; use --out FILE/],
    [['site', 'import', '/nonexistent/site.json'], /The file \/nonexistent\/site.json does not exist/],
  ])('answers %j with exit code 2 and one sentence', (args, message) => {
    const { db } = setup();
    const run = isopatchOn(db, ...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

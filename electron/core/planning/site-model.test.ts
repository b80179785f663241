import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../api/router';
import {
  DEFAULT_DURATIONS,
  DEFAULT_POLICIES,
  type SiteModel,
  type SiteModelInput,
  siteModel,
} from '../../api/schemas/site-model';
import { importFile } from '../../testing/devices';
import { openTestSession } from '../../testing/temp';

const INVENTORY =
  'Asset Tag,Model,Department\nA-1,Symbia T16,Nuclear Medicine\nA-2,Biograph mCT,PET Center\n';

type TeamInput = NonNullable<SiteModelInput['teams']>[number];
const NETWORK: TeamInput = { name: 'Network', kind: 'network', contact: 'noc@example.org' };
const TEAMS: TeamInput[] = [
  NETWORK,
  { name: 'Siemens field service', kind: 'vendor-field-service', workDays: ['Tue', 'Mon'] },
  { name: 'Biomed', kind: 'biomed', start: '22:00', end: '06:00', dailyCapacityMinutes: 240 },
];

/** Much like the README's example, with a second site and durations for what the inventory above holds. */
const EXAMPLE: SiteModelInput = {
  format: 'isopatch-site-model',
  version: 1,
  sites: [
    {
      name: 'Main site',
      timeZone: 'Europe/Berlin',
      departments: [
        {
          name: 'Nuclear Medicine',
          maintenanceSlots: [
            { day: 'Tue', start: '18:00', end: '22:00' },
            { day: 'Fri', start: '22:00', end: '06:00' },
          ],
          blackouts: [{ from: '2026-12-24', to: '2026-12-26', reason: 'Christmas' }],
          availability: [{ modality: 'SPECT/CT', maxDown: 1 }],
        },
      ],
      blackouts: [{ from: '2026-12-31', to: '2027-01-01', reason: 'New Year' }],
    },
    { name: 'Klinikum Süd', timeZone: 'Europe/Vienna', departments: [{ name: 'Radiology' }] },
  ],
  teams: TEAMS,
  durations: {
    default: { isolation: 20, patch: 120, qc: 45, reconnection: 15 },
    families: { 'SPECT/CT Systems': { patch: 240, qc: 90 } },
    devices: { 'A-1': { isolation: 45 } },
  },
  policies: { criticalCvss: 8.5, horizonDays: 90 },
};

const TABLES = [
  'site',
  'department',
  'maintenance_slot',
  'blackout',
  'availability_rule',
  'team',
  'task_duration',
  'organization',
  'audit_log',
];
const counts = (db: Database.Database) =>
  Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]));

async function setup(withDevices = true) {
  const session = await openTestSession();
  const router = createRouter(session);
  if (withDevices) await importFile(router, INVENTORY);
  return { router, db: session.ctx.db };
}

async function get(router: Router): Promise<SiteModel> {
  const result = await router.dispatch('getSiteModel', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as SiteModel;
}

async function save(router: Router, model: unknown) {
  const result = await router.dispatch('saveSiteModel', { model });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as { model: SiteModel; keptTeams: string[] };
}

const siteModelAudit = (db: Database.Database) =>
  db
    .prepare(
      `SELECT entity, entity_id AS entityId, action, before_json AS "before", after_json AS "after"
       FROM audit_log WHERE operation = 'saveSiteModel' ORDER BY id`,
    )
    .all()
    .map((row) => {
      const r = row as { entity: string; entityId: string; action: string; before: string; after: string };
      return { ...r, before: JSON.parse(r.before), after: JSON.parse(r.after) };
    });

describe('the site model', () => {
  it('reads a new database as its main site with the default durations and policies', async () => {
    const { router } = await setup(false);
    const model = await get(router);
    expect(model).toEqual({
      format: 'isopatch-site-model',
      version: 1,
      sites: [{ name: 'Main site', timeZone: 'Europe/Berlin', departments: [], blackouts: [] }],
      teams: [],
      durations: { default: DEFAULT_DURATIONS, families: {}, devices: {} },
      policies: DEFAULT_POLICIES,
    });
    expect(siteModel.parse(model)).toEqual(model);
  });

  it('reads back what it saved: main site first, departments by name with those devices created, teams by name', async () => {
    const { router } = await setup();
    const { model, keptTeams } = await save(router, EXAMPLE);
    expect(keptTeams).toEqual([]);
    expect(await get(router)).toEqual(model);
    expect(siteModel.parse(model)).toEqual(model);
    expect(model.sites.map((s) => s.name)).toEqual(['Main site', 'Klinikum Süd']);
    expect(model.sites[0]?.departments.map((d) => d.name)).toEqual(['Nuclear Medicine', 'PET Center']);
    expect(model.sites[0]?.departments[1]).toEqual({
      name: 'PET Center',
      maintenanceSlots: [],
      blackouts: [],
      availability: [],
    });
    expect(model.sites[0]?.departments[0]?.maintenanceSlots).toEqual([
      { day: 'Tue', start: '18:00', end: '22:00' },
      { day: 'Fri', start: '22:00', end: '06:00' },
    ]);
    expect(model.teams.map((t) => t.name)).toEqual(['Biomed', 'Network', 'Siemens field service']);
    expect(model.teams[2]).toEqual({
      name: 'Siemens field service',
      kind: 'vendor-field-service',
      workDays: ['Mon', 'Tue'],
      start: '07:00',
      end: '16:00',
      dailyCapacityMinutes: 480,
      contact: '',
    });
    expect(model.durations).toEqual(EXAMPLE.durations);
    expect(model.policies).toEqual({ ...DEFAULT_POLICIES, criticalCvss: 8.5, horizonDays: 90 });
  });

  it('survives a get, save, get round trip unchanged and without audit entries', async () => {
    const { router, db } = await setup();
    await save(router, EXAMPLE);
    const first = await get(router);
    const before = counts(db);
    await save(router, first);
    expect(await get(router)).toEqual(first);
    expect(counts(db)).toEqual(before);
  });

  it('keeps a slot that crosses midnight (Fri 22:00 - Sat 06:00) as one slot', async () => {
    const { router, db } = await setup();
    await save(router, EXAMPLE);
    expect(
      db
        .prepare("SELECT weekday, start_local, end_local FROM maintenance_slot WHERE start_local = '22:00'")
        .all(),
    ).toEqual([{ weekday: 5, start_local: '22:00', end_local: '06:00' }]);
  });

  it("replaces the slots, blackouts and rules of the file's departments and leaves every other one alone", async () => {
    const { router, db } = await setup();
    await save(router, EXAMPLE);
    const petSlots = [{ day: 'Sat', start: '08:00', end: '12:00' }];
    await save(router, {
      sites: [
        {
          name: 'Main site',
          timeZone: 'Europe/Berlin',
          departments: [
            { name: 'Nuclear Medicine', maintenanceSlots: [{ day: 'Wed', start: '19:00', end: '23:00' }] },
            { name: 'PET Center', maintenanceSlots: petSlots },
          ],
        },
      ],
    });
    const model = await get(router);
    expect(model.sites[0]?.departments).toEqual([
      {
        name: 'Nuclear Medicine',
        maintenanceSlots: [{ day: 'Wed', start: '19:00', end: '23:00' }],
        blackouts: [],
        availability: [],
      },
      { name: 'PET Center', maintenanceSlots: petSlots, blackouts: [], availability: [] },
    ]);
    expect(model.sites[0]?.blackouts).toEqual([]);
    // Klinikum Süd is not in the second file: kept, with its department.
    expect(model.sites[1]).toMatchObject({ name: 'Klinikum Süd', departments: [{ name: 'Radiology' }] });
    expect(db.prepare('SELECT count(*) FROM maintenance_slot').pluck().get()).toBe(2);
  });

  it('matches names without case, takes the spelling of the file and keeps the main site', async () => {
    const { router, db } = await setup();
    const mainSite = db.prepare('SELECT default_site_id FROM organization').pluck().get();
    await save(router, {
      sites: [
        { name: 'Zentrum', timeZone: 'UTC' },
        { name: 'MAIN SITE', timeZone: 'Europe/Berlin', departments: [{ name: 'nuclear medicine' }] },
      ],
    });
    const model = await get(router);
    expect(model.sites.map((s) => s.name)).toEqual(['MAIN SITE', 'Zentrum']);
    expect(model.sites[0]?.departments.map((d) => d.name)).toEqual(['nuclear medicine', 'PET Center']);
    expect(db.prepare('SELECT default_site_id FROM organization').pluck().get()).toBe(mainSite);
    expect(db.prepare('SELECT count(*) FROM department').pluck().get()).toBe(2);
  });

  it('deletes teams left out of the file, but keeps those planned windows are assigned to', async () => {
    const { router, db } = await setup();
    await save(router, EXAMPLE);
    const biomed = db.prepare("SELECT id FROM team WHERE name = 'Biomed'").pluck().get();
    db.prepare(
      `INSERT INTO planned_window (device_id, kind, team_id, start_at, end_at, created_at, updated_at)
       VALUES ((SELECT id FROM device WHERE asset_tag = 'A-1'), 'patch', ?,
         '2026-12-04T21:00:00.000Z', '2026-12-05T01:00:00.000Z', '2026-11-29T10:00:00.000Z', '2026-11-29T10:00:00.000Z')`,
    ).run(biomed);
    const { model, keptTeams } = await save(router, { ...EXAMPLE, teams: [NETWORK] });
    expect(keptTeams).toEqual(['Biomed']);
    expect(model.teams.map((t) => t.name)).toEqual(['Biomed', 'Network']);
    expect(siteModelAudit(db).filter((e) => e.action === 'delete')).toEqual([
      expect.objectContaining({
        entity: 'team',
        before: expect.objectContaining({ name: 'Siemens field service' }),
      }),
    ]);
  });

  it('refuses durations for a family or device that does not exist, naming each place, and changes nothing', async () => {
    const { router, db } = await setup();
    await save(router, EXAMPLE);
    const before = counts(db);
    const policiesBefore = db.prepare('SELECT policies_json FROM organization').pluck().get();
    const result = await router.dispatch('saveSiteModel', {
      model: {
        ...EXAMPLE,
        sites: [{ name: 'Elsewhere', timeZone: 'UTC' }],
        teams: [],
        durations: {
          families: {
            Symbia: { patch: 60 },
            'PET/CT X': { qc: 30 },
            'spect/ct systems': { patch: 200 },
            'SPECT/CT SYSTEMS': { patch: 100 },
          },
          devices: { 'A-9': { patch: 10 } },
        },
        policies: {},
      },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (result.ok) return;
    expect(result.error.message).toBe(
      [
        'durations.families.Symbia: no product family is called "Symbia"',
        'durations.families["PET/CT X"]: no product family is called "PET/CT X"',
        'durations.families["SPECT/CT SYSTEMS"]: names the same product family as "spect/ct systems"',
        'durations.devices["A-9"]: no device has the asset tag "A-9"',
      ].join('; '),
    );
    expect(counts(db)).toEqual(before);
    expect(db.prepare('SELECT policies_json FROM organization').pluck().get()).toBe(policiesBefore);
  });

  it('takes family names and asset tags without case, stored under their own spelling', async () => {
    const { router } = await setup();
    const { model } = await save(router, {
      ...EXAMPLE,
      durations: { families: { 'spect/ct systems': { patch: 200 } }, devices: { 'a-2': { qc: 20 } } },
    });
    expect(model.durations).toEqual({
      default: DEFAULT_DURATIONS,
      families: { 'SPECT/CT Systems': { patch: 200 } },
      devices: { 'A-2': { qc: 20 } },
    });
  });

  it.each([
    [
      'a made-up time zone',
      { sites: [{ name: 'A', timeZone: 'Mars/Olympus' }] },
      'model.sites.0.timeZone',
      /IANA/,
    ],
    [
      'a time of day past midnight',
      {
        sites: [
          {
            name: 'A',
            timeZone: 'UTC',
            departments: [
              { name: 'CT' },
              { name: 'MR', maintenanceSlots: [{ day: 'Mon', start: '24:00', end: '02:00' }] },
            ],
          },
        ],
      },
      'model.sites.0.departments.1.maintenanceSlots.0.start',
      /must be a time of day as HH:MM/,
    ],
    [
      'a team twice',
      { sites: [{ name: 'A', timeZone: 'UTC' }], teams: [NETWORK, NETWORK] },
      'model.teams.1',
      /appears twice/,
    ],
    ['no site', { sites: [] }, 'model.sites', /at least one site/],
  ])('refuses %s through the router, naming its place in the file', async (_case, model, path, message) => {
    const { router, db } = await setup();
    const before = counts(db);
    const result = await router.dispatch('saveSiteModel', { model });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (result.ok) return;
    expect(result.error.issues?.[0]?.path).toBe(path);
    expect(result.error.issues?.[0]?.message).toMatch(message);
    expect(counts(db)).toEqual(before);
  });

  it('audits each changed site, department, team and the policies once, with before and after', async () => {
    const { router, db } = await setup();
    await save(router, EXAMPLE);
    const first = siteModelAudit(db);
    expect(first.map((e) => `${e.entity} ${e.action}`)).toEqual([
      'site update',
      'department update',
      'site create',
      'department create',
      'team create',
      'team create',
      'team create',
      'site_model update',
    ]);
    expect(first[1]).toMatchObject({
      before: { maintenanceSlots: [], blackouts: [], availability: [] },
      after: { availability: [{ modality: 'SPECT/CT', maxDown: 1 }] },
    });
    expect(first[7]?.before).toEqual({
      policies: DEFAULT_POLICIES,
      durations: { default: DEFAULT_DURATIONS, families: {}, devices: {} },
    });

    const model = await get(router);
    const department = model.sites[0]?.departments[0];
    if (department) department.maintenanceSlots = [{ day: 'Sat', start: '00:00', end: '06:00' }];
    await save(router, model);
    expect(siteModelAudit(db).slice(first.length)).toEqual([
      {
        entity: 'department',
        entityId: expect.any(String),
        action: 'update',
        before: {
          maintenanceSlots: [
            { day: 'Tue', start: '18:00', end: '22:00' },
            { day: 'Fri', start: '22:00', end: '06:00' },
          ],
        },
        after: { maintenanceSlots: [{ day: 'Sat', start: '00:00', end: '06:00' }] },
      },
    ]);
  });

  it("imports the README's example as written, and exports it back exactly", async () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### The site model file'));
    const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)?.[1] ?? '');
    const { router } = await setup(false);
    await importFile(router, 'Asset Tag,Model,Department\nSPECT-0042,Symbia T16,Nuclear Medicine\n');
    await save(router, example);
    expect(await get(router)).toEqual(example);
  });

  it('keeps what else organization.policies_json holds', async () => {
    const { router, db } = await setup(false);
    db.prepare(`UPDATE organization SET policies_json = '{"plannerNote": "kept"}'`).run();
    await save(router, { sites: [{ name: 'Main site', timeZone: 'UTC' }], policies: { horizonDays: 30 } });
    expect(JSON.parse(db.prepare('SELECT policies_json FROM organization').pluck().get() as string)).toEqual({
      plannerNote: 'kept',
      policies: { ...DEFAULT_POLICIES, horizonDays: 30 },
      defaultDurations: DEFAULT_DURATIONS,
    });
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSession } from '../core/session';
import { openTestSession, tempDir } from '../testing/temp';
import { contract, type InputOf, type OperationName } from './contract';
import { operationNames } from './operations';
import { isRecoveryOperation } from './recovery';
import { createRouter, type Router } from './router';

// restoreBackup replaces the database file itself; api/recovery.test.ts checks its audit entry in the restored file.
type WriteOperation = Exclude<
  { [K in OperationName]: (typeof contract)[K]['kind'] extends 'write' ? K : never }[OperationName],
  'restoreBackup'
>;

const csv = (text: string) => Buffer.from(text).toString('base64');
const DEVICES_CSV = csv(
  'Asset Tag,Model,Department\nA-1,Symbia T16,Nuclear Medicine\nA-2,Biograph mCT,PET Center\n',
);

async function importTwoDevices(router: Router) {
  const result = await router.dispatch('importDevices', { fileName: 'devices.csv', content: DEVICES_CSV });
  if (!result.ok) throw new Error(result.error.message);
  const page = await router.dispatch('listDevices', {});
  if (!page.ok) throw new Error(page.error.message);
  return {
    batchId: (result.value as { batchId: number }).batchId,
    ids: (page.value as { rows: { id: number }[] }).rows.map((row) => row.id),
  };
}

/**
 * For every write operation, a valid input that changes something, after any setup it needs. The type makes a
 * new write operation add its own, so the audit test below covers it.
 */
/** A saved mapping template's id, for the operations that rename or delete one. */
async function savedTemplate(router: Router): Promise<number> {
  const result = await router.dispatch('saveMappingTemplate', {
    name: 'CMMS export',
    mapping: { 'Asset Tag': 'assetTag' },
  });
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { id: number }).id;
}

const writeScenarios: { [K in WriteOperation]: (router: Router) => Promise<InputOf<K>> } = {
  updateSettings: async () => ({
    organizationName: 'St. Elisabeth Hospital',
    siteTimeZone: 'America/New_York',
  }),
  importDevices: async () => ({ fileName: 'devices.csv', content: DEVICES_CSV }),
  undoImport: async (router) => ({ batchId: (await importTwoDevices(router)).batchId }),
  saveMappingTemplate: async () => ({
    name: 'CMMS export',
    mapping: { 'Asset Tag': 'assetTag', Notes: null },
  }),
  renameMappingTemplate: async (router) => ({ id: await savedTemplate(router), name: 'CMMS export 2' }),
  deleteMappingTemplate: async (router) => ({ id: await savedTemplate(router) }),
  updateDevice: async (router) => ({
    id: (await importTwoDevices(router)).ids[0] ?? 0,
    changes: { location: 'Room 2' },
  }),
  importAdvisory: async () => ({
    fileName: 'advisory.json',
    content: readFileSync(
      join(import.meta.dirname, '..', 'core', 'advisories', 'fixtures', 'lossy-v1.json'),
      'utf8',
    ),
  }),
  saveManualAdvisory: async () => ({
    trackingId: 'SIEMENS-LETTER-2026-11',
    title: 'Symbia.net workplaces: SMB vulnerability',
    publisher: 'Siemens Healthineers',
    releaseDate: '2026-11-02',
    products: [{ vendor: 'Siemens', product: 'SPECT Workplaces/Symbia.net' }],
    vulnerabilities: [{ title: 'Remote code execution', vector: 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
    remediation: {
      category: 'mitigation',
      details: 'Isolate the workplaces in a dedicated network segment.',
    },
  }),
  confirmMatch: async () => ({ model: 'Intevo Bold', family: 'SPECT/CT Systems' }),
  setPatchStatus: async () => ({
    advisory: 'ICSMA-17-215-02',
    family: 'spect/ct systems',
    status: 'available',
    availableFrom: '2018-03-01',
    updateId: 'VB22A-UD03',
  }),
  rejectModel: async () => ({
    vendor: 'Siemens Healthineers',
    model: 'Intevo Bold',
    reason: 'A demonstration unit without network.',
  }),
  saveVendorAlias: async () => ({ vendor: 'Siemens Healthineers', alias: 'Siemens Molecular Imaging Inc.' }),
  deleteVendorAlias: async () => ({ alias: 'Siemens Healthcare GmbH' }),
  saveModelAlias: async () => ({ family: 'SPECT/CT Systems', model: 'Intevo Bold' }),
  deleteModelAlias: async () => ({ family: 'SPECT Systems', model: 'c.cam' }),
  deleteMatchRule: async (router) => {
    await router.dispatch('confirmMatch', { model: 'Intevo Bold', family: 'SPECT/CT Systems' });
    return { vendor: 'Siemens Healthineers', model: 'Intevo Bold' };
  },
  bulkUpdateDevices: async (router) => ({
    ids: (await importTwoDevices(router)).ids,
    changes: { department: 'Radiology' },
  }),
  saveSiteModel: async () => ({
    model: {
      sites: [
        {
          name: 'Main site',
          timeZone: 'Europe/Berlin',
          departments: [
            { name: 'Nuclear Medicine', maintenanceSlots: [{ day: 'Fri', start: '22:00', end: '06:00' }] },
          ],
        },
      ],
      teams: [{ name: 'Network', kind: 'network' }],
      policies: { horizonDays: 90 },
    },
  }),
  applyPlan: async (router) => {
    await plannedHospital(router);
    return { from: '2026-11-30' };
  },
  saveWindow: async (router) => ({ ...(await handPlacedIsolation(router)), id: undefined }),
  deleteWindow: async (router) => ({ id: await savedWindowId(router) }),
  unlockWindow: async (router) => ({ id: await savedWindowId(router) }),
  // Done a week early, on the day before FIXED_NOW: work is recorded once done.
  completeTask: async (router) => ({
    id: await savedWindowId(router),
    actualStart: '2026-11-28T07:05:00+01:00',
    actualEnd: '2026-11-28T07:40:00+01:00',
  }),
  setDeviceState: async (router) => {
    await plannedHospital(router);
    return { assetTag: 'NM-1', state: 'not-affected', reason: 'Never networked.' };
  },
};

/** An affected Symbia in Nuclear Medicine, Saturday slots and a network team. */
async function plannedHospital(router: Router): Promise<number> {
  await router.dispatch('saveSiteModel', {
    model: {
      sites: [
        {
          name: 'Main site',
          timeZone: 'Europe/Berlin',
          departments: [
            { name: 'Nuclear Medicine', maintenanceSlots: [{ day: 'Sat', start: '07:00', end: '13:00' }] },
          ],
        },
      ],
      teams: [{ name: 'Network', kind: 'network', workDays: ['Sat'] }],
    },
  });
  await router.dispatch('importDevices', {
    fileName: 'devices.csv',
    content: csv(
      'Asset Tag,Manufacturer,Model,Department,OS\nNM-1,Siemens,Symbia T16,Nuclear Medicine,Windows 7\n',
    ),
  });
  const page = await router.dispatch('listDevices', {});
  if (!page.ok) throw new Error(page.error.message);
  return (page.value as { rows: { id: number }[] }).rows[0]?.id ?? 0;
}

async function handPlacedIsolation(router: Router) {
  return {
    deviceId: await plannedHospital(router),
    kind: 'isolation' as const,
    start: '2026-12-05T07:00:00+01:00',
    end: '2026-12-05T07:30:00+01:00',
  };
}

async function savedWindowId(router: Router): Promise<number> {
  const saved = await router.dispatch('saveWindow', await handPlacedIsolation(router));
  if (!saved.ok) throw new Error(saved.error.message);
  return (saved.value as { id: number }).id;
}

const quiet = { logError: () => {} };

describe('the contract', () => {
  it('declares exactly the operations the transports expose', () => {
    expect(Object.keys(contract).sort()).toEqual([...operationNames].sort());
  });
});

describe('the router', () => {
  it('answers a valid read with a typed result', async () => {
    const session = await openTestSession();
    const result = await createRouter(session).dispatch('getSettings', {});
    expect(result).toEqual({
      ok: true,
      value: { organizationName: '', siteName: 'Main site', siteTimeZone: 'Europe/Berlin' },
      changed: [],
    });
  });

  it('refuses an unknown operation', async () => {
    const result = await createRouter(await openTestSession()).dispatch('dropAllTables', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
  });

  it.each([
    [
      'an empty name',
      { organizationName: '   ', siteTimeZone: 'Europe/Berlin' },
      'organizationName',
      /must not be empty/,
    ],
    ['a made-up time zone', { organizationName: 'A', siteTimeZone: 'Mars/Olympus' }, 'siteTimeZone', /IANA/],
    ['a name that is a number', { organizationName: 42, siteTimeZone: 'UTC' }, 'organizationName', /string/],
    ['an unexpected field', { organizationName: 'A', siteTimeZone: 'UTC', admin: true }, 'input', /admin/],
    [
      'a name too long',
      { organizationName: 'x'.repeat(201), siteTimeZone: 'UTC' },
      'organizationName',
      /200/,
    ],
  ])('rejects %s, naming the field, and changes nothing', async (_case, input, path, message) => {
    const session = await openTestSession();
    const router = createRouter(session);
    const auditBefore = session.ctx.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const result = await router.dispatch('updateSettings', input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.issues?.[0]?.path).toBe(path);
    expect(result.error.message).toMatch(message);
    expect(await router.dispatch('getSettings', {})).toMatchObject({
      ok: true,
      value: { organizationName: '', siteTimeZone: 'Europe/Berlin' },
    });
    expect(session.ctx.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(auditBefore);
  });

  it.each([null, 'text', 42, [], { extra: 1 }])(
    'rejects %j as the input of a read without fields',
    async (input) => {
      const result = await createRouter(await openTestSession()).dispatch('getStatus', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    },
  );

  it('normalises what it accepts: trimmed text, canonical time zone', async () => {
    const router = createRouter(await openTestSession());
    const result = await router.dispatch('updateSettings', {
      organizationName: '\u00a0 Klinikum Nord ',
      siteTimeZone: 'europe/berlin',
    });
    expect(result).toMatchObject({
      ok: true,
      value: { organizationName: 'Klinikum Nord', siteTimeZone: 'Europe/Berlin' },
      changed: ['settings', 'audit'],
    });
  });

  it.each(Object.keys(writeScenarios) as WriteOperation[])(
    'audits %s with user, before and after',
    async (name) => {
      const session = await openTestSession();
      const router = createRouter(session);
      const input = await writeScenarios[name](router);
      const result = await router.dispatch(name, input);
      expect(result.ok).toBe(true);
      const rows = session.ctx.db
        .prepare('SELECT os_user, operation, before_json, after_json FROM audit_log WHERE operation = ?')
        .all(name) as { os_user: string; before_json: string; after_json: string }[];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.os_user).toBe('tester');
        expect(JSON.parse(row.before_json)).not.toEqual(JSON.parse(row.after_json));
      }
    },
  );

  it('records no audit entry when a write changes nothing', async () => {
    const session = await openTestSession();
    const router = createRouter(session);
    const input = { organizationName: 'Same', siteTimeZone: 'Europe/Berlin' };
    await router.dispatch('updateSettings', input);
    const count = () => session.ctx.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const after = count();
    await router.dispatch('updateSettings', input);
    expect(count()).toBe(after);
  });

  it('rolls a write back as a whole when it fails half-way, and answers instead of throwing', async () => {
    const session = await openTestSession();
    // Make the second statement of updateSettings fail after the first has run.
    session.ctx.db.exec(
      "CREATE TRIGGER no_zone BEFORE UPDATE OF time_zone ON site BEGIN SELECT RAISE(ABORT, 'disk says no'); END;",
    );
    const result = await createRouter(session, quiet).dispatch('updateSettings', {
      organizationName: 'Changed',
      siteTimeZone: 'Asia/Tokyo',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(session.ctx.db.prepare('SELECT name FROM organization').pluck().get()).toBe('');
    expect(
      session.ctx.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'update'").pluck().get(),
    ).toBe(0);
  });

  it('answers every operation but listing and restoring backups with DATABASE_REFUSED when the file was not opened', async () => {
    const path = join(tempDir(), 'isopatch.sqlite');
    writeFileSync(path, 'not a database at all, but long enough to look like a file');
    const session = await openSession(path);
    expect(session.state).toBe('refused');
    const router = createRouter(session);
    for (const name of operationNames.filter((n) => !isRecoveryOperation(n))) {
      const result = await router.dispatch(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'DATABASE_REFUSED' } });
      if (!result.ok) expect(result.error.message).toContain(path);
    }
  });

  it('lists the audit log newest first', async () => {
    const session = await openTestSession();
    const router = createRouter(session);
    await router.dispatch('updateSettings', { organizationName: 'First', siteTimeZone: 'UTC' });
    await router.dispatch('updateSettings', { organizationName: 'Second', siteTimeZone: 'UTC' });
    const result = await router.dispatch('listAudit', { limit: 2, entity: 'organization' });
    expect(result.ok && (result.value as { after: unknown }[]).map((entry) => entry.after)).toEqual([
      { name: 'Second' },
      { name: 'First' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../api/router';
import { openTestSession } from '../../testing/temp';

const csv = (text: string) => Buffer.from(text).toString('base64');

async function ok(router: Router, operation: string, input: unknown) {
  const result = await router.dispatch(operation, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Which site each device's department belongs to, by asset tag. */
function sitesOfDevices(db: import('better-sqlite3').Database) {
  return Object.fromEntries(
    (
      db
        .prepare(
          `SELECT d.asset_tag AS tag, s.name AS site, dep.name AS department FROM device d
           JOIN department dep ON dep.id = d.department_id JOIN site s ON s.id = dep.site_id`,
        )
        .all() as { tag: string; site: string; department: string }[]
    ).map((r) => [r.tag, `${r.site} / ${r.department}`]),
  );
}

describe('departments of imported devices', () => {
  it('uses a department the site model placed at another site instead of creating one at the main site', async () => {
    const session = await openTestSession();
    const router = createRouter(session);
    await ok(router, 'saveSiteModel', {
      model: {
        sites: [
          { name: 'Main site', timeZone: 'Europe/Berlin', departments: [{ name: 'Radiology' }] },
          { name: 'North Clinic', timeZone: 'Europe/Berlin', departments: [{ name: 'PET Center' }] },
        ],
      },
    });
    await ok(router, 'importDevices', {
      fileName: 'devices.csv',
      content: csv('Asset Tag,Department\nA-1,pet center\nA-2,Radiology\nA-3,Oncology\n'),
    });
    expect(sitesOfDevices(session.ctx.db)).toEqual({
      'A-1': 'North Clinic / PET Center',
      'A-2': 'Main site / Radiology',
      'A-3': 'Main site / Oncology',
    });
    expect(session.ctx.db.prepare('SELECT count(*) FROM department').pluck().get()).toBe(3);
  });

  it("prefers the main site's department when another site has one of the same name", async () => {
    const session = await openTestSession();
    const router = createRouter(session);
    await ok(router, 'saveSiteModel', {
      model: {
        sites: [
          { name: 'North Clinic', timeZone: 'Europe/Berlin', departments: [{ name: 'Radiology' }] },
          { name: 'Heart Center', timeZone: 'Europe/Berlin', departments: [{ name: 'Radiology' }] },
          { name: 'Main site', timeZone: 'Europe/Berlin', departments: [{ name: 'Radiology' }] },
        ],
      },
    });
    await ok(router, 'importDevices', {
      fileName: 'a.csv',
      content: csv('Asset Tag,Department\nA-1,Radiology\n'),
    });
    expect(sitesOfDevices(session.ctx.db)).toEqual({ 'A-1': 'Main site / Radiology' });
  });

  it('takes the oldest of two other sites sharing a name, and a device edit finds it too', async () => {
    const session = await openTestSession();
    const router = createRouter(session);
    await ok(router, 'saveSiteModel', {
      model: {
        sites: [
          { name: 'Main site', timeZone: 'Europe/Berlin' },
          { name: 'North Clinic', timeZone: 'Europe/Berlin', departments: [{ name: 'Oncology' }] },
          { name: 'Heart Center', timeZone: 'Europe/Berlin', departments: [{ name: 'Oncology' }] },
        ],
      },
    });
    await ok(router, 'importDevices', {
      fileName: 'a.csv',
      content: csv('Asset Tag,Department\nA-1,Oncology\n'),
    });
    expect(sitesOfDevices(session.ctx.db)).toEqual({ 'A-1': 'North Clinic / Oncology' });
    const id = session.ctx.db.prepare("SELECT id FROM device WHERE asset_tag = 'A-1'").pluck().get();
    await ok(router, 'updateDevice', { id, changes: { department: '' } });
    await ok(router, 'updateDevice', { id, changes: { department: 'ONCOLOGY' } });
    expect(sitesOfDevices(session.ctx.db)).toEqual({ 'A-1': 'North Clinic / Oncology' });
  });
});

describe('departments and vendors made along the way', () => {
  it('are audited, with the import batch that named them first', async () => {
    const session = await openTestSession();
    const router = createRouter(session);
    const imported = (await ok(router, 'importDevices', {
      fileName: 'devices.csv',
      content: csv('Asset Tag,Manufacturer,Department\nA-1,Acme Imaging,Cardiology\n'),
    })) as { batchId: number };
    const device = session.ctx.db.prepare("SELECT id FROM device WHERE asset_tag = 'A-1'").pluck().get();
    await ok(router, 'updateDevice', {
      id: device,
      changes: { department: 'Hybrid OR', manufacturer: 'Nova Medical' },
    });
    const created = session.ctx.db
      .prepare(
        `SELECT entity, json_extract(after_json, '$.name') AS name, batch_id AS batchId, operation FROM audit_log
         WHERE entity IN ('vendor', 'department') AND action = 'create' ORDER BY id`,
      )
      .all();
    expect(created).toEqual([
      { entity: 'vendor', name: 'Acme Imaging', batchId: imported.batchId, operation: 'importDevices' },
      { entity: 'department', name: 'Cardiology', batchId: imported.batchId, operation: 'importDevices' },
      { entity: 'vendor', name: 'Nova Medical', batchId: null, operation: 'updateDevice' },
      { entity: 'department', name: 'Hybrid OR', batchId: null, operation: 'updateDevice' },
    ]);
  });
});

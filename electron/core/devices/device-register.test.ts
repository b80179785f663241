import { describe, expect, it } from 'vitest';
import { createRouter } from '../../api/router';
import { devices, importFile } from '../../testing/devices';
import { openTestSession } from '../../testing/temp';
import { macSpelling } from './device-query';

async function setup() {
  const session = await openTestSession();
  return { session, router: createRouter(session), db: session.ctx.db };
}

describe('the device register', () => {
  it('searches every field, filters, sorts any column and pages', async () => {
    const { router } = await setup();
    await importFile(
      router,
      'Asset Tag,Model,Department,OS,Room\nA-3,Symbia T16,Nuclear Medicine,Windows 7,R1\nA-1,c.cam,Cardiology,Windows XP,R2\nA-2,Biograph mCT,PET Center,Windows 7,R3 ½\n',
    );
    const tags = async (input: Record<string, unknown>) =>
      (await devices(router, input)).map((d) => d.assetTag);
    expect(await tags({})).toEqual(['A-1', 'A-2', 'A-3']);
    expect(await tags({ sort: { field: 'model', direction: 'asc' } })).toEqual(['A-2', 'A-1', 'A-3']);
    expect(await tags({ sort: { field: 'department', direction: 'desc' } })).toEqual(['A-2', 'A-3', 'A-1']);
    expect(await tags({ search: 'symbia' })).toEqual(['A-3']);
    expect(await tags({ search: 'cardio' })).toEqual(['A-1']);
    expect(await tags({ search: 'R3 ½' })).toEqual(['A-2']);
    expect(await tags({ search: '100%' })).toEqual([]);
    expect(await tags({ filters: { os: ['Windows 7'] } })).toEqual(['A-2', 'A-3']);
    expect(await tags({ filters: { department: ['Cardiology'], state: ['unassessed'] } })).toEqual(['A-1']);
    const page = await router.dispatch('listDevices', { offset: 1, limit: 1 });
    expect(page).toMatchObject({ ok: true, value: { total: 3, offset: 1, rows: [{ assetTag: 'A-2' }] } });
    const facets = await router.dispatch('getDeviceFacets', {});
    expect(facets).toMatchObject({
      ok: true,
      value: {
        departments: ['Cardiology', 'Nuclear Medicine', 'PET Center'],
        oses: ['Windows 7', 'Windows XP'],
      },
    });
  });

  it('lists each filter value once, from what the devices use, in the order a person reads them', async () => {
    const { router } = await setup();
    await importFile(
      router,
      'Asset Tag,Manufacturer,Model,Department,OS\nA-1,Siemens,Symbia T16,nuklearmedizin,Windows 7\n' +
        'A-2,GE Healthcare,Discovery NM630,Radiology,windows xp\nA-3,SIEMENS HEALTHINEERS AG,Symbia T2,Radiology,Windows 7\n',
    );
    const facets = await router.dispatch('getDeviceFacets', {});
    expect(facets).toMatchObject({
      ok: true,
      value: {
        departments: ['nuklearmedizin', 'Radiology'],
        vendors: ['GE HealthCare', 'Siemens Healthineers'],
        families: ['SPECT/CT Systems'],
        oses: ['Windows 7', 'windows xp'],
        states: ['affected', 'unassessed'],
        networkStates: ['connected'],
      },
    });
  });

  it('edits with validation, audits the change, and changes many devices in one call', async () => {
    const { router, db } = await setup();
    await importFile(router, 'Asset Tag,Model\nA-1,x\nA-2,y\n');
    const [a1, a2] = await devices(router);
    const bad = await router.dispatch('updateDevice', { id: a1?.id, changes: { ip: '10.300.1.1' } });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'The IP address "10.300.1.1" is not a valid IPv4 or IPv6 address.',
      },
    });
    const good = await router.dispatch('updateDevice', {
      id: a1?.id,
      changes: { mac: 'aabbccddeeff', department: 'ICU' },
    });
    expect(good).toMatchObject({ ok: true, value: { mac: 'AA:BB:CC:DD:EE:FF', department: 'ICU' } });
    const taken = await router.dispatch('updateDevice', { id: a2?.id, changes: { assetTag: 'A-1' } });
    expect(taken).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const bulk = await router.dispatch('bulkUpdateDevices', {
      ids: [a1?.id, a2?.id],
      changes: { department: 'ICU', state: 'affected' },
    });
    expect(bulk).toMatchObject({ ok: true, value: { updated: 2, unchanged: 0 } });
    expect((await devices(router)).map((d) => [d.department, d.state])).toEqual([
      ['ICU', 'affected'],
      ['ICU', 'affected'],
    ]);
    const audited = db
      .prepare("SELECT count(*) FROM audit_log WHERE entity = 'device' AND action = 'update'")
      .pluck()
      .get();
    // The edit of A-1; the bulk change: A-1's state, A-2's department and then its state (the lifecycle's step).
    expect(audited).toBe(4);
    // The state went through the lifecycle: the isolation deadline of both starts now.
    expect(db.prepare('SELECT count(*) FROM device WHERE affected_at IS NOT NULL').pluck().get()).toBe(2);
  });
});

describe('searching the register for a MAC address', () => {
  it('finds it however the export wrote it', async () => {
    const router = createRouter(await openTestSession());
    await importFile(router, 'Asset Tag,MAC Address\nA-1,F7-8C-EB-74-00-4A\nA-2,00:11:22:33:44:55\n');
    for (const search of ['f7-8c-eb', 'F7:8C:EB:74', 'f78c.eb74.004a', 'f78ceb74004a', '74-00-4a']) {
      expect((await devices(router, { search })).map((d) => d.assetTag)).toEqual(['A-1']);
    }
  });

  it('leaves other words as they are', () => {
    expect(macSpelling('Symbia')).toBeNull();
    expect(macSpelling('AUR-10001')).toBeNull();
    expect(macSpelling('f7-8c')).toBe('f7:8c');
  });
});

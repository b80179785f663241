import { describe, expect, it } from 'vitest';
import { createRouter } from '../../api/router';
import { devices, importFile } from '../../testing/devices';
import { openTestSession } from '../../testing/temp';

async function setup() {
  const session = await openTestSession();
  return { router: createRouter(session), db: session.ctx.db };
}

const deviceAudits = (db: Awaited<ReturnType<typeof setup>>['db']) =>
  db
    .prepare("SELECT count(*) FROM audit_log WHERE entity IN ('device', 'vendor', 'department')")
    .pluck()
    .get();

describe('the key an import finds a device by', () => {
  it('refuses to empty the asset tag of a device that has one, and changes nothing', async () => {
    const { router, db } = await setup();
    await importFile(router, 'Asset Tag,Serial,Model\nA-001,SN-1,Symbia T16\n');
    const [device] = await devices(router);
    const audits = deviceAudits(db);
    for (const assetTag of [null, '', '   ']) {
      // With other changes in the same edit, none of them is kept either (no vendor or department made).
      const result = await router.dispatch('updateDevice', {
        id: device?.id,
        changes: { assetTag, manufacturer: 'Acme Imaging', department: 'New ward', model: 'T6' },
      });
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: 'The asset tag of A-001 cannot be emptied: imports find the device by it.',
        },
      });
    }
    expect((await devices(router)).map((d) => [d.assetTag, d.serial, d.model, d.department])).toEqual([
      ['A-001', 'SN-1', 'Symbia T16', null],
    ]);
    expect(deviceAudits(db)).toBe(audits);
    // Another asset tag, and emptying the serial, stay allowed: the device keeps a key.
    const renamed = await router.dispatch('updateDevice', {
      id: device?.id,
      changes: { assetTag: 'A-009', serial: null },
    });
    expect(renamed).toMatchObject({ ok: true, value: { assetTag: 'A-009', serial: null } });
  });

  it('refuses to empty the serial number of a device imported by its serial number', async () => {
    const { router, db } = await setup();
    await importFile(router, 'Serial,Model\nSN-7,Symbia T16\n', { key: 'serial' });
    const [device] = await devices(router);
    expect(device).toMatchObject({ assetTag: null, serial: 'SN-7' });
    const audits = deviceAudits(db);
    const result = await router.dispatch('updateDevice', { id: device?.id, changes: { serial: ' ' } });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message:
          'The serial number of SN-7 cannot be emptied: the device has no asset tag, and imports find it by its serial number.',
      },
    });
    expect((await devices(router)).map((d) => d.serial)).toEqual(['SN-7']);
    expect(deviceAudits(db)).toBe(audits);
    // Giving it an asset tag is fine; from then on the asset tag is what may not be emptied.
    const tagged = await router.dispatch('updateDevice', { id: device?.id, changes: { assetTag: 'A-7' } });
    expect(tagged).toMatchObject({ ok: true, value: { assetTag: 'A-7', serial: 'SN-7' } });
  });

  it('re-importing a file after a refused edit updates the device instead of adding a second one', async () => {
    const { router } = await setup();
    const file = 'Asset Tag,Serial,Model\nA-001,SN-1,Symbia T16\n';
    await importFile(router, file);
    const [device] = await devices(router);
    await router.dispatch('updateDevice', { id: device?.id, changes: { assetTag: null } });
    await importFile(router, file);
    expect((await devices(router)).map((d) => [d.assetTag, d.serial])).toEqual([['A-001', 'SN-1']]);
  });
});

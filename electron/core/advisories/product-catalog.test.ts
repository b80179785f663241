import { describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../api/router';
import type { AffectedDevice } from '../../api/schemas/advisories';
import type { CatalogChange, ProductCatalog } from '../../api/schemas/product-catalog';
import { devices, importFile } from '../../testing/devices';
import { openTestSession } from '../../testing/temp';

const INVENTORY = `Asset Tag,Manufacturer,Model,OS,Software Version
S-1,Siemens,Symbia T16,Windows 7,VB22A
S-2,Siemens Molecular,Symbia T16,Windows 7,VB22A
S-6,Siemens Healthineers,Intevo Bold,Windows 7,VB22A
S-7,Siemens Healthineers,Intevo Bold,Windows 7,VB22A
`;

async function setup() {
  const session = await openTestSession();
  const router = createRouter(session);
  await importFile(router, INVENTORY);
  return { router, db: session.ctx.db };
}

async function catalog(router: Router): Promise<ProductCatalog> {
  const result = await router.dispatch('getProductCatalog', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ProductCatalog;
}

async function change(router: Router, operation: Parameters<Router['dispatch']>[0], input: object) {
  const result = await router.dispatch(operation, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CatalogChange;
}

async function matched(router: Router): Promise<Map<string, AffectedDevice['advisories'][number]['status']>> {
  const result = await router.dispatch('listAffected', {});
  if (!result.ok) throw new Error(result.error.message);
  return new Map(
    (result.value as AffectedDevice[]).map((d) => [d.assetTag, d.advisories[0]?.status ?? 'rejected']),
  );
}

describe('the product catalog (Settings > Products)', () => {
  it('lists vendors with their aliases, families with their models, and who uses each, bundled ones marked', async () => {
    const { router } = await setup();
    const read = await catalog(router);
    const siemens = read.vendors.find((v) => v.name === 'Siemens Healthineers');
    expect(siemens?.devices).toBe(3);
    expect(siemens?.aliases).toContainEqual({ alias: 'Siemens', source: 'bundled', devices: 1 });
    // An unknown spelling became a vendor of its own on import.
    expect(read.vendors.find((v) => v.name === 'Siemens Molecular')).toMatchObject({
      devices: 1,
      aliases: [],
    });
    const spectCt = read.families.find((f) => f.name === 'SPECT/CT Systems');
    expect(spectCt).toMatchObject({ vendor: 'Siemens Healthineers', devices: 1 });
    expect(spectCt?.models).toContainEqual({ model: 'Symbia T16', source: 'bundled', devices: 1 });
    expect(read.rules).toEqual([]);
  });

  it('adds a model to a family: its devices match at once, and removing it undoes that', async () => {
    const { router, db } = await setup();
    expect((await matched(router)).get('S-6')).toBe('suggested');
    const added = await change(router, 'saveModelAlias', {
      family: 'spect/ct systems',
      model: ' Intevo  Bold ',
    });
    expect(added).toEqual({
      summary: 'Intevo Bold is now in SPECT/CT Systems; the family has 3 devices.',
      devices: 3,
    });
    expect((await matched(router)).get('S-6')).toBe('confirmed');
    const models = (await catalog(router)).families.find((f) => f.name === 'SPECT/CT Systems')?.models;
    expect(models).toContainEqual({ model: 'Intevo Bold', source: 'user', devices: 2 });
    expect(
      db
        .prepare(
          "SELECT action, after_json FROM audit_log WHERE entity = 'model_alias' AND operation = 'saveModelAlias'",
        )
        .get(),
    ).toEqual({
      action: 'create',
      after_json: JSON.stringify({
        vendor: 'Siemens Healthineers',
        family: 'SPECT/CT Systems',
        model: 'Intevo Bold',
        source: 'user',
      }),
    });
    await change(router, 'deleteModelAlias', { family: 'SPECT/CT Systems', model: 'intevo bold' });
    expect((await matched(router)).get('S-6')).toBe('suggested');
  });

  it('removes a bundled model too, and refuses a model already in another family or a family that is not there', async () => {
    const { router } = await setup();
    await change(router, 'deleteModelAlias', { family: 'SPECT/CT Systems', model: 'Symbia T16' });
    expect((await matched(router)).has('S-1')).toBe(false);
    expect(
      await router.dispatch('saveModelAlias', { family: 'PET/CT Systems', model: 'Symbia Intevo Bold' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          'Symbia Intevo Bold is already in SPECT/CT Systems; remove it there first to move it to PET/CT Systems.',
      },
    });
    expect(await router.dispatch('saveModelAlias', { family: 'Toasters', model: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await router.dispatch('saveModelAlias', { family: 'SPECT Systems', model: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('adds a vendor alias: devices written that way move to the vendor and match; the made-up vendor goes', async () => {
    const { router, db } = await setup();
    expect((await matched(router)).has('S-2')).toBe(false);
    const added = await change(router, 'saveVendorAlias', {
      vendor: 'Siemens Healthineers',
      alias: 'Siemens Molecular',
    });
    expect(added.devices).toBe(1);
    expect((await matched(router)).get('S-2')).toBe('confirmed');
    const [s2] = await devices(router, { search: 'S-2' });
    expect(s2).toMatchObject({ manufacturer: 'Siemens Molecular', vendor: 'Siemens Healthineers' });
    expect(db.prepare("SELECT count(*) FROM vendor WHERE name = 'Siemens Molecular'").pluck().get()).toBe(0);
    expect(
      db
        .prepare("SELECT action FROM audit_log WHERE entity = 'vendor' AND operation = 'saveVendorAlias'")
        .pluck()
        .all(),
    ).toEqual(['delete']);
  });

  it('removes a bundled vendor alias: its devices become a vendor of their own and stop matching', async () => {
    const { router } = await setup();
    const removed = await change(router, 'deleteVendorAlias', { alias: 'siemens' });
    expect(removed).toMatchObject({ devices: 1 });
    expect((await matched(router)).has('S-1')).toBe(false);
    const [s1] = await devices(router, { search: 'S-1' });
    expect(s1?.vendor).toBe('Siemens');
    await change(router, 'saveVendorAlias', { vendor: 'Siemens Healthineers', alias: 'Siemens' });
    expect((await matched(router)).get('S-1')).toBe('confirmed');
    expect((await catalog(router)).vendors.map((v) => v.name)).not.toContain('Siemens');
  });

  it('refuses an alias that is the vendor itself or another catalog vendor, and an unknown vendor', async () => {
    const { router } = await setup();
    expect(
      await router.dispatch('saveVendorAlias', {
        vendor: 'Siemens Healthineers',
        alias: 'siemens healthineers',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await router.dispatch('saveVendorAlias', { vendor: 'Siemens Healthineers', alias: 'Philips' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await router.dispatch('saveVendorAlias', { vendor: 'Acme', alias: 'ACME Inc.' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await router.dispatch('deleteVendorAlias', { alias: 'Nobody' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it("lists a person's decisions with who and when, and undoing one returns its devices to the table", async () => {
    const { router, db } = await setup();
    await router.dispatch('rejectModel', {
      vendor: 'Siemens Healthineers',
      model: 'Intevo Bold',
      reason: 'Demonstration units without a network port.',
    });
    expect((await catalog(router)).rules).toEqual([
      {
        vendor: 'Siemens Healthineers',
        model: 'Intevo Bold',
        decision: 'not-affected',
        family: null,
        reason: 'Demonstration units without a network port.',
        decidedBy: 'tester',
        decidedAt: '2026-11-29T10:00:00.000Z',
        devices: 2,
      },
    ]);
    expect((await matched(router)).has('S-6')).toBe(false);
    const undone = await change(router, 'deleteMatchRule', {
      vendor: 'siemens healthineers',
      model: 'INTEVO BOLD',
    });
    expect(undone.devices).toBe(2);
    expect((await matched(router)).get('S-6')).toBe('suggested');
    expect((await catalog(router)).rules).toEqual([]);
    expect(
      db
        .prepare(
          "SELECT before_json FROM audit_log WHERE operation = 'deleteMatchRule' AND entity = 'match_rule'",
        )
        .pluck()
        .get(),
    ).toMatch(/Demonstration units/);
    expect(
      await router.dispatch('deleteMatchRule', { vendor: 'Siemens Healthineers', model: 'Intevo Bold' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

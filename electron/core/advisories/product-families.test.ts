import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../api/router';
import type { AdvisoryDetail, AffectedDevice, MatchSuggestion } from '../../api/schemas/advisories';
import type { DeviceFacets } from '../../api/schemas/devices';
import { devices, importFile } from '../../testing/devices';
import { call } from '../../testing/router';
import { openTestSession } from '../../testing/temp';

/** A CSAF file that names Philips products the way CISA files do: no family of the catalog. */
const ADVISORY = readFileSync(join(import.meta.dirname, 'fixtures', 'named-products.json'), 'utf8');
const ID = 'ISOPATCH-TEST-2026-004';
const INVENTORY = `Asset Tag,Manufacturer,Model,Department,OS,Software Version
P-1,Philips Healthcare,Ingenuity TF,Nuclear Medicine,Windows 7,3.2.1
P-2,Philips,Ingenuity TF,Nuclear Medicine,Windows 7,3.5.0
P-3,Philips,IntelliSpace Portal,Radiology,Windows 10,9.0
P-4,Philips,Ingenia 1.5T,Radiology,Windows 7,3.2.1
`;

async function setup() {
  const session = await openTestSession();
  const router = createRouter(session);
  await importFile(router, INVENTORY);
  const imported = await call<{ status: string; findings: unknown[] }>(router, 'importAdvisory', {
    fileName: 'named-products.json',
    content: ADVISORY,
  });
  expect(imported).toMatchObject({ status: 'imported', findings: [] });
  return { router, db: session.ctx.db };
}

const affected = async (router: Router) =>
  new Map((await call<AffectedDevice[]>(router, 'listAffected')).map((d) => [d.assetTag, d]));
const states = async (router: Router) =>
  Object.fromEntries((await devices(router)).map((d) => [d.assetTag, d.state]));

describe('confirming a model as an advisory product that is no family of the catalog', () => {
  it("proposes the advisory's product as a family, and confirming makes it one the devices follow", async () => {
    const { router, db } = await setup();
    expect(await call<MatchSuggestion[]>(router, 'listMatchSuggestions')).toMatchObject([
      {
        vendor: 'Philips',
        model: 'Ingenuity TF',
        family: 'Ingenuity TF PET/CT',
        newFamily: true,
        devices: 2,
      },
      { vendor: 'Philips', model: 'IntelliSpace Portal', family: 'IntelliSpace Portal 9.0', newFamily: true },
    ]);
    expect(await states(router)).toMatchObject({ 'P-1': 'unassessed', 'P-2': 'unassessed' });

    // What the CLI sends for `confirm-match --model "Ingenuity TF" --family "ingenuity tf pet/ct"`.
    expect(
      await call(router, 'confirmMatch', { model: 'Ingenuity TF', family: 'ingenuity tf pet/ct' }),
    ).toEqual({ model: 'Ingenuity TF', family: 'Ingenuity TF PET/CT', devices: 2 });

    expect((await affected(router)).get('P-1')?.advisories).toMatchObject([
      {
        id: ID,
        status: 'confirmed',
        basis: 'rule',
        reason: `model Ingenuity TF -> Ingenuity TF PET/CT (confirmed rule); ${ID}`,
      },
    ]);
    expect(await states(router)).toMatchObject({ 'P-1': 'affected', 'P-2': 'affected', 'P-3': 'unassessed' });
    expect((await call<DeviceFacets>(router, 'getDeviceFacets')).families).toContain('Ingenuity TF PET/CT');
    // Only the product the model was proposed for became the family; the other one still waits.
    expect(await call<MatchSuggestion[]>(router, 'listMatchSuggestions')).toMatchObject([
      { model: 'IntelliSpace Portal', newFamily: true },
    ]);
    expect(
      db
        .prepare(
          "SELECT action, after_json FROM audit_log WHERE entity IN ('product_family', 'match_rule') ORDER BY id",
        )
        .all(),
    ).toEqual([
      {
        action: 'create',
        after_json: JSON.stringify({
          vendor: 'Philips',
          name: 'Ingenuity TF PET/CT',
          advisoryProducts: [`${ID} "Ingenuity TF PET/CT <4.0.0"`],
        }),
      },
      {
        action: 'create',
        after_json: JSON.stringify({ model: 'Ingenuity TF', family: 'Ingenuity TF PET/CT' }),
      },
    ]);
  });

  it('refuses a name that is neither a family nor a product, saying what the advisories propose', async () => {
    const { router, db } = await setup();
    const families = () => db.prepare('SELECT count(*) FROM product_family').pluck().get();
    const before = families();
    const result = await router.dispatch('confirmMatch', { model: 'IntelliSpace Portal', family: 'Portal' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(!result.ok && result.error.message).toMatch(
      /^There is no product family "Portal"; the catalog has ".*", and the advisories propose "IntelliSpace Portal 9\.0" for IntelliSpace Portal\.$/,
    );
    expect(families()).toBe(before);
  });

  it('keeps the family through a newer version of the advisory, and proposes it again once the rule is undone', async () => {
    const { router } = await setup();
    await call(router, 'confirmMatch', { model: 'Ingenuity TF', family: 'Ingenuity TF PET/CT' });
    const v2 = JSON.parse(ADVISORY);
    v2.document.tracking.version = '2';
    v2.document.tracking.current_release_date = '2026-03-01T10:00:00.000Z';
    v2.document.tracking.revision_history.push({
      date: '2026-03-01T10:00:00.000Z',
      number: '2',
      summary: 'Revision 2.',
    });
    expect(
      await call(router, 'importAdvisory', { fileName: 'v2.json', content: JSON.stringify(v2) }),
    ).toMatchObject({ status: 'updated' });
    expect((await affected(router)).get('P-2')?.advisories).toMatchObject([
      { status: 'confirmed', basis: 'rule' },
    ]);

    await call(router, 'deleteMatchRule', { vendor: 'Philips', model: 'Ingenuity TF' });
    expect((await call<MatchSuggestion[]>(router, 'listMatchSuggestions'))[0]).toMatchObject({
      model: 'Ingenuity TF',
      family: 'Ingenuity TF PET/CT',
      newFamily: false,
    });
  });
});

describe('patch availability for a family made from an advisory product', () => {
  it('is refused before the confirmation with what to do, and shown, set and applied after it', async () => {
    const { router } = await setup();
    const patch = {
      advisory: ID,
      family: 'Ingenuity TF PET/CT',
      status: 'available',
      availableFrom: '2026-03-01',
      updateId: 'TF-4.0.1',
    };
    const refused = await router.dispatch('setPatchStatus', patch);
    expect(!refused.ok && refused.error.message).toBe(
      `"Ingenuity TF PET/CT" is a product of ${ID} that is no product family yet: confirm a model as "Ingenuity TF PET/CT" first (Advisories > Matches, or confirm-match).`,
    );
    expect((await call<AdvisoryDetail>(router, 'getAdvisory', { id: ID })).patches).toEqual([]);

    await call(router, 'confirmMatch', { model: 'Ingenuity TF', family: 'Ingenuity TF PET/CT' });
    expect((await call<AdvisoryDetail>(router, 'getAdvisory', { id: ID })).patches).toMatchObject([
      { family: 'Ingenuity TF PET/CT', versionRange: '', status: 'none-available' },
    ]);
    const priority = (await affected(router)).get('P-1')?.priority ?? 0;

    // What the CLI sends for `patch-status ISOPATCH-TEST-2026-004 "Ingenuity TF PET/CT" --status available ...`.
    expect(await call(router, 'setPatchStatus', patch)).toMatchObject({
      family: 'Ingenuity TF PET/CT',
      status: 'available',
    });
    const detail = await call<AdvisoryDetail>(router, 'getAdvisory', { id: ID });
    expect(detail.patches).toMatchObject([
      {
        family: 'Ingenuity TF PET/CT',
        status: 'available',
        availableFrom: '2026-03-01',
        updateId: 'TF-4.0.1',
      },
    ]);
    expect(detail.patchHistory).toMatchObject([
      { family: 'Ingenuity TF PET/CT', after: { status: 'available' } },
    ]);
    const p1 = (await affected(router)).get('P-1');
    expect(p1?.advisories[0]?.patch).toMatchObject({ status: 'available', updateId: 'TF-4.0.1' });
    expect(p1?.priority).toBe(priority + 10);
  });
});

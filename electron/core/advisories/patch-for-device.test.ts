import { describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../api/router';
import type { AdvisoryDetail, AffectedDevice } from '../../api/schemas/advisories';
import { devices, importFile } from '../../testing/devices';
import { openTestSession } from '../../testing/temp';
import { matchedPatchRows } from './patch-for-device';

// Four Symbia T16 on Windows 7: before VB22A, at VB22A, without a version, with a version of another shape.
const INVENTORY = `Asset Tag,Manufacturer,Model,OS,Software Version
OLD,Siemens,Symbia T16,Windows 7,VA60A
NEW,Siemens,Symbia T16,Windows 7,VB22A
NONE,Siemens,Symbia T16,Windows 7,
ODD,Siemens,Symbia T16,Windows 7,2.0.1
`;

async function setup() {
  const session = await openTestSession();
  const router = createRouter(session);
  await importFile(router, INVENTORY);
  return { router, ctx: session.ctx };
}

const patchFor = (router: Router, status: string, extra: Record<string, string> = {}) =>
  router.dispatch('setPatchStatus', {
    advisory: 'ICSMA-17-215-02',
    family: 'SPECT/CT Systems',
    status,
    ...extra,
  });

async function affected(router: Router): Promise<Map<string, AffectedDevice>> {
  const result = await router.dispatch('listAffected', {});
  if (!result.ok) throw new Error(result.error.message);
  return new Map((result.value as AffectedDevice[]).map((d) => [d.assetTag, d]));
}

describe('patch availability per version range', () => {
  it('gives each device the row its software version falls in, else the all-versions row', async () => {
    const { router } = await setup();
    const saved = await patchFor(router, 'available', {
      versionRange: '< VB22A',
      availableFrom: '2018-03-01',
      updateId: 'VB22A-UD03',
    });
    expect(saved).toMatchObject({ ok: true, value: { versionRange: '< VB22A', status: 'available' } });
    const found = await affected(router);
    expect(found.get('OLD')?.advisories[0]?.patch).toEqual({
      status: 'available',
      availableFrom: '2018-03-01',
      updateId: 'VB22A-UD03',
      versionRange: '< VB22A',
      needsReview: false,
    });
    expect(found.get('OLD')?.priority).toBe(108);
    // The bundled all-versions row ("announced") holds for the versions the range does not name.
    expect(found.get('NEW')?.advisories[0]?.patch).toMatchObject({ status: 'announced', needsReview: false });
    expect(found.get('NEW')?.needsReview).toBe(false);
  });

  it('falls back to the all-versions row and asks for review when the version cannot be placed', async () => {
    const { router } = await setup();
    await patchFor(router, 'available', { versionRange: '< VB22A', availableFrom: '2018-03-01' });
    const found = await affected(router);
    for (const tag of ['NONE', 'ODD']) {
      expect(found.get(tag)?.advisories[0]?.patch).toMatchObject({
        status: 'announced',
        versionRange: '',
        needsReview: true,
      });
      expect(found.get(tag)?.needsReview).toBe(true);
      expect(found.get(tag)?.priority).toBe(103);
    }
  });

  it('shows the chosen row in the register, the device detail and the planner', async () => {
    const { router, ctx } = await setup();
    await patchFor(router, 'available', { versionRange: 'VA60A | VA60B', availableFrom: '2018-03-01' });
    const rows = await devices(router, { sort: { field: 'assetTag', direction: 'asc' } });
    expect(rows.map((d) => [d.assetTag, d.patchStatus])).toEqual([
      ['NEW', 'announced'],
      ['NONE', 'announced'],
      ['ODD', 'announced'],
      ['OLD', 'available'],
    ]);
    const old = rows.find((d) => d.assetTag === 'OLD');
    const detail = await router.dispatch('getDevice', { id: old?.id ?? 0 });
    expect(detail).toMatchObject({ ok: true, value: { matches: [{ patch: 'available' }] } });
    const planner = new Map(matchedPatchRows(ctx).map((r) => [r.device_id, r]));
    expect(planner.get(old?.id ?? 0)).toMatchObject({ status: 'available', available_from: '2018-03-01' });
  });

  it('lists range rows on the advisory page beside the family row, and keeps their history apart', async () => {
    const { router } = await setup();
    await patchFor(router, 'available', { versionRange: '< VB22A', availableFrom: '2018-03-01' });
    await patchFor(router, 'none-available', { versionRange: '>= VB22A' });
    const detail = (await router.dispatch('getAdvisory', { id: 'ICSMA-17-215-02' })) as {
      value: AdvisoryDetail;
    };
    expect(
      detail.value.patches
        .filter((p) => p.family === 'SPECT/CT Systems')
        .map((p) => [p.versionRange, p.status]),
    ).toEqual([
      ['', 'announced'],
      ['< VB22A', 'available'],
      ['>= VB22A', 'none-available'],
    ]);
    expect(detail.value.patchHistory.map((h) => h.family)).toEqual([
      'SPECT/CT Systems, versions >= VB22A',
      'SPECT/CT Systems, versions < VB22A',
    ]);
  });

  it('treats an all-versions range as the family row and refuses a range that names no version', async () => {
    const { router } = await setup();
    expect(await patchFor(router, 'superseded', { versionRange: 'vers:all/*' })).toMatchObject({
      ok: true,
      value: { versionRange: '', status: 'superseded' },
    });
    expect(await patchFor(router, 'announced', { versionRange: '< ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/cannot be read/) },
    });
  });
});

describe('the details of a patch status', () => {
  it('keeps an announced patch with its expected date, a release with its delivery and source', async () => {
    const { router } = await setup();
    expect(await patchFor(router, 'announced', { expectedDate: '2027-01-15' })).toMatchObject({ ok: true });
    expect(
      await patchFor(router, 'available', {
        availableFrom: '2026-12-01',
        updateId: 'VB22A-UD03',
        delivery: 'on-site',
        sourceNote: 'Siemens customer letter of 2026-11-30',
      }),
    ).toMatchObject({ ok: true });
    const detail = await router.dispatch('getAdvisory', { id: 'ICSMA-17-215-02' });
    if (!detail.ok) throw new Error(detail.error.message);
    const row = (detail.value as AdvisoryDetail).patches.find((p) => p.family === 'SPECT/CT Systems');
    expect(row).toMatchObject({
      status: 'available',
      availableFrom: '2026-12-01',
      expectedDate: null,
      updateId: 'VB22A-UD03',
      delivery: 'on-site',
      sourceNote: 'Siemens customer letter of 2026-11-30',
    });
  });

  it('refuses details of another status: an update for a patch that is not out, a date expected for one that is', async () => {
    const { router } = await setup();
    expect(await patchFor(router, 'none-available', { updateId: 'VB22A-UD03' })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `The vendor's update belongs to a patch that is "available" or "superseded", not "none available".`,
      },
    });
    expect(
      await patchFor(router, 'available', { availableFrom: '2026-12-01', expectedDate: '2026-12-24' }),
    ).toMatchObject({
      ok: false,
      error: { message: 'An expected date belongs to a patch that is "announced", not "available".' },
    });
  });
});

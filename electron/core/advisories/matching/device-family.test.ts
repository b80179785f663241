import { describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../../api/router';
import type { DeviceFacets } from '../../../api/schemas/devices';
import type { SiteModel } from '../../../api/schemas/site-model';
import { devices, importFile } from '../../../testing/devices';
import { call } from '../../../testing/router';
import { FIXED_NOW, openTestSession } from '../../../testing/temp';
import { loadPlanningData } from '../../planning/load-planning';
import { DAY_MS } from '../../planning/planning-data';

const INVENTORY = `Asset Tag,Manufacturer,Model,Department,OS,Software Version
S-1,"Siemens Medical Solutions USA, Inc.",Symbia T16,Nuclear Medicine,Win7 SP1,VB22A
S-2,SIEMENS HEALTHINEERS AG,Biograph Horizon,Nuclear Medicine,Windows XP Professional SP3,VG50A
S-3,Siemens,Symbia T16,Nuclear Medicine,Windows 10,VB30A
S-6,Siemens Healthineers,Intevo Bold,Nuclear Medicine,Windows 7,VB22A
P-1,Philips,Ingenia 1.5T,Radiology,Windows 7,3.2.1
`;

async function setup() {
  const session = await openTestSession();
  const router = createRouter(session);
  await importFile(router, INVENTORY);
  return { router, ctx: session.ctx, db: session.ctx.db };
}

const tagsIn = async (router: Router, family: string) =>
  (await devices(router, { filters: { family: [family] } })).map((d) => d.assetTag).sort();

describe("a device's product family, as matching resolves its model", () => {
  it('is written for imported devices, offered as a filter and finds them, unmatched OS included', async () => {
    const { router } = await setup();
    const facets = await call<DeviceFacets>(router, 'getDeviceFacets');
    expect(facets.families).toEqual(['PET/CT Systems', 'SPECT/CT Systems']);
    // S-3 runs Windows 10, so no advisory matches it, but it is a SPECT/CT system all the same.
    expect(await tagsIn(router, 'SPECT/CT Systems')).toEqual(['S-1', 'S-3']);
    expect(await tagsIn(router, 'PET/CT Systems')).toEqual(['S-2']);
  });

  it('follows rules and edits, as derived data: no revision, no audit entry per device', async () => {
    const { router, db } = await setup();
    const revisions = () => db.prepare('SELECT sum(revision) FROM device').pluck().get();
    const deviceAudits = () =>
      db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'device'").pluck().get() as number;
    const [before, auditsBefore] = [revisions(), deviceAudits()];
    // A suggestion is no family yet; a person's confirmation makes it one.
    expect(await tagsIn(router, 'SPECT/CT Systems')).not.toContain('S-6');
    await call(router, 'confirmMatch', { model: 'Intevo Bold', family: 'SPECT/CT Systems' });
    expect(await tagsIn(router, 'SPECT/CT Systems')).toEqual(['S-1', 'S-3', 'S-6']);
    expect(revisions()).toBe(before);
    // S-6 became affected (one audited state change); the family itself is not audited per device.
    expect(deviceAudits()).toBe(auditsBefore + 1);

    const [s3] = await devices(router, { search: 'S-3' });
    await call(router, 'updateDevice', { id: s3?.id, changes: { model: 'Biograph Horizon' } });
    expect(await tagsIn(router, 'PET/CT Systems')).toEqual(['S-2', 'S-3']);
    await call(router, 'deleteModelAlias', {
      vendor: 'Siemens Healthineers',
      family: 'PET/CT Systems',
      model: 'Biograph Horizon',
    });
    expect(await tagsIn(router, 'PET/CT Systems')).toEqual([]);
  });

  it("gives the planner the family's task durations", async () => {
    const { router, ctx } = await setup();
    const model = await call<SiteModel>(router, 'getSiteModel');
    await call(router, 'saveSiteModel', {
      model: {
        ...model,
        durations: { ...model.durations, families: { 'SPECT/CT Systems': { isolation: 45 } } },
      },
    });
    const from = FIXED_NOW.getTime();
    const planned = loadPlanningData(ctx, from, from + 30 * DAY_MS).devices;
    const [s1] = await devices(router, { search: 'S-1' });
    const [s2] = await devices(router, { search: 'S-2' });
    expect(planned.find((d) => d.id === s1?.id)?.minutes.isolation).toBe(45);
    expect(planned.find((d) => d.id === s2?.id)?.minutes.isolation).toBe(30);
  });
});

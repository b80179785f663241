import { describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../../api/router';
import type { AffectedDevice } from '../../../api/schemas/advisories';
import { devices, importFile } from '../../../testing/devices';
import { openTestSession } from '../../../testing/temp';

const INVENTORY = `Asset Tag,Manufacturer,Model,OS,Software Version
S-1,"Siemens Medical Solutions USA, Inc.",Symbia T16,Win7 SP1,VB22A
S-2,SIEMENS HEALTHINEERS AG,Biograph mCT Flow,Windows XP Professional SP3,VG50A
S-3,Siemens Healthcare GmbH,Symbia.net,Microsoft Windows 7 Embedded,VA60B
S-4,Siemens,c.cam,,VA60A
S-5,Siemens,Symbia T2,Windows 10,VB30A
S-6,Siemens Healthineers,Intevo Bold,Windows 7,VB22A
G-1,GE Healthcare,Discovery NM530c,Windows 7,4.1.6
P-1,Philips,Ingenia 1.5T,Windows 7,3.2.1
`;

async function setup() {
  const session = await openTestSession();
  const router = createRouter(session);
  await importFile(router, INVENTORY);
  return { router, db: session.ctx.db };
}

async function affected(router: Router): Promise<Map<string, AffectedDevice>> {
  const result = await router.dispatch('listAffected', {});
  if (!result.ok) throw new Error(result.error.message);
  return new Map((result.value as AffectedDevice[]).map((d) => [d.assetTag, d]));
}

describe('matching devices to the bundled Siemens advisories', () => {
  it('matches by model family and OS generation, whatever the manufacturer spelling, with the reason in words', async () => {
    const { router } = await setup();
    const found = await affected(router);
    expect(found.get('S-1')?.advisories).toMatchObject([
      {
        id: 'ICSMA-17-215-02',
        status: 'confirmed',
        basis: 'alias',
        reason: 'model Symbia T16 -> SPECT/CT Systems; OS Win7 SP1 -> ICSMA-17-215-02',
      },
    ]);
    expect(found.get('S-2')?.advisories).toMatchObject([
      { id: 'ICSMA-17-215-01', status: 'confirmed', basis: 'alias' },
    ]);
    expect(found.get('S-3')?.advisories).toMatchObject([{ id: 'ICSMA-17-215-02', status: 'confirmed' }]);
    expect([...(found.get('S-1')?.advisories[0]?.cves ?? [])].sort()).toEqual([
      'CVE-2015-1497',
      'CVE-2015-1635',
      'CVE-2015-7860',
      'CVE-2015-7861',
    ]);
  });

  it('errs toward "needs review": an unknown OS matches both generations for a person to settle', async () => {
    const { router } = await setup();
    const s4 = (await affected(router)).get('S-4');
    expect(s4?.needsReview).toBe(true);
    expect(s4?.advisories.map((a) => [a.id, a.status])).toEqual([
      ['ICSMA-17-215-01', 'needs-review'],
      ['ICSMA-17-215-02', 'needs-review'],
    ]);
  });

  it('an uncertain match waits for a person; marked affected, the device counts as affected everywhere', async () => {
    const { router } = await setup();
    const value = async <T>(name: string, input: unknown = {}) => {
      const result = await router.dispatch(name, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as T;
    };
    const state = async () => {
      const [s4] = await devices(router, { search: 'S-4' });
      const detail = await value<{ state: string; matches: { awaitingPerson: boolean }[] }>('getDevice', {
        id: s4?.id,
      });
      const advisories =
        await value<{ id: string; affected: { confirmed: number; needsReview: number } }[]>('listAdvisories');
      const dashboard = await value<{ alerts: { group: string; count: number }[] }>('getDashboard');
      const waiting = await devices(router, { filters: { group: 'match-to-confirm' } });
      return {
        state: detail.state,
        awaiting: detail.matches.map((m) => m.awaitingPerson),
        spect: advisories.find((a) => a.id === 'ICSMA-17-215-02')?.affected,
        alert: dashboard.alerts.find((a) => a.group === 'match-to-confirm')?.count,
        waiting: waiting.map((d) => d.assetTag),
        toReview: (await affected(router)).get('S-4')?.needsReview,
      };
    };
    // S-4's OS is unknown: matching cannot tell, so the device stays "not assessed" and waits (with S-6's suggestion).
    expect(await state()).toEqual({
      state: 'unassessed',
      awaiting: [true, true],
      spect: { confirmed: 2, needsReview: 1, suggested: 1 },
      alert: 2,
      waiting: ['S-4', 'S-6'],
      toReview: true,
    });
    const [s4] = await devices(router, { search: 'S-4' });
    await value('updateDevice', { id: s4?.id, changes: { state: 'affected' } });
    expect(await state()).toEqual({
      state: 'affected',
      awaiting: [false, false],
      spect: { confirmed: 3, needsReview: 0, suggested: 1 },
      alert: 1,
      waiting: ['S-6'],
      toReview: false,
    });
  });

  it('matches nothing for another OS, another vendor or a model not in any advisory', async () => {
    const { router } = await setup();
    const found = await affected(router);
    expect(found.has('S-5')).toBe(false);
    expect(found.has('G-1')).toBe(false);
    expect(found.has('P-1')).toBe(false);
  });

  it('suggests a model that only resembles the table, and a confirmation becomes a rule for every device of it', async () => {
    const { router, db } = await setup();
    expect((await affected(router)).get('S-6')?.advisories).toMatchObject([
      { id: 'ICSMA-17-215-02', status: 'suggested', basis: 'suggestion' },
    ]);
    const confirmed = await router.dispatch('confirmMatch', {
      model: 'Intevo Bold',
      family: 'spect/ct systems',
    });
    expect(confirmed).toMatchObject({
      ok: true,
      value: { model: 'Intevo Bold', family: 'SPECT/CT Systems', devices: 1 },
    });
    expect((await affected(router)).get('S-6')?.advisories).toMatchObject([
      {
        id: 'ICSMA-17-215-02',
        status: 'confirmed',
        basis: 'rule',
        reason: 'model Intevo Bold -> SPECT/CT Systems (confirmed rule); OS Windows 7 -> ICSMA-17-215-02',
      },
    ]);
    // A later import of the same model is matched by the rule.
    await importFile(router, 'Asset Tag,Manufacturer,Model,OS\nS-7,Siemens,Intevo Bold,Windows 7\n');
    expect((await affected(router)).get('S-7')?.advisories[0]).toMatchObject({
      basis: 'rule',
      status: 'confirmed',
    });
    expect(db.prepare('SELECT decided_by FROM match_rule').pluck().get()).toBe('tester');
  });

  it('follows devices when they change: another OS, or marked not affected', async () => {
    const { router } = await setup();
    const [s1] = await devices(router, { search: 'S-1' });
    await router.dispatch('updateDevice', { id: s1?.id, changes: { os: 'Windows XP' } });
    expect((await affected(router)).get('S-1')?.advisories.map((a) => a.id)).toEqual(['ICSMA-17-215-01']);
    expect(
      await router.dispatch('updateDevice', { id: s1?.id, changes: { state: 'not-affected' } }),
    ).toMatchObject({
      ok: false,
      error: {
        issues: [
          {
            path: 'changes.stateReason',
            message: 'needs a written reason when a device is marked not affected',
          },
        ],
      },
    });
    await router.dispatch('updateDevice', {
      id: s1?.id,
      changes: {
        state: 'not-affected',
        stateReason: 'Runs the Windows XP image only as an offline workstation.',
      },
    });
    expect((await affected(router)).has('S-1')).toBe(false);
  });

  it('raises the priority when a patch becomes available, and lowers it for an isolated device', async () => {
    const { router } = await setup();
    const before = (await affected(router)).get('S-1')?.priority ?? 0;
    expect(before).toBe(98);
    const set = await router.dispatch('setPatchStatus', {
      advisory: 'ICSMA-17-215-02',
      family: 'SPECT/CT Systems',
      status: 'available',
      availableFrom: '2018-03-01',
      updateId: 'VB22A-UD03',
    });
    expect(set.ok).toBe(true);
    const after = (await affected(router)).get('S-1');
    expect(after?.priority).toBe(108);
    expect(after?.advisories[0]?.patch).toEqual({
      status: 'available',
      availableFrom: '2018-03-01',
      updateId: 'VB22A-UD03',
      versionRange: '',
      needsReview: false,
    });
    const [s1] = await devices(router, { search: 'S-1' });
    await router.dispatch('updateDevice', { id: s1?.id, changes: { networkState: 'isolated' } });
    expect((await affected(router)).get('S-1')?.priority).toBe(49);
  });

  it('refuses an available patch without a date, and an unknown family', async () => {
    const { router } = await setup();
    expect(
      await router.dispatch('setPatchStatus', {
        advisory: 'ICSMA-17-215-02',
        family: 'SPECT/CT Systems',
        status: 'available',
      }),
    ).toMatchObject({
      ok: false,
      error: { message: 'A patch that is available needs the date it is available from.' },
    });
    expect(await router.dispatch('confirmMatch', { model: 'X', family: 'Toasters' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/There is no product family "Toasters"/) },
    });
  });

  it('groups suggestions by model for one confirmation, and details an advisory with its matches and patches', async () => {
    const { router } = await setup();
    expect(await router.dispatch('listMatchSuggestions', {})).toMatchObject({
      ok: true,
      value: [
        {
          vendor: 'Siemens Healthineers',
          model: 'Intevo Bold',
          family: 'SPECT/CT Systems',
          advisories: ['ICSMA-17-215-02'],
          devices: 1,
        },
      ],
    });
    const detail = await router.dispatch('getAdvisory', { id: 'ICSMA-17-215-02' });
    expect(detail).toMatchObject({
      ok: true,
      value: {
        id: 'ICSMA-17-215-02',
        source: 'bundled',
        matchedDevices: { confirmed: 2, needsReview: 1, suggested: 1 },
        patches: [
          { family: 'PET/CT Systems', status: 'announced' },
          { family: 'SPECT Systems', status: 'announced' },
          { family: 'SPECT Workplaces/Symbia.net', status: 'announced' },
          { family: 'SPECT/CT Systems', status: 'announced' },
        ],
        revisions: [{ version: '1' }],
      },
    });
    const value = (
      detail as { value: { vulnerabilities: { services: unknown[] }[]; remediations: unknown[] } }
    ).value;
    expect(value.vulnerabilities).toHaveLength(4);
    expect(value.remediations).toHaveLength(1);
    expect(await router.dispatch('getAdvisory', { id: 'NOPE' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await router.dispatch('setPatchStatus', {
      advisory: 'ICSMA-17-215-02',
      family: 'SPECT Systems',
      status: 'available',
      availableFrom: '2018-04-01',
    });
    const after = await router.dispatch('getAdvisory', { id: 'ICSMA-17-215-02' });
    expect((after as { value: { patchHistory: unknown[] } }).value.patchHistory).toMatchObject([
      {
        osUser: 'tester',
        family: 'SPECT Systems',
        before: { status: 'announced' },
        after: { status: 'available', available_from: '2018-04-01' },
      },
    ]);
    const list = await router.dispatch('listAdvisories', {});
    expect((list as { value: { id: string }[] }).value.find((a) => a.id === 'ICSMA-17-215-02')).toMatchObject(
      {
        affected: { confirmed: 2, needsReview: 1, suggested: 1 },
        patchStatuses: expect.arrayContaining(['announced', 'available']),
      },
    );
  });

  it('puts advisories, patch state and priority into the register, to sort and filter by', async () => {
    const { router } = await setup();
    const byPriority = await devices(router, { sort: { field: 'priority', direction: 'desc' } });
    // Needing review adds 5: the unknown-OS c.cam and the suggested Intevo Bold come first.
    expect(byPriority.slice(0, 5).map((d) => [d.assetTag, d.priority])).toEqual([
      ['S-4', 103],
      ['S-6', 103],
      ['S-1', 98],
      ['S-2', 98],
      ['S-3', 98],
    ]);
    expect(byPriority.find((d) => d.assetTag === 'S-4')).toMatchObject({
      advisories: ['ICSMA-17-215-01', 'ICSMA-17-215-02'],
      patchStatus: 'announced',
      priority: 103,
    });
    const xp = await devices(router, { filters: { advisory: ['ICSMA-17-215-01'] } });
    expect(xp.map((d) => d.assetTag)).toEqual(['S-2', 'S-4']);
    const isolated = await devices(router, { filters: { networkState: ['isolated'] } });
    expect(isolated).toEqual([]);
  });

  it('takes a model-level "not affected" decision with its reason, and matches none of its devices after it', async () => {
    const { router, db } = await setup();
    expect(
      await router.dispatch('rejectModel', {
        vendor: 'Siemens Healthineers',
        model: 'Intevo Bold',
        reason: '',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const rejected = await router.dispatch('rejectModel', {
      vendor: 'Siemens Healthineers',
      model: 'Intevo Bold',
      reason: 'A demonstration unit that never runs the vulnerable services.',
    });
    expect(rejected).toMatchObject({ ok: true, value: { devices: 1 } });
    expect((await affected(router)).has('S-6')).toBe(false);
    expect(await router.dispatch('listMatchSuggestions', {})).toMatchObject({ ok: true, value: [] });
    expect(db.prepare("SELECT reason FROM match_rule WHERE decision = 'not-affected'").pluck().get()).toMatch(
      /demonstration/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { createRouter } from '../../api/router';
import type { AdvisoryDetail, AdvisorySummary } from '../../api/schemas/advisories';
import { importFile } from '../../testing/devices';
import { openTestSession } from '../../testing/temp';

const INVENTORY = `Asset Tag,Manufacturer,Model,OS,Software Version
EXPOSED,Siemens,Symbia T16,Windows 7,VB22A
ISOLATED,Siemens,Symbia T16,Windows 7,VB22A
PATCHED,Siemens,Symbia T16,Windows 7,VB22A
VERIFIED,Siemens,Symbia T16,Windows 7,VB22A
RECONNECTED,Siemens,Symbia T16,Windows 7,VB22A
ACCEPTED,Siemens,Symbia T16,Windows 7,VB22A
UNSURE,Siemens,c.cam,,VA60A
SUGGESTED,Siemens,Intevo Bold,Windows 7,VB22A
`;

/** Each device walked along its lifecycle as the drawer or `isopatch set-state` would. */
const STEPS: Record<string, string[]> = {
  ISOLATED: ['isolated'],
  PATCHED: ['isolated', 'patched'],
  VERIFIED: ['isolated', 'patched', 'verified'],
  RECONNECTED: ['isolated', 'patched', 'verified', 'reconnected'],
};

describe('the advisories list counts matched devices by where their work stands', () => {
  it('exposed, isolated, patched, verified or reconnected, risk accepted; suggestions are not counted', async () => {
    const session = await openTestSession();
    const router = createRouter(session);
    await importFile(router, INVENTORY);
    for (const [assetTag, states] of Object.entries(STEPS))
      for (const state of states) {
        const moved = await router.dispatch('setDeviceState', { assetTag, state });
        expect(moved.ok).toBe(true);
      }
    await router.dispatch('setDeviceState', {
      assetTag: 'ACCEPTED',
      state: 'risk-accepted',
      reason: 'Replaced next spring; runs stand-alone until then.',
      approver: 'Dr. Weber',
      reviewDate: '2027-03-01',
    });
    const list = await router.dispatch('listAdvisories', {});
    const win7 = (list as { value: AdvisorySummary[] }).value.find((a) => a.id === 'ICSMA-17-215-02');
    // UNSURE (OS unknown, needs review) is still on the network: exposed with EXPOSED.
    expect(win7?.deviceStates).toEqual({ exposed: 2, isolated: 1, patched: 1, verified: 2, riskAccepted: 1 });
    expect(win7?.affected).toEqual({ confirmed: 6, needsReview: 1, suggested: 1 });
    const xp = (list as { value: AdvisorySummary[] }).value.find((a) => a.id === 'ICSMA-17-215-01');
    expect(xp?.deviceStates).toEqual({ exposed: 1, isolated: 0, patched: 0, verified: 0, riskAccepted: 0 });

    const detail = await router.dispatch('getAdvisory', { id: 'ICSMA-17-215-02' });
    expect((detail as { value: AdvisoryDetail }).value.deviceStates).toEqual(win7?.deviceStates);
  });

  it('counts a device a person disconnected by hand, before any isolation step, as no longer exposed', async () => {
    const session = await openTestSession();
    const router = createRouter(session);
    await importFile(router, 'Asset Tag,Manufacturer,Model,OS\nNM-1,Siemens,Symbia T16,Windows 7\n');
    const page = await router.dispatch('listDevices', {});
    const id = (page as { value: { rows: { id: number }[] } }).value.rows[0]?.id ?? 0;
    await router.dispatch('updateDevice', { id, changes: { networkState: 'disconnected' } });
    const list = await router.dispatch('listAdvisories', {});
    expect(
      (list as { value: AdvisorySummary[] }).value.find((a) => a.id === 'ICSMA-17-215-02')?.deviceStates,
    ).toEqual({ exposed: 0, isolated: 1, patched: 0, verified: 0, riskAccepted: 0 });
  });
});

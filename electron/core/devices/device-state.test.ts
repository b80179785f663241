import { describe, expect, it } from 'vitest';
import { createRouter } from '../../api/router';
import type { AuditEntry } from '../../api/schemas/audit';
import { importFile } from '../../testing/devices';
import { call } from '../../testing/router';
import { openTestSession } from '../../testing/temp';

// The clock stands at 2026-11-29 11:00 in Berlin (FIXED_NOW): today is 2026-11-29 at the site.
const ACCEPTED = {
  assetTag: 'NM-1',
  state: 'risk-accepted',
  reason: 'No fix planned for the Windows XP system; DICOM to PACS only',
  approver: 'Dr. Helen Brandt',
  reviewDate: '2026-12-09',
};

/** NM-1, a Siemens system on Windows 7 (affected through the bundled advisories), with its risk accepted. */
async function accepted() {
  const session = await openTestSession();
  const router = createRouter(session);
  await importFile(
    router,
    'Asset Tag,Manufacturer,Model,OS,Department\nNM-1,Siemens,Symbia T16,Windows 7,NM\n',
  );
  await call(router, 'setDeviceState', ACCEPTED);
  const row = () =>
    session.ctx.db
      .prepare(
        "SELECT id, state, state_reason, risk_approver, risk_review_date, revision FROM device WHERE asset_tag = 'NM-1'",
      )
      .get() as {
      id: number;
      state: string;
      state_reason: string;
      risk_approver: string;
      risk_review_date: string;
      revision: number;
    };
  const history = () =>
    call<AuditEntry[]>(router, 'listAudit', { entity: 'device', entityId: String(row().id), limit: 1000 });
  return { router, row, history };
}

describe('renewing a risk acceptance (risk accepted -> risk accepted, as `isopatch set-state` and the drawer do)', () => {
  it('saves the new review date, reason and approver, and audits what they were before', async () => {
    const { router, row, history } = await accepted();
    const before = row();
    const entries = (await history()).length;

    const change = await call(router, 'setDeviceState', {
      ...ACCEPTED,
      approver: 'James Okafor, CISO',
      reviewDate: '2027-03-01',
    });

    expect(change).toMatchObject({ assetTag: 'NM-1', from: 'risk-accepted', to: 'risk-accepted' });
    // The drawer reads the acceptance in force from the device itself.
    expect(await call(router, 'getDevice', { id: before.id })).toMatchObject({
      stateReason: ACCEPTED.reason,
      riskApprover: 'James Okafor, CISO',
      riskReviewDate: '2027-03-01',
    });
    expect(row()).toMatchObject({
      state: 'risk-accepted',
      state_reason: ACCEPTED.reason,
      risk_approver: 'James Okafor, CISO',
      risk_review_date: '2027-03-01',
      revision: before.revision + 1,
    });
    const all = await history();
    expect(all).toHaveLength(entries + 1);
    expect(all[0]).toMatchObject({
      action: 'update',
      before: { state: 'risk-accepted', risk_approver: 'Dr. Helen Brandt', risk_review_date: '2026-12-09' },
      after: { state: 'risk-accepted', risk_approver: 'James Okafor, CISO', risk_review_date: '2027-03-01' },
    });
  });

  it('changes nothing and audits nothing when given the same acceptance again', async () => {
    const { router, row, history } = await accepted();
    const before = row();
    const entries = (await history()).length;
    await call(router, 'setDeviceState', ACCEPTED);
    expect(row()).toEqual(before);
    expect(await history()).toHaveLength(entries);
  });

  it.each([
    [
      'a review date that has passed',
      { reviewDate: '2026-11-28' },
      'The review date of NM-1, 2026-11-28, must be after today (2026-11-29): the risk is looked at again in the future.',
    ],
    [
      'today as the review date',
      { reviewDate: '2026-11-29' },
      'The review date of NM-1, 2026-11-29, must be after today (2026-11-29): the risk is looked at again in the future.',
    ],
    [
      'a review date past the planning reach',
      { reviewDate: '2028-12-01' },
      'The review date of NM-1, 2028-12-01, is more than two years from today (after 2028-11-30); check the year.',
    ],
    ['no approver', { approver: undefined }, 'Marking NM-1 "risk accepted" needs the approver.'],
    [
      'no reason and no review date',
      { reason: '  ', reviewDate: undefined },
      'Marking NM-1 "risk accepted" needs a written reason and a review date.',
    ],
  ])('refuses %s and keeps the acceptance as it was', async (_, change, message) => {
    const { router, row, history } = await accepted();
    const before = row();
    const entries = (await history()).length;
    const result = await router.dispatch('setDeviceState', { ...ACCEPTED, ...change });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message } });
    expect(row()).toEqual(before);
    expect(await history()).toHaveLength(entries);
  });

  it('takes the last day within the planning reach', async () => {
    const { router, row } = await accepted();
    await call(router, 'setDeviceState', { ...ACCEPTED, reviewDate: '2028-11-30' });
    expect(row().risk_review_date).toBe('2028-11-30');
  });
});

describe('accepting a risk', () => {
  it('takes the same review date rule as a renewal: a date that has passed is refused', async () => {
    const session = await openTestSession();
    const router = createRouter(session);
    await importFile(
      router,
      'Asset Tag,Manufacturer,Model,OS,Department\nNM-1,Siemens,Symbia T16,Windows 7,NM\n',
    );
    const result = await router.dispatch('setDeviceState', { ...ACCEPTED, reviewDate: '2026-01-15' });
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('The review date of NM-1, 2026-01-15, must be after today') },
    });
    const state = session.ctx.db.prepare("SELECT state FROM device WHERE asset_tag = 'NM-1'").pluck().get();
    expect(state).toBe('affected');
  });

  it('still treats the same state again as no step for every other state', async () => {
    const session = await openTestSession();
    const router = createRouter(session);
    await importFile(
      router,
      'Asset Tag,Manufacturer,Model,OS,Department\nNM-1,Siemens,Symbia T16,Windows 7,NM\n',
    );
    const revision = () =>
      session.ctx.db.prepare("SELECT revision FROM device WHERE asset_tag = 'NM-1'").pluck().get();
    const before = revision();
    await call(router, 'setDeviceState', { assetTag: 'NM-1', state: 'affected', reason: 'again' });
    expect(revision()).toBe(before);
  });
});

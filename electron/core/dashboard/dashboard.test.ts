import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../api/schemas/dashboard';
import type { DevicePage } from '../../api/schemas/devices';
import { call } from '../../testing/router';
import { reportHospital } from '../reports/test-hospital';

describe('the dashboard', () => {
  it('shows the figures, the burn-down, the next week and the alerts, each a group the Devices view filters by', async () => {
    const { router } = await reportHospital();
    const dashboard = await call<Dashboard>(router, 'getDashboard');
    expect(dashboard.status).toEqual({
      affected: 3,
      exposed: 1,
      isolatedAwaitingPatch: 0,
      patched: 1,
      verified: 0,
      riskAccepted: 1,
      notAffected: 1,
      percentComplete: 33,
    });
    expect(dashboard.exposedDevices).toBe(1);
    expect([dashboard.devices, dashboard.decommissionedDevices]).toEqual([4, 0]);
    expect(dashboard.burnDown.points.at(-1)).toEqual({ date: '2026-11-29', exposed: 1, unpatched: 2 });
    expect(dashboard.burnDown.svg).toMatch(/^<svg class="burn-down"/);
    // The axis has ISO dates, as the reports do (never 29.11.26).
    expect(dashboard.burnDown.svg).toContain('>2026-11-29</text>');
    expect(dashboard.burnDown.svg).not.toMatch(/\d\d\.\d\d\.\d\d/);
    expect(dashboard.nextWindows.map((w) => [w.start, w.kind, w.assetTag])).toEqual([
      ['2026-12-05 07:00', 'qc', 'NM-1'],
      ['2026-12-05 07:00', 'isolation', 'NM-3'],
      ['2026-12-05 08:00', 'reconnection', 'NM-1'],
    ]);
    expect(dashboard.alerts.map((a) => [a.group, a.count])).toEqual([
      ['isolation-overdue', 1],
      ['risk-review-due', 1],
    ]);
    const group = async (name: string) =>
      (await call<DevicePage>(router, 'listDevices', { filters: { group: name } })).rows.map(
        (d) => d.assetTag,
      );
    expect(await group('exposed')).toEqual(['NM-3']);
    expect(await group('affected')).toEqual(['NM-1', 'NM-2', 'NM-3']);
    expect(await group('isolation-overdue')).toEqual(['NM-3']);
    expect(await group('risk-review-due')).toEqual(['NM-2']);
    expect(await group('not-affected')).toEqual(['CT-1']);

    await call(router, 'setPatchStatus', {
      advisory: 'ICSMA-17-215-02',
      family: 'SPECT/CT Systems',
      status: 'available',
      availableFrom: '2026-11-29',
    });
    const later = await call<Dashboard>(router, 'getDashboard');
    // A decommissioned device is still in the inventory (Devices and the register list it): counted, and said.
    await call(router, 'setDeviceState', { assetTag: 'CT-1', state: 'decommissioned' });
    const withDecommissioned = await call<Dashboard>(router, 'getDashboard');
    expect([withDecommissioned.devices, withDecommissioned.decommissionedDevices]).toEqual([4, 1]);
    expect(later.alerts.find((a) => a.group === 'patch-available')).toEqual({
      group: 'patch-available',
      count: 2,
      text: 'A patch became available for 2 devices with no patch planned yet.',
    });
    expect(later.alerts.some((a) => a.group === 'patch-overdue')).toBe(false);

    // Out for longer than the policy's 30 days: the devices not yet patched are past their patch deadline.
    await call(router, 'setPatchStatus', {
      advisory: 'ICSMA-17-215-02',
      family: 'SPECT/CT Systems',
      status: 'available',
      availableFrom: '2026-10-01',
    });
    const overdue = await call<Dashboard>(router, 'getDashboard');
    expect(overdue.alerts.find((a) => a.group === 'patch-overdue')?.count).toBe(
      (await group('patch-overdue')).length,
    );
    expect(await group('patch-overdue')).toEqual(['NM-3']);
  });

  it('counts a patch as still to plan only for devices without a patch window', async () => {
    const { router, db } = await reportHospital();
    const patchAvailable = async () => ({
      alert: (await call<Dashboard>(router, 'getDashboard')).alerts.find((a) => a.group === 'patch-available')
        ?.count,
      group: (
        await call<DevicePage>(router, 'listDevices', { filters: { group: 'patch-available' } })
      ).rows.map((d) => d.assetTag),
    });
    await call(router, 'setPatchStatus', {
      advisory: 'ICSMA-17-215-02',
      family: 'SPECT/CT Systems',
      status: 'available',
      availableFrom: '2026-11-29',
    });
    expect(await patchAvailable()).toEqual({ alert: 2, group: ['NM-2', 'NM-3'] });
    // The plan gives NM-3 its patch window; it stays "isolation planned" until its isolation is done.
    await call(router, 'applyPlan', { from: '2026-11-30' });
    const nm3 = `SELECT w.status, d.state FROM planned_window w JOIN device d ON d.id = w.device_id
      WHERE d.asset_tag = 'NM-3' AND w.kind = 'patch'`;
    expect(db.prepare(nm3).get()).toEqual({ status: 'planned', state: 'isolation-planned' });
    // NM-2's accepted risk gets no window: its patch is still for someone to plan.
    expect(await patchAvailable()).toEqual({ alert: 1, group: ['NM-2'] });
    // Under way or done, the patch is no longer to plan either.
    for (const status of ['in-progress', 'done']) {
      db.prepare(
        `UPDATE planned_window SET status = ? WHERE kind = 'patch'
         AND device_id = (SELECT id FROM device WHERE asset_tag = 'NM-3')`,
      ).run(status);
      expect(await patchAvailable()).toEqual({ alert: 1, group: ['NM-2'] });
    }
  });

  it('warns of devices the plan isolates after their deadline, while the deadline is still ahead', async () => {
    const { router, db } = await reportHospital();
    const isolateCriticalWithin = (days: number) => {
      const json = JSON.parse(db.prepare('SELECT policies_json FROM organization').pluck().get() as string);
      json.policies = { ...json.policies, isolateCriticalWithinDays: days };
      db.prepare('UPDATE organization SET policies_json = ?').run(JSON.stringify(json));
    };
    const alerts = async () =>
      (await call<Dashboard>(router, 'getDashboard')).alerts.map((a) => [a.group, a.count, a.text]);
    const group = async (name: string) =>
      (await call<DevicePage>(router, 'listDevices', { filters: { group: name } })).rows.map(
        (d) => d.assetTag,
      );
    // NM-3 became affected on Nov 20 and its isolation is planned for Sat Dec 5. With 12 days its deadline is
    // Dec 2: still ahead, and the plan misses it.
    isolateCriticalWithin(12);
    expect(await alerts()).toEqual([
      ['planned-late', 1, '1 device is planned to be isolated or patched after their deadline.'],
      ['risk-review-due', 1, expect.any(String)],
    ]);
    expect(await group('planned-late')).toEqual(['NM-3']);
    // With 16 days (Dec 6) the window is in time.
    isolateCriticalWithin(16);
    expect((await alerts()).map(([kind]) => kind)).toEqual(['risk-review-due']);
    expect(await group('planned-late')).toEqual([]);
    // A patch out since Nov 5, to be installed within 30 days (by Dec 5), planned with the isolation on Dec 5.
    await call(router, 'setPatchStatus', {
      advisory: 'ICSMA-17-215-02',
      family: 'SPECT/CT Systems',
      status: 'available',
      availableFrom: '2026-11-05',
    });
    await call(router, 'applyPlan', { from: '2026-11-30' });
    expect(await group('planned-late')).toEqual(['NM-3']);
    const json = JSON.parse(db.prepare('SELECT policies_json FROM organization').pluck().get() as string);
    json.policies = { ...json.policies, patchWithinDaysOfAvailability: 60 };
    db.prepare('UPDATE organization SET policies_json = ?').run(JSON.stringify(json));
    expect(await group('planned-late')).toEqual([]);
    // With the default 7 days the isolation deadline has passed: that is the overdue alert's, not this one's.
    // (NM-2's accepted risk now has a patch to plan.)
    isolateCriticalWithin(7);
    expect((await alerts()).map(([kind]) => kind)).toEqual([
      'patch-available',
      'isolation-overdue',
      'risk-review-due',
    ]);
  });
});

import type { DEVICE_STATES } from './device-fields';

type DeviceState = (typeof DEVICE_STATES)[number];

/**
 * Which state may follow which in an affected device's life: affected -> isolation planned -> isolated -> patch
 * planned -> patched -> verified (QC passed) -> reconnected, and the side states risk accepted, not affected and
 * decommissioned, which any state may enter. Plain data, so the core enforces it and the renderer offers only
 * these steps from the same table.
 */
export const SIDE_STATES = [
  'risk-accepted',
  'not-affected',
  'decommissioned',
] as const satisfies readonly DeviceState[];

/** The states each state may move to, besides the side states. */
export const NEXT_STATES: Readonly<Record<DeviceState, readonly DeviceState[]>> = {
  unassessed: ['affected'],
  affected: ['isolation-planned', 'isolated', 'patch-planned', 'unassessed'],
  'isolation-planned': ['isolated', 'affected', 'unassessed'],
  isolated: ['patch-planned', 'patched'],
  'patch-planned': ['patched', 'isolated'],
  patched: ['verified'],
  verified: ['reconnected'],
  reconnected: [],
  'risk-accepted': ['affected'],
  'not-affected': ['unassessed', 'affected'],
  decommissioned: ['unassessed'],
};

export const isSideState = (state: DeviceState): boolean =>
  (SIDE_STATES as readonly string[]).includes(state);

/**
 * States a device may enter again from themselves: a risk acceptance is renewed or changed in place (new review
 * date, reason or approver) without leaving "risk accepted". Every other "move" to the state a device is in
 * changes nothing.
 */
export const RENEWABLE_STATES = ['risk-accepted'] as const satisfies readonly DeviceState[];

export const canRenew = (state: DeviceState): boolean =>
  (RENEWABLE_STATES as readonly string[]).includes(state);

/** States a person must say why a device is in: a written reason. */
export const STATES_NEEDING_REASON = [
  'not-affected',
  'risk-accepted',
] as const satisfies readonly DeviceState[];

/** States recorded device by device, with an approver and a review date each (never in bulk). */
export const STATES_NEEDING_APPROVAL = ['risk-accepted'] as const satisfies readonly DeviceState[];

export const needsReason = (state: DeviceState): boolean =>
  (STATES_NEEDING_REASON as readonly string[]).includes(state);

export const needsApproval = (state: DeviceState): boolean =>
  (STATES_NEEDING_APPROVAL as readonly string[]).includes(state);

/** How many days before its review date a risk acceptance counts as due for review (dashboard, report, drawer). */
export const REVIEW_NOTICE_DAYS = 14;

/**
 * How far from today a plan may start, a window may lie and a review date may be set. Work is planned for the
 * coming months and recorded for the past ones; a date decades away is a typo, and every conflict check would
 * walk the maintenance calendar across all the years between.
 */
export const PLANNING_REACH_DAYS = 2 * 366;

export function canMove(from: DeviceState, to: DeviceState): boolean {
  if (from === to) return false;
  if (isSideState(to)) return !(from === 'decommissioned' && to === 'risk-accepted');
  return NEXT_STATES[from].includes(to);
}

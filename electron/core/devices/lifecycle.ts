import { DateTime } from 'luxon';
import { canMove, canRenew, isSideState, needsApproval, needsReason } from '../../api/device-lifecycle';
import type { DeviceState } from '../../api/schemas/devices';
import { AppError } from '../errors';
import { PLANNING_REACH_DAYS } from '../planning/reach';

export { canMove, canRenew, isSideState };

/**
 * The life of an affected device: affected -> isolation planned -> isolated -> patch planned -> patched ->
 * verified (QC passed) -> reconnected, with the side states risk accepted, not affected and decommissioned.
 * The table of which step may follow which is electron/api/device-lifecycle.ts (the renderer offers the same steps);
 * everything in the core that changes a state asks it here first.
 */

/** What a state requires before it, in words, for the refusal. */
export const REQUIRES: Record<DeviceState, string> = {
  unassessed: 'only a device marked not affected or decommissioned returns to "not assessed"',
  affected:
    'a device becomes affected from "not assessed", or when a risk acceptance or "not affected" is reopened',
  'isolation-planned': 'isolation is planned for an affected device',
  isolated: 'a device is isolated after it was found affected',
  'patch-planned': 'a patch is planned for an affected or isolated device',
  patched: 'a device is patched after it was isolated',
  verified: 'a device is verified (QC passed) only after it was patched',
  reconnected: 'a device is reconnected only after its patch was verified (QC passed)',
  'risk-accepted':
    'a risk can be accepted (and an acceptance renewed) for any device that is not decommissioned',
  'not-affected': 'any device can be marked not affected',
  decommissioned: 'any device can be decommissioned',
};

export const STATE_LABEL: Record<DeviceState, string> = {
  unassessed: 'not assessed',
  affected: 'affected',
  'isolation-planned': 'isolation planned',
  isolated: 'isolated',
  'patch-planned': 'patch planned',
  patched: 'patched',
  verified: 'verified (QC passed)',
  reconnected: 'reconnected',
  'risk-accepted': 'risk accepted',
  'not-affected': 'not affected',
  decommissioned: 'decommissioned',
};

export interface StateDetails {
  readonly reason?: string | null | undefined;
  readonly approver?: string | null | undefined;
  readonly reviewDate?: string | null | undefined;
}

/**
 * Refuses an illegal step, or a side state without what it needs, naming the device and the reason. The one rule
 * for every way in (the CLI's set-state, the drawer's state form and its "Renew or change the acceptance"): the
 * same state again is no step, except a risk acceptance, which is renewed with all it needs, like a new one.
 * `today` is the site's local date, asked only when a review date is to be checked.
 */
export function assertTransition(
  device: string,
  from: DeviceState,
  to: DeviceState,
  details: StateDetails,
  today: () => string,
) {
  if (from === to && !canRenew(to)) return;
  if (from !== to && !canMove(from, to)) {
    throw new AppError(
      'CONFLICT',
      `${device} cannot go from "${STATE_LABEL[from]}" to "${STATE_LABEL[to]}": ${REQUIRES[to]}.`,
    );
  }
  const missing = [
    needsReason(to) && !details.reason ? 'a written reason' : null,
    needsApproval(to) && !details.approver ? 'the approver' : null,
    needsApproval(to) && !details.reviewDate ? 'a review date' : null,
  ].filter((m): m is string => m !== null);
  if (missing.length > 0) {
    throw new AppError('INVALID_INPUT', `Marking ${device} "${STATE_LABEL[to]}" needs ${inWords(missing)}.`);
  }
  if (to === 'risk-accepted' && details.reviewDate) assertReviewDate(device, details.reviewDate, today());
}

/**
 * A risk is looked at again in the future, and within the planning reach (two years, as a plan or a window): a
 * date that has passed would make the acceptance due at once, and one more than two years ahead is most likely a typo.
 */
export function assertReviewDate(device: string, reviewDate: string, today: string): void {
  if (reviewDate <= today) {
    throw new AppError(
      'INVALID_INPUT',
      `The review date of ${device}, ${reviewDate}, must be after today (${today}): the risk is looked at again in the future.`,
    );
  }
  const last = DateTime.fromISO(today).plus({ days: PLANNING_REACH_DAYS }).toISODate() as string;
  if (reviewDate > last) {
    throw new AppError(
      'INVALID_INPUT',
      `The review date of ${device}, ${reviewDate}, is more than two years from today (after ${last}); check the year.`,
    );
  }
}

/** "a, b and c" */
const inWords = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** How the device's network connection follows a step, when it does. */
export function networkAfter(to: DeviceState, current: 'connected' | 'isolated' | 'disconnected') {
  if (to === 'isolated' && current === 'connected') return 'isolated';
  if (to === 'reconnected') return 'connected';
  return current;
}

/** States in which a device is still to be worked on by the planner. */
export const PLANNABLE_STATES: readonly DeviceState[] = [
  'affected',
  'isolation-planned',
  'isolated',
  'patch-planned',
  'patched',
  'verified',
];

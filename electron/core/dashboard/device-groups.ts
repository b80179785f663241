import { DateTime } from 'luxon';
import { type DeviceGroup, STATUS_CATEGORIES, type StatusCategory } from '../../api/device-groups';
import { REVIEW_NOTICE_DAYS } from '../../api/device-lifecycle';
import type { DeviceState } from '../../api/schemas/devices';
import { AWAITING_PERSON } from '../advisories/matching/match-review';
import type { CoreContext } from '../context';
import { dueOf } from '../planning/deadlines';
import { mainZone, patchStates, readPolicies } from '../planning/load-planning';

/**
 * What each group of devices (electron/api/device-groups.ts) means, defined once:
 * the figures, the burn-down, the report tables and the Devices view's filter (`group`) all use these.
 */

// Work not yet done on an affected device; "isolated" is the state or a network that is no longer connected.
const OPEN: readonly DeviceState[] = ['affected', 'isolation-planned', 'patch-planned'];

/** First rule that fits wins. Exposure: affected and neither isolated nor patched (the attacker can reach it). */
const RULES: readonly { category: StatusCategory; states: readonly DeviceState[]; connected?: true }[] = [
  { category: 'exposed', states: OPEN, connected: true },
  { category: 'isolated', states: [...OPEN, 'isolated'] },
  { category: 'patched', states: ['patched'] },
  { category: 'verified', states: ['verified', 'reconnected'] },
  { category: 'risk-accepted', states: ['risk-accepted'] },
  { category: 'not-affected', states: ['not-affected'] },
];

export function categoryOf(state: string, network: string): StatusCategory | null {
  for (const rule of RULES) {
    if (rule.states.includes(state as DeviceState) && (!rule.connected || network === 'connected'))
      return rule.category;
  }
  return null;
}

const list = (states: readonly string[]) => states.map((s) => `'${s}'`).join(', ');

/** The same rules as one SQL expression over a device aliased `d` (constants only, no parameters). */
export const CATEGORY_SQL = `CASE ${RULES.map(
  (r) =>
    `WHEN d.state IN (${list(r.states)})${r.connected ? " AND d.network_state = 'connected'" : ''} THEN '${r.category}'`,
).join(' ')} END`;

/** Affected: every category but "not affected" (a risk accepted is still a risk). */
export const AFFECTED_CATEGORIES: readonly StatusCategory[] = STATUS_CATEGORIES.filter(
  (c) => c !== 'not-affected',
);

/** Still without the patch: the burn-down's second line. */
export const UNPATCHED_CATEGORIES: readonly StatusCategory[] = ['exposed', 'isolated', 'risk-accepted'];

export { REVIEW_NOTICE_DAYS };

/** Not yet patched, and not decided otherwise (a risk accepted is reviewed on its own date). */
const AWAITING_PATCH: readonly DeviceState[] = ['affected', 'isolation-planned', 'isolated', 'patch-planned'];

/**
 * Devices whose every advisory has its patch out, for longer than the policy gives to install it: the planner's
 * own deadline (patch availability per device and software version, as it plans).
 */
function pastPatchDeadline(ctx: CoreContext): number[] {
  const { policies } = readPolicies(ctx);
  const cutoff = ctx.now().getTime() - policies.patchWithinDaysOfAvailability * 86_400_000;
  return (
    [...patchStates(ctx, mainZone(ctx))]
      // A patch recorded as available without a date has no deadline to be past.
      .filter(([, patch]) => patch.kind === 'available' && patch.from > 0 && patch.from < cutoff)
      .map(([deviceId]) => deviceId)
  );
}

/**
 * Devices that will miss a deadline as planned: an open isolation or patch window of theirs ends after the
 * policy's deadline for it, while that deadline is still ahead (one already past is the overdue groups').
 */
function plannedPastDeadline(ctx: CoreContext): number[] {
  const windows = ctx.db
    .prepare(
      `SELECT w.device_id, w.kind, w.end_at, d.affected_at, d.network_state, coalesce(r.max_cvss, 0) AS max_cvss
       FROM planned_window w JOIN device d ON d.id = w.device_id LEFT JOIN device_risk r ON r.device_id = d.id
       WHERE w.status IN ('planned', 'in-progress') AND w.kind IN ('isolation', 'patch')
         AND d.state IN (${list(AWAITING_PATCH)})`,
    )
    .all() as {
    device_id: number;
    kind: 'isolation' | 'patch';
    end_at: string;
    affected_at: string | null;
    network_state: string;
    max_cvss: number;
  }[];
  if (windows.length === 0) return [];
  const { policies } = readPolicies(ctx);
  const now = ctx.now().getTime();
  const patches = windows.some((w) => w.kind === 'patch') ? patchStates(ctx, mainZone(ctx)) : new Map();
  const late = new Set<number>();
  for (const w of windows) {
    // Isolating a device no longer connected has no deadline left to miss.
    if (w.kind === 'isolation' && (w.affected_at === null || w.network_state !== 'connected')) continue;
    const patch = patches.get(w.device_id) ?? { kind: 'no-fix' };
    // A patch recorded as available without a date has no deadline.
    if (w.kind === 'patch' && (patch.kind !== 'available' || patch.from === 0)) continue;
    const facts = { maxCvss: w.max_cvss, affectedAt: Date.parse(w.affected_at ?? ''), patch };
    const due = dueOf(facts, w.kind, policies);
    if (due !== null && due > now && Date.parse(w.end_at) > due) late.add(w.device_id);
  }
  return [...late];
}

/** The condition for one group over a device aliased `d`, with its parameters. */
export function groupCondition(ctx: CoreContext, group: DeviceGroup): { sql: string; params: unknown[] } {
  switch (group) {
    case 'affected':
      return { sql: `(${CATEGORY_SQL}) IN (${list(AFFECTED_CATEGORIES)})`, params: [] };
    case 'patch-available':
      // Not yet patched, and no patch window planned yet: someone has to plan it. The window decides, not the
      // state: applying a plan gives an isolated (or isolation-planned) device its patch window, and the state
      // becomes "patch planned" only once the isolation is done.
      return {
        sql: `d.state IN ('affected', 'isolation-planned', 'isolated', 'risk-accepted') AND EXISTS (
          SELECT 1 FROM device_risk pr WHERE pr.device_id = d.id AND pr.patch_status = 'available')
          AND NOT EXISTS (SELECT 1 FROM planned_window pw WHERE pw.device_id = d.id AND pw.kind = 'patch'
            AND pw.status IN ('planned', 'in-progress', 'done'))`,
        params: [],
      };
    case 'isolation-overdue': {
      const { policies } = readPolicies(ctx);
      const now = ctx.now().getTime();
      const cutoff = (days: number) => new Date(now - days * 86_400_000).toISOString();
      return {
        sql: `(${CATEGORY_SQL}) = 'exposed' AND d.affected_at IS NOT NULL AND d.affected_at < CASE
          WHEN coalesce((SELECT max_cvss FROM device_risk cr WHERE cr.device_id = d.id), 0) >= ? THEN ? ELSE ? END`,
        params: [
          policies.criticalCvss,
          cutoff(policies.isolateCriticalWithinDays),
          cutoff(policies.isolateOtherWithinDays),
        ],
      };
    }
    case 'patch-overdue':
      return {
        sql: `d.state IN (${list(AWAITING_PATCH)}) AND d.id IN (SELECT value FROM json_each(?))`,
        params: [JSON.stringify(pastPatchDeadline(ctx))],
      };
    case 'planned-late':
      return {
        sql: 'd.id IN (SELECT value FROM json_each(?))',
        params: [JSON.stringify(plannedPastDeadline(ctx))],
      };
    case 'risk-review-due': {
      const soon = DateTime.fromJSDate(ctx.now(), { zone: mainZone(ctx) })
        .plus({ days: REVIEW_NOTICE_DAYS })
        .toISODate();
      return { sql: "d.state = 'risk-accepted' AND d.risk_review_date <= ?", params: [soon] };
    }
    case 'match-to-confirm':
      return {
        sql: `EXISTS (SELECT 1 FROM device_match m WHERE m.device_id = d.id AND ${AWAITING_PERSON})`,
        params: [],
      };
    default:
      return { sql: `(${CATEGORY_SQL}) = ?`, params: [group] };
  }
}

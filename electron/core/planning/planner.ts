import type { TaskKind } from '../../api/schemas/site-model';
import { dueOf } from './deadlines';
import { explainFailures } from './planner-reasons';
import {
  DAY_MS,
  type ExistingWindow,
  isFixed,
  type PlanningData,
  type PlanningDevice,
  TEAM_FOR,
} from './planning-data';
import { type Placement, SlotSearch, type Step } from './slot-search';

export interface PlannedTask {
  readonly deviceId: number;
  readonly kind: TaskKind;
  readonly start: number;
  readonly end: number;
  readonly teamId: number | null;
  readonly note: string | null;
  /** The existing window this is, when the planner kept it where it was. */
  readonly fixedId: number | null;
}

export interface PlannerBreach {
  readonly deviceId: number;
  readonly kind: TaskKind;
  readonly reason: string;
  readonly due: number | null;
}

export interface PlannerResult {
  readonly tasks: readonly PlannedTask[];
  readonly breaches: readonly PlannerBreach[];
  readonly awaitingPatch: readonly { readonly deviceId: number; readonly status: string }[];
  /** Sum over devices of CVSS x days from the plan's start until the device is isolated. */
  readonly exposure: number;
}

/** Which devices go first: by priority (the planner's own order), or in the order they were imported (naive). */
export type PlanOrder = 'priority' | 'first-come';

const RANK: Readonly<Record<TaskKind, number>> = { isolation: 0, patch: 1, qc: 2, reconnection: 3 };

/**
 * The auto-planner: a pure function of its data, so the same data always gives the same plan. Devices go in
 * order of priority, then deadline, then name; each of their downtimes (isolation; patch then QC as one; QC; reconnection)
 * takes the earliest start that keeps every hard rule: inside a maintenance slot and outside blackouts, inside
 * each team's working hours and daily capacity, within the availability rule, after the previous step and
 * never before the patch is available. Fixed windows (locked, in progress, done) stay where they are.
 */
export function plan(data: PlanningData, order: PlanOrder = 'priority'): PlannerResult {
  const slots = new SlotSearch(data);
  const tasks: PlannedTask[] = [];
  const breaches: PlannerBreach[] = [];
  const awaitingPatch: { deviceId: number; status: string }[] = [];

  const fixedByDevice = new Map<number, ExistingWindow[]>();
  for (const window of data.windows) {
    if (!isFixed(window)) continue;
    const list = fixedByDevice.get(window.deviceId) ?? [];
    list.push(window);
    fixedByDevice.set(window.deviceId, list);
    slots.book(window);
    tasks.push({
      deviceId: window.deviceId,
      kind: window.kind,
      start: window.start,
      end: window.end,
      teamId: window.teamId,
      note: null,
      fixedId: window.id,
    });
  }

  let exposure = 0;
  for (const device of ordered(data, order)) {
    const department = device.departmentId === null ? undefined : data.departments.get(device.departmentId);
    const fixed = fixedByDevice.get(device.id) ?? [];
    const fixedOf = (kind: TaskKind) => fixed.filter((w) => w.kind === kind).sort((a, b) => b.end - a.end)[0];
    const needs = stepsFor(device, data, fixedOf);
    let after = data.earliest;
    let isolatedAt: number | null = device.networkState === 'connected' ? null : data.earliest;

    for (const downtimeSteps of needs) {
      const first = downtimeSteps[0] as Step;
      // Whatever comes earlier in the sequence must be over first, even a window placed by hand.
      for (const w of fixed) if (RANK[w.kind] < RANK[first.kind]) after = Math.max(after, w.end);
      const existing = fixedOf(first.kind);
      if (existing) {
        after = Math.max(after, existing.end);
        if (first.kind === 'isolation') isolatedAt = existing.end;
        // A window a person placed stays, deadline or not; the plan still says when it misses one.
        const due = existing.status === 'done' ? null : dueOf(device, first.kind, data.policies);
        if (due !== null && existing.end > due)
          breaches.push({
            deviceId: device.id,
            kind: first.kind,
            reason:
              due <= data.earliest
                ? 'its deadline had passed before the plan starts'
                : 'its window, placed by hand, ends after the deadline: move it earlier, or keep it knowingly',
            due,
          });
        continue;
      }
      if (
        first.kind === 'patch' ||
        (first.kind === 'qc' && !fixedOf('patch') && device.state !== 'patched')
      ) {
        if (device.patch.kind === 'no-fix') {
          breaches.push({
            deviceId: device.id,
            kind: 'patch',
            reason: 'the vendor plans no fix: accept the risk or decommission the device',
            due: null,
          });
          break;
        }
        if (device.patch.kind === 'awaiting') {
          awaitingPatch.push({ deviceId: device.id, status: device.patch.status });
          break;
        }
        after = Math.max(after, device.patch.from);
      }
      const due = dueOf(device, first.kind, data.policies);
      if (!department) {
        breaches.push({
          deviceId: device.id,
          kind: first.kind,
          reason: 'the device has no department, so it has no maintenance slots',
          due,
        });
        break;
      }
      const missingTeam = downtimeSteps.find(
        (s) => (slots.teamsByKind.get(TEAM_FOR[s.kind]) ?? []).length === 0,
      );
      if (missingTeam) {
        breaches.push({
          deviceId: device.id,
          kind: first.kind,
          reason: `the site model has no ${TEAM_FOR[missingTeam.kind].replace(/-/g, ' ')} team for ${missingTeam.kind === 'qc' ? 'QC' : missingTeam.kind}`,
          due,
        });
        break;
      }
      const request = {
        department,
        device,
        steps: downtimeSteps,
        after,
        due,
      };
      const placement = slots.place(request);
      const refused = (until: number, scope: 'before-due' | 'all') =>
        explainFailures(slots.refusals(request, until), department, device, downtimeSteps, scope);
      if (!placement) {
        breaches.push({
          deviceId: device.id,
          kind: first.kind,
          reason: `no window in the ${data.policies.horizonDays} days planned: ${refused(data.horizonEnd, 'all')}`,
          due,
        });
        break;
      }
      for (const t of placement.tasks) {
        tasks.push({
          deviceId: device.id,
          kind: t.kind,
          start: t.start,
          end: t.end,
          teamId: t.teamId,
          note: placement.note,
          fixedId: null,
        });
      }
      const last = placement.tasks.at(-1) as Placement['tasks'][number];
      slots.commit(request, placement);
      if (first.kind === 'isolation') isolatedAt = last.end;
      const lockedQc = first.kind === 'patch' ? fixedOf('qc') : undefined;
      if (lockedQc && last.end > lockedQc.start) {
        breaches.push({
          deviceId: device.id,
          kind: 'qc',
          reason:
            'its QC is locked before the earliest patch window: move the QC after the patch, or unlock it',
          due: null,
        });
      }
      if (due !== null && last.end > due) {
        breaches.push({
          deviceId: device.id,
          kind: first.kind,
          reason:
            due <= data.earliest
              ? 'its deadline had passed before the plan starts'
              : `the earliest window ends after the deadline: ${refused(due, 'before-due')}`,
          due,
        });
      }
      after = last.end;
    }
    const daysExposed = ((isolatedAt ?? data.horizonEnd) - data.earliest) / DAY_MS;
    exposure += device.maxCvss * Math.max(0, daysExposed);
  }
  return { tasks: sortTasks(tasks), breaches, awaitingPatch, exposure: Math.round(exposure * 10) / 10 };
}

function ordered(data: PlanningData, order: PlanOrder): PlanningDevice[] {
  const devices = [...data.devices];
  if (order === 'first-come') return devices.sort((a, b) => a.id - b.id);
  const due = new Map(
    devices.map((d) => [d.id, dueOf(d, 'isolation', data.policies) ?? Number.MAX_SAFE_INTEGER]),
  );
  return devices.sort(
    (a, b) =>
      b.priority - a.priority ||
      (due.get(a.id) as number) - (due.get(b.id) as number) ||
      (a.label < b.label ? -1 : a.label > b.label ? 1 : a.id - b.id),
  );
}

/** The downtimes a device still needs, in order; each is one or more steps done back to back. */
function stepsFor(
  device: PlanningDevice,
  data: PlanningData,
  fixedOf: (kind: TaskKind) => ExistingWindow | undefined,
): Step[][] {
  const step = (kind: TaskKind): Step => ({ kind, minutes: device.minutes[kind] });
  const s = device.state;
  const needs: Step[][] = [];
  if ((s === 'affected' || s === 'isolation-planned') && device.networkState === 'connected')
    needs.push([step('isolation')]);
  if (s === 'affected' || s === 'isolation-planned' || s === 'isolated' || s === 'patch-planned') {
    // A QC a person locked stays the device's QC: the patch is planned alone, never a second QC beside it.
    if (fixedOf('patch')) needs.push([step('qc')]);
    else needs.push(fixedOf('qc') ? [step('patch')] : [step('patch'), step('qc')]);
  } else if (s === 'patched') needs.push([step('qc')]);
  if (data.policies.reconnectAfterPatch && s !== 'reconnected') needs.push([step('reconnection')]);
  return needs;
}

function sortTasks(tasks: PlannedTask[]): PlannedTask[] {
  return tasks.sort((a, b) => a.start - b.start || a.deviceId - b.deviceId || a.kind.localeCompare(b.kind));
}

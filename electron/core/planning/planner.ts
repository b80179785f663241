import type { TaskKind } from '../../api/schemas/site-model';
import { containing, firstEndingAfter, type Occurrence } from './calendar';
import { Downtime, TeamLoad } from './occupancy';
import { explainFailures, type Failure, type FailureTally } from './planner-reasons';
import {
  DAY_MS,
  type ExistingWindow,
  isFixed,
  MINUTE_MS,
  type PlanningData,
  type PlanningDepartment,
  type PlanningDevice,
  type PlanningTeam,
  TEAM_FOR,
  type TeamKind,
} from './planning-data';

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

interface Step {
  readonly kind: TaskKind;
  readonly minutes: number;
}

interface Placement {
  readonly start: number;
  readonly tasks: readonly {
    kind: TaskKind;
    start: number;
    end: number;
    teamId: number;
    shiftStart: number;
  }[];
  readonly note: string | null;
}

/**
 * The auto-planner: a pure function of its data, so the same data always gives the same plan. Devices go in
 * order of priority, then deadline, then name; each of their downtimes (isolation; patch then QC as one; QC; reconnection)
 * takes the earliest start that keeps every hard rule: inside a maintenance slot and outside blackouts, inside
 * each team's working hours and daily capacity, within the availability rule, after the previous step and
 * never before the patch is available. Fixed windows (locked, in progress, done) stay where they are.
 */
export function plan(data: PlanningData, order: PlanOrder = 'priority'): PlannerResult {
  const downtime = new Downtime();
  const load = new TeamLoad();
  const teamsByKind = groupTeams(data.teams);
  const searched = new Map<string, Searched>();
  const tasks: PlannedTask[] = [];
  const breaches: PlannerBreach[] = [];
  const awaitingPatch: { deviceId: number; status: string }[] = [];

  const fixedByDevice = new Map<number, ExistingWindow[]>();
  for (const window of data.windows) {
    if (!isFixed(window)) continue;
    const list = fixedByDevice.get(window.deviceId) ?? [];
    list.push(window);
    fixedByDevice.set(window.deviceId, list);
    book(data, window, downtime, load);
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
      const due = dueOf(device, first.kind, data);
      if (!department) {
        breaches.push({
          deviceId: device.id,
          kind: first.kind,
          reason: 'the device has no department, so it has no maintenance slots',
          due,
        });
        break;
      }
      const missingTeam = downtimeSteps.find((s) => (teamsByKind.get(TEAM_FOR[s.kind]) ?? []).length === 0);
      if (missingTeam) {
        breaches.push({
          deviceId: device.id,
          kind: first.kind,
          reason: `the site model has no ${TEAM_FOR[missingTeam.kind].replace(/-/g, ' ')} team for ${missingTeam.kind === 'qc' ? 'QC' : missingTeam.kind}`,
          due,
        });
        break;
      }
      const tally: FailureTally = new Map();
      const placement = place(
        searched,
        data,
        department,
        device,
        downtimeSteps,
        after,
        downtime,
        load,
        teamsByKind,
        tally,
        due,
      );
      if (!placement) {
        breaches.push({
          deviceId: device.id,
          kind: first.kind,
          reason: `no window in the ${data.policies.horizonDays} days planned: ${explainFailures(tally.get('all') ?? new Map(), department, device, downtimeSteps)}`,
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
        load.add(t.teamId, t.shiftStart, (t.end - t.start) / MINUTE_MS);
      }
      const last = placement.tasks.at(-1) as Placement['tasks'][number];
      if (device.modality !== null) {
        downtime.add(Downtime.key(department.id, device.modality), { start: placement.start, end: last.end });
      }
      if (first.kind === 'isolation') isolatedAt = last.end;
      if (due !== null && last.end > due) {
        breaches.push({
          deviceId: device.id,
          kind: first.kind,
          reason:
            due <= data.earliest
              ? 'its deadline had passed before the plan starts'
              : `the earliest window ends after the deadline: ${explainFailures(tally.get('before-due') ?? new Map(), department, device, downtimeSteps)}`,
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

function groupTeams(teams: readonly PlanningTeam[]): Map<TeamKind, PlanningTeam[]> {
  const map = new Map<TeamKind, PlanningTeam[]>();
  for (const team of teams) map.set(team.kind, [...(map.get(team.kind) ?? []), team]);
  return map;
}

function ordered(data: PlanningData, order: PlanOrder): PlanningDevice[] {
  const devices = [...data.devices];
  if (order === 'first-come') return devices.sort((a, b) => a.id - b.id);
  const due = new Map(devices.map((d) => [d.id, dueOf(d, 'isolation', data) ?? Number.MAX_SAFE_INTEGER]));
  return devices.sort(
    (a, b) =>
      b.priority - a.priority ||
      (due.get(a.id) as number) - (due.get(b.id) as number) ||
      (a.label < b.label ? -1 : a.label > b.label ? 1 : a.id - b.id),
  );
}

/** The policy's deadline for a task: isolation from when the device became affected, the patch from its release. */
export function dueOf(device: PlanningDevice, kind: TaskKind, data: PlanningData): number | null {
  const p = data.policies;
  if (kind === 'isolation') {
    const days = device.maxCvss >= p.criticalCvss ? p.isolateCriticalWithinDays : p.isolateOtherWithinDays;
    return device.affectedAt + days * DAY_MS;
  }
  if (kind === 'patch' && device.patch.kind === 'available') {
    return device.patch.from + p.patchWithinDaysOfAvailability * DAY_MS;
  }
  return null;
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
    needs.push(fixedOf('patch') ? [step('qc')] : [step('patch'), step('qc')]);
  } else if (s === 'patched') needs.push([step('qc')]);
  if (data.policies.reconnectAfterPatch && s !== 'reconnected') needs.push([step('reconnection')]);
  return needs;
}

function place(
  searched: Map<string, Searched>,
  data: PlanningData,
  department: PlanningDepartment,
  device: PlanningDevice,
  steps: readonly Step[],
  after: number,
  downtime: Downtime,
  load: TeamLoad,
  teamsByKind: ReadonlyMap<TeamKind, readonly PlanningTeam[]>,
  tally: FailureTally,
  due: number | null,
): Placement | null {
  // Bookings only ever add up, so a slot that could not take this kind of downtime for an earlier device cannot
  // take it now: an identical search resumes where the last one found its place (or gives up where it gave up).
  const key = `${department.id}|${device.modality}|${steps.map((s) => `${s.kind}:${s.minutes}`).join(',')}`;
  const previous = searched.get(key);
  const resumable = previous !== undefined && after >= previous.after;
  if (resumable) for (const [scope, counts] of previous.tally) tally.set(scope, new Map(counts));
  const placement = search(
    data,
    department,
    device,
    steps,
    resumable ? Math.max(after, previous.found) : after,
    downtime,
    load,
    teamsByKind,
    tally,
    due,
  );
  searched.set(key, {
    after,
    found: placement?.start ?? data.horizonEnd,
    tally: new Map([['all', new Map(tally.get('all'))]]),
  });
  return placement;
}

/** What the last search for a kind of downtime in a department found: where to resume the next one. */
interface Searched {
  readonly after: number;
  readonly found: number;
  readonly tally: FailureTally;
}

function search(
  data: PlanningData,
  department: PlanningDepartment,
  device: PlanningDevice,
  steps: readonly Step[],
  after: number,
  downtime: Downtime,
  load: TeamLoad,
  teamsByKind: ReadonlyMap<TeamKind, readonly PlanningTeam[]>,
  tally: FailureTally,
  due: number | null,
): Placement | null {
  const total = steps.reduce((sum, s) => sum + s.minutes, 0) * MINUTE_MS;
  const group = device.modality === null ? null : Downtime.key(department.id, device.modality);
  const maxDown = device.modality === null ? undefined : department.maxDown.get(device.modality);
  const firstTeams = teamsByKind.get(TEAM_FOR[(steps[0] as Step).kind]) ?? [];
  const slots = department.slots;
  const note = (failure: Failure, at: number) => {
    const scopes: ('all' | 'before-due')[] = due !== null && at < due ? ['all', 'before-due'] : ['all'];
    for (const scope of scopes) {
      const counts = tally.get(scope) ?? new Map();
      counts.set(failure, (counts.get(failure) ?? 0) + 1);
      tally.set(scope, counts);
    }
  };
  for (let i = Math.max(0, firstEndingAfter(slots, after) - 4); i < slots.length; i++) {
    const slot = slots[i] as Occurrence;
    if (slot.end <= after) continue;
    if (slot.start >= data.horizonEnd) break;
    const from = Math.max(slot.start, after);
    const limit = Math.min(slot.end, data.horizonEnd);
    if (from + total > limit) {
      note('too-short', from);
      continue;
    }
    const candidates = new Set<number>([from]);
    if (group)
      for (const busy of downtime.overlapping(group, from, limit))
        if (busy.end > from) candidates.add(busy.end);
    for (const team of firstTeams) {
      for (let j = Math.max(0, firstEndingAfter(team.shifts, from) - 2); j < team.shifts.length; j++) {
        const shift = team.shifts[j] as Occurrence;
        if (shift.start >= limit) break;
        if (shift.start > from) candidates.add(shift.start);
      }
    }
    for (const start of [...candidates].sort((a, b) => a - b)) {
      if (start + total > limit) break;
      if (group && maxDown !== undefined && downtime.peak(group, start, start + total) + 1 > maxDown) {
        note('availability', start);
        continue;
      }
      const assigned = assignTeams(steps, start, load, teamsByKind);
      if (typeof assigned === 'string') {
        note(assigned, start);
        continue;
      }
      return { start, tasks: assigned, note: slot.note };
    }
  }
  return null;
}

function assignTeams(
  steps: readonly Step[],
  start: number,
  load: TeamLoad,
  teamsByKind: ReadonlyMap<TeamKind, readonly PlanningTeam[]>,
): Placement['tasks'] | 'hours' | 'capacity' {
  const tasks: { kind: TaskKind; start: number; end: number; teamId: number; shiftStart: number }[] = [];
  let at = start;
  for (const step of steps) {
    const end = at + step.minutes * MINUTE_MS;
    let failure: 'hours' | 'capacity' = 'hours';
    let chosen: (typeof tasks)[number] | undefined;
    for (const team of teamsByKind.get(TEAM_FOR[step.kind]) ?? []) {
      const shift = containing(team.shifts, at, end);
      if (!shift) continue;
      if (load.minutes(team.id, shift.start) + step.minutes > team.dailyCapacity) {
        failure = 'capacity';
        continue;
      }
      chosen = { kind: step.kind, start: at, end, teamId: team.id, shiftStart: shift.start };
      break;
    }
    if (!chosen) return failure;
    tasks.push(chosen);
    at = end;
  }
  return tasks;
}

/** Records a fixed window's downtime and team time before anything is planned around it. */
function book(data: PlanningData, window: ExistingWindow, downtime: Downtime, load: TeamLoad) {
  if (window.departmentId !== null && window.modality !== null) {
    downtime.add(Downtime.key(window.departmentId, window.modality), window);
  }
  const team = window.teamId === null ? undefined : data.teams.find((t) => t.id === window.teamId);
  const shift = team ? containing(team.shifts, window.start, window.end) : undefined;
  if (team && shift) load.add(team.id, shift.start, (window.end - window.start) / MINUTE_MS);
}

function sortTasks(tasks: PlannedTask[]): PlannedTask[] {
  return tasks.sort((a, b) => a.start - b.start || a.deviceId - b.deviceId || a.kind.localeCompare(b.kind));
}

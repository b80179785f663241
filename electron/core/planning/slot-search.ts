import type { TaskKind } from '../../api/schemas/site-model';
import { containing, firstEndingAfter, type Occurrence } from './calendar';
import { Downtime, TeamLoad, TeamTasks } from './occupancy';
import { type Failure, FailureLog } from './planner-reasons';
import {
  type ExistingWindow,
  MINUTE_MS,
  type PlanningData,
  type PlanningDepartment,
  type PlanningDevice,
  type PlanningTeam,
  TEAM_FOR,
  type TeamKind,
} from './planning-data';

export interface Step {
  readonly kind: TaskKind;
  readonly minutes: number;
}

export interface Placement {
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

/** What the last search for a kind of downtime in a department found: where to resume the next one. */
interface Searched {
  readonly after: number;
  readonly found: number;
  /** Every refusal of the searches since the last fresh one, shared: a resumed search adds to it. */
  readonly refusals: FailureLog;
}

/** One downtime to place: a device's steps done back to back, no earlier than `after`. */
export interface DowntimeRequest {
  readonly department: PlanningDepartment;
  readonly device: PlanningDevice;
  readonly steps: readonly Step[];
  readonly after: number;
  readonly due: number | null;
}

/**
 * The bookings of one planning run (who is down when, how much of each team's day is taken) and the search for the
 * earliest start that keeps every hard rule against them.
 */
export class SlotSearch {
  private readonly downtime = new Downtime();
  private readonly load = new TeamLoad();
  private readonly inHand = new TeamTasks();
  private readonly searched = new Map<string, Searched>();
  readonly teamsByKind: ReadonlyMap<TeamKind, readonly PlanningTeam[]>;

  constructor(private readonly data: PlanningData) {
    const byKind = new Map<TeamKind, PlanningTeam[]>();
    for (const team of data.teams) byKind.set(team.kind, [...(byKind.get(team.kind) ?? []), team]);
    this.teamsByKind = byKind;
  }

  /** Records a fixed window's downtime and team time before anything is planned around it. */
  book(window: ExistingWindow): void {
    if (window.departmentId !== null && window.modality !== null) {
      this.downtime.add(Downtime.key(window.departmentId, window.modality), window);
    }
    const team = window.teamId === null ? undefined : this.data.teams.find((t) => t.id === window.teamId);
    const shift = team ? containing(team.shifts, window.start, window.end) : undefined;
    if (team && shift) this.load.add(team.id, shift.start, (window.end - window.start) / MINUTE_MS);
    if (team) this.inHand.add(team.id, window);
  }

  /** Takes a placement's team time and downtime, so later searches plan around it. */
  commit(request: DowntimeRequest, placement: Placement): void {
    for (const t of placement.tasks) {
      this.load.add(t.teamId, t.shiftStart, (t.end - t.start) / MINUTE_MS);
      this.inHand.add(t.teamId, t);
    }
    const last = placement.tasks.at(-1);
    if (last && request.device.modality !== null) {
      this.downtime.add(Downtime.key(request.department.id, request.device.modality), {
        start: placement.start,
        end: last.end,
      });
    }
  }

  place(request: DowntimeRequest): Placement | null {
    const { after } = request;
    // Bookings only ever add up, so a slot that could not take this kind of downtime for an earlier device cannot
    // take it now: an identical search resumes where the last one found its place (or gives up where it gave up).
    const key = searchKey(request);
    const previous = this.searched.get(key);
    const resumable = previous !== undefined && after >= previous.after;
    const refusals = resumable ? previous.refusals : new FailureLog();
    const placement = this.search(request, resumable ? Math.max(after, previous.found) : after, refusals);
    this.searched.set(key, { after, found: placement?.start ?? this.data.horizonEnd, refusals });
    return placement;
  }

  /** Why the slots from the request's earliest start until `until` were refused (after place()). */
  refusals(request: DowntimeRequest, until: number): Map<Failure, number> {
    return this.searched.get(searchKey(request))?.refusals.between(request.after, until) ?? new Map();
  }

  private search(
    { department, device, steps }: DowntimeRequest,
    after: number,
    refusals: FailureLog,
  ): Placement | null {
    const { downtime, data } = this;
    const total = steps.reduce((sum, s) => sum + s.minutes, 0) * MINUTE_MS;
    const group = device.modality === null ? null : Downtime.key(department.id, device.modality);
    const maxDown = device.modality === null ? undefined : department.maxDown.get(device.modality);
    const firstTeams = this.teamsByKind.get(TEAM_FOR[(steps[0] as Step).kind]) ?? [];
    const slots = department.slots;
    const note = (failure: Failure, at: number) => refusals.record(at, failure);
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
      // A step may wait for its team to finish other work: the end of each of their tasks, less the steps before.
      let offset = 0;
      for (const step of steps) {
        for (const team of this.teamsByKind.get(TEAM_FOR[step.kind]) ?? [])
          for (const end of this.inHand.endsWithin(team.id, from + offset, limit))
            if (end - offset > from) candidates.add(end - offset);
        offset += step.minutes * MINUTE_MS;
      }
      for (const start of [...candidates].sort((a, b) => a - b)) {
        if (start + total > limit) break;
        if (group && maxDown !== undefined && downtime.peak(group, start, start + total) + 1 > maxDown) {
          note('availability', start);
          continue;
        }
        const assigned = this.assignTeams(steps, start);
        if (typeof assigned === 'string') {
          note(assigned, start);
          continue;
        }
        return { start, tasks: assigned, note: slot.note };
      }
    }
    return null;
  }

  /** A team of the right kind for each step, back to back from `start`, or why none could take it. */
  private assignTeams(steps: readonly Step[], start: number): Placement['tasks'] | Failure {
    const tasks: { kind: TaskKind; start: number; end: number; teamId: number; shiftStart: number }[] = [];
    let at = start;
    for (const step of steps) {
      const end = at + step.minutes * MINUTE_MS;
      const kind = TEAM_FOR[step.kind];
      let failure: Failure = `hours:${kind}`;
      let chosen: (typeof tasks)[number] | undefined;
      for (const team of this.teamsByKind.get(kind) ?? []) {
        const shift = containing(team.shifts, at, end);
        if (!shift) continue;
        if (this.load.minutes(team.id, shift.start) + step.minutes > team.dailyCapacity) {
          failure = `capacity:${kind}`;
          continue;
        }
        if (this.inHand.peak(team.id, at, end) >= team.atOnce) {
          if (failure === `hours:${kind}`) failure = `busy:${kind}`;
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
}

/** Requests with the same key search the same slots for the same kind of downtime. */
const searchKey = ({ department, device, steps }: DowntimeRequest) =>
  `${department.id}|${device.modality}|${steps.map((s) => `${s.kind}:${s.minutes}`).join(',')}`;

import { containing, type Span } from './calendar';
import { describeSpan, localDateOf } from './local-time';
import { Downtime, TeamTasks } from './occupancy';
import {
  type ExistingWindow,
  MINUTE_MS,
  type PlanningData,
  type PlanningDepartment,
  type PlanningDevice,
} from './planning-data';

const ORDER = ['isolation', 'patch', 'qc', 'reconnection'] as const;

/**
 * Every hard rule a set of windows breaks, in words, per window id: the check behind the timeline's flags and the
 * conflicts list, and the oracle the planner's property tests hold it to. Done windows are history: they count
 * towards capacity and availability but are not flagged themselves.
 */
export function conflictsOf(data: PlanningData, windows: readonly ExistingWindow[]): Map<number, string[]> {
  const conflicts = new Map<number, string[]>();
  const flag = (id: number, message: string) => {
    const list = conflicts.get(id) ?? [];
    if (!list.includes(message)) list.push(message);
    conflicts.set(id, list);
  };
  const devices = new Map(data.devices.map((d) => [d.id, d]));
  const teams = new Map(data.teams.map((t) => [t.id, t]));
  const open = windows.filter((w) => w.status !== 'done');

  for (const w of open) {
    const department = w.departmentId === null ? undefined : data.departments.get(w.departmentId);
    if (!department) flag(w.id, 'the device has no department, so it has no maintenance slots');
    else if (!containing(department.slots, w.start, w.end)) {
      const blackout = department.blackouts.find((b) => b.start < w.end && b.end > w.start);
      flag(
        w.id,
        blackout
          ? `falls on a blackout day in ${department.name} (${blackout.reason})`
          : `is outside ${department.name}'s maintenance slots`,
      );
    }
    const team = w.teamId === null ? undefined : teams.get(w.teamId);
    if (!team) flag(w.id, 'no team is assigned');
    else if (!containing(team.shifts, w.start, w.end))
      flag(w.id, `is outside the working hours of ${team.name}`);
  }

  checkCapacity(data, windows, flag);
  checkTasksAtOnce(data, windows, flag);
  checkAvailability(data, windows, flag);
  checkOrder(windows, devices, flag);
  return conflicts;
}

function checkCapacity(
  data: PlanningData,
  windows: readonly ExistingWindow[],
  flag: (id: number, m: string) => void,
) {
  for (const team of data.teams) {
    const byShift = new Map<number, ExistingWindow[]>();
    for (const w of windows) {
      if (w.teamId !== team.id) continue;
      const shift = containing(team.shifts, w.start, w.end);
      if (shift) byShift.set(shift.start, [...(byShift.get(shift.start) ?? []), w]);
    }
    for (const [shiftStart, list] of byShift) {
      const minutes = list.reduce((sum, w) => sum + (w.end - w.start) / MINUTE_MS, 0);
      if (minutes <= team.dailyCapacity) continue;
      const zone = zoneOf(data, list[0] as ExistingWindow);
      const message = `${team.name} would work ${minutes} minutes on ${localDateOf(shiftStart, zone)}, over its daily capacity of ${team.dailyCapacity}`;
      for (const w of list) if (w.status !== 'done') flag(w.id, message);
    }
  }
}

/** No team works on more tasks at the same moment than it has people for. */
function checkTasksAtOnce(
  data: PlanningData,
  windows: readonly ExistingWindow[],
  flag: (id: number, m: string) => void,
) {
  const teams = new Map(data.teams.map((t) => [t.id, t]));
  const inHand = new TeamTasks();
  for (const w of windows) if (w.teamId !== null && teams.has(w.teamId)) inHand.add(w.teamId, w);
  for (const w of windows) {
    const team = w.teamId === null ? undefined : teams.get(w.teamId);
    if (!team || w.status === 'done' || inHand.peak(team.id, w.start, w.end) <= team.atOnce) continue;
    const together = inHand.overlapping(team.id, w.start, w.end);
    const worst = worstMoment(together, w);
    const zone = zoneOf(data, w);
    flag(
      w.id,
      `${team.name} would have ${worst.count} tasks at once on ${describeSpan(worst.span.start, worst.span.end, zone)} (it can work on ${team.atOnce === 1 ? 'one at a time' : `${team.atOnce} at once`})`,
    );
  }
}

function checkAvailability(
  data: PlanningData,
  windows: readonly ExistingWindow[],
  flag: (id: number, m: string) => void,
) {
  const downtime = new Downtime<ExistingWindow>();
  for (const w of windows) {
    if (w.departmentId !== null && w.modality !== null)
      downtime.add(Downtime.key(w.departmentId, w.modality), w);
  }
  for (const w of windows) {
    if (w.status === 'done' || w.departmentId === null || w.modality === null) continue;
    const department = data.departments.get(w.departmentId);
    const max = department?.maxDown.get(w.modality);
    if (!department || max === undefined) continue;
    const key = Downtime.key(w.departmentId, w.modality);
    const overlapping = onePerDevice(downtime.overlapping(key, w.start, w.end));
    const worst = worstMoment(overlapping, w);
    if (worst.count <= max) continue;
    flag(w.id, availabilityMessage(department, w.modality, worst.count, worst.span, max));
  }
}

/**
 * The time each device is down, its overlapping windows merged: a device whose QC overlaps its own reconnection
 * is one system down, not two.
 */
function onePerDevice(windows: readonly ExistingWindow[]): Span[] {
  const byDevice = new Map<number, ExistingWindow[]>();
  for (const w of windows) byDevice.set(w.deviceId, [...(byDevice.get(w.deviceId) ?? []), w]);
  const spans: Span[] = [];
  for (const list of byDevice.values()) {
    list.sort((a, b) => a.start - b.start);
    let current: Span | undefined;
    for (const w of list) {
      if (current && w.start < current.end)
        current = { start: current.start, end: Math.max(current.end, w.end) };
      else {
        if (current) spans.push(current);
        current = { start: w.start, end: w.end };
      }
    }
    if (current) spans.push(current);
  }
  return spans;
}

/** The stretch inside `window` where the most spans are down together (the window itself among them). */
function worstMoment(spans: readonly Span[], window: Span): { count: number; span: Span } {
  const edges: [number, number][] = [];
  for (const s of spans) edges.push([Math.max(s.start, window.start), 1], [Math.min(s.end, window.end), -1]);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let count = 0;
  let best = { count: 0, span: window };
  edges.forEach(([at, step], index) => {
    count += step;
    if (count > best.count)
      best = { count, span: { start: at, end: (edges[index + 1] as [number, number])[0] } };
  });
  return best;
}

function availabilityMessage(
  department: PlanningDepartment,
  modality: string,
  down: number,
  span: Span,
  max: number,
) {
  const total = department.modalityCounts.get(modality) ?? down;
  const name = modality.toUpperCase();
  const which =
    down >= total
      ? total === 2
        ? `both ${name} systems`
        : `all ${total} ${name} systems`
      : `${down} of its ${total} ${name} systems`;
  return `${department.name} would have ${which} down on ${describeSpan(span.start, span.end, department.zone)} (at most ${max} may be down)`;
}

function checkOrder(
  windows: readonly ExistingWindow[],
  devices: ReadonlyMap<number, PlanningDevice>,
  flag: (id: number, m: string) => void,
) {
  const byDevice = new Map<number, ExistingWindow[]>();
  for (const w of windows) byDevice.set(w.deviceId, [...(byDevice.get(w.deviceId) ?? []), w]);
  for (const [deviceId, list] of byDevice) {
    const device = devices.get(deviceId);
    for (const w of list) {
      if (w.status === 'done') continue;
      if (w.kind === 'patch' && device) {
        if (device.patch.kind === 'available' && w.start < device.patch.from)
          flag(
            w.id,
            `starts before the patch is available (${new Date(device.patch.from).toISOString().slice(0, 10)})`,
          );
        if (device.patch.kind !== 'available') flag(w.id, 'no patch is available for this device yet');
      }
      const rank = ORDER.indexOf(w.kind);
      for (const other of list) {
        const otherRank = ORDER.indexOf(other.kind);
        if (otherRank < rank && other.end > w.start)
          flag(w.id, `starts before the device's ${labelOf(other.kind)} ends`);
      }
    }
  }
}

const labelOf = (kind: (typeof ORDER)[number]) => (kind === 'qc' ? 'QC' : kind);

function zoneOf(data: PlanningData, w: ExistingWindow): string {
  return (w.departmentId === null ? undefined : data.departments.get(w.departmentId)?.zone) ?? 'UTC';
}

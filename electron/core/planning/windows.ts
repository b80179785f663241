import type { z } from 'zod';
import type { DeviceState } from '../../api/schemas/devices';
import type {
  completeTaskInput,
  ListWindowsInput,
  PlannedWindow,
  SaveWindowInput,
} from '../../api/schemas/planning';
import type { TaskKind } from '../../api/schemas/site-model';
import type { AuditRecorder } from '../audit/audit-log';
import { type CoreContext, isoNow } from '../context';
import { keeper, keptUntilChange } from '../db/kept-until-change';
import { findDevice, moveDevice } from '../devices/device-state';
import { canMove, isSideState } from '../devices/lifecycle';
import { AppError } from '../errors';
import { loadPlanningData, mainZone } from './load-planning';
import { describeInstant, nextDate, startOfLocalDay } from './local-time';
import { followWindows } from './planned-states';
import { DAY_MS, TEAM_FOR } from './planning-data';
import { assertWithinReach } from './reach';
import { conflictsOf } from './rules';
import { shownEnd, shownStart, shownTimes } from './window-times';
import { WindowDescriber } from './window-view';

const CLOCK_GRACE_MS = 5 * 60_000;

interface WindowRow {
  id: number;
  device_id: number;
  kind: TaskKind;
  team_id: number | null;
  start_at: string;
  end_at: string;
  locked: number;
  status: PlannedWindow['status'];
  actual_start: string | null;
  actual_end: string | null;
  note: string | null;
  notes: string | null;
}

/**
 * Every rule each window breaks, checked against all windows (a conflict may involve windows far apart). That
 * takes about 0.2 s for a plan of 10,000 devices, and the schedule asks again at every step through the weeks, so
 * the result is kept until the database changes.
 */
const keptConflicts = keeper<Map<number, string[]>>();

export function conflictsByWindow(ctx: CoreContext): ReadonlyMap<number, string[]> {
  return keptUntilChange(ctx.db, keptConflicts, () => computeConflicts(ctx));
}

function computeConflicts(ctx: CoreContext): Map<number, string[]> {
  const span = ctx.db
    .prepare(
      "SELECT min(start_at) AS first, max(end_at) AS last FROM planned_window WHERE status <> 'cancelled'",
    )
    .get() as { first: string | null; last: string | null };
  if (!span.first || !span.last) return new Map();
  const data = loadPlanningData(ctx, Date.parse(span.first) - DAY_MS, Date.parse(span.last) + DAY_MS);
  return conflictsOf(data, data.windows);
}

export function listWindows(
  ctx: CoreContext,
  input: ListWindowsInput,
): { windows: PlannedWindow[]; conflictCount: number } {
  const zone = mainZone(ctx);
  const conflicts = conflictsByWindow(ctx);
  const rows = ctx.db
    .prepare(
      `SELECT w.* FROM planned_window w JOIN device d ON d.id = w.device_id
       LEFT JOIN department dep ON dep.id = d.department_id
       WHERE w.status <> 'cancelled'
         AND (@from IS NULL OR ${shownEnd()} > @from) AND (@to IS NULL OR ${shownStart()} < @to)
         AND (@department IS NULL OR dep.name = @department COLLATE NOCASE)
         AND (@deviceId IS NULL OR w.device_id = @deviceId)
       ORDER BY ${shownStart()}, w.id`,
    )
    .all({
      from: input.from ? new Date(startOfLocalDay(input.from, zone)).toISOString() : null,
      to: input.to ? new Date(startOfLocalDay(nextDate(input.to), zone)).toISOString() : null,
      department: input.department ?? null,
      deviceId: input.deviceId ?? null,
    }) as WindowRow[];
  const describer = new WindowDescriber(ctx, zone);
  return {
    windows: rows.map((row) => describer.describe(fromRow(row, conflicts.get(row.id) ?? []))),
    conflictCount: conflicts.size,
  };
}

const fromRow = (row: WindowRow, conflicts: readonly string[]) => ({
  id: row.id,
  deviceId: row.device_id,
  kind: row.kind,
  start: shownTimes(row)[0],
  end: shownTimes(row)[1],
  planned: row.status === 'done' ? { start: Date.parse(row.start_at), end: Date.parse(row.end_at) } : null,
  teamId: row.team_id,
  locked: row.locked === 1,
  status: row.status,
  actualStart: row.actual_start,
  actualEnd: row.actual_end,
  note: [row.note, row.notes].filter(Boolean).join(' ') || null,
  conflicts,
});

function readWindow(ctx: CoreContext, id: number): WindowRow {
  const row = ctx.db.prepare('SELECT * FROM planned_window WHERE id = ?').get(id) as WindowRow | undefined;
  if (!row || row.status === 'cancelled') throw new AppError('NOT_FOUND', `There is no window ${id}.`);
  return row;
}

function describeOne(ctx: CoreContext, id: number): PlannedWindow {
  const row = readWindow(ctx, id);
  return new WindowDescriber(ctx, mainZone(ctx)).describe(fromRow(row, conflictsOfOne(ctx, row)));
}

/**
 * The rules one window breaks, as the check over all windows finds them, from the windows it can share a rule
 * with: those of its device (the order of tasks) and those within a day of it (capacity of a shift, modalities
 * down together). Saving a window runs in a transaction, where nothing is kept, so this spares every drag on a
 * large plan the check of all windows.
 */
function conflictsOfOne(ctx: CoreContext, row: WindowRow): string[] {
  const from = Date.parse(row.start_at) - DAY_MS;
  const to = Date.parse(row.end_at) + DAY_MS;
  const data = loadPlanningData(ctx, from, to);
  const near = data.windows.filter((w) => w.deviceId === row.device_id || (w.start < to && w.end > from));
  return conflictsOf(data, near).get(row.id) ?? [];
}

function teamFor(ctx: CoreContext, kind: TaskKind, name: string | null | undefined): number | null {
  if (name === null) return null;
  if (name !== undefined) {
    const id = ctx.db.prepare('SELECT id FROM team WHERE name = ? COLLATE NOCASE').pluck().get(name) as
      | number
      | undefined;
    if (id === undefined) throw new AppError('NOT_FOUND', `No team is called "${name}".`);
    return id;
  }
  return (ctx.db
    .prepare('SELECT id FROM team WHERE kind = ? ORDER BY name LIMIT 1')
    .pluck()
    .get(TEAM_FOR[kind]) ?? null) as number | null;
}

/**
 * A window placed by hand: created, moved, resized or given to another team. It is saved even when it breaks a
 * rule (people know things the model does not); the conflict stays on it until resolved. Locked from now on.
 */
export function saveWindow(ctx: CoreContext, input: SaveWindowInput, audit: AuditRecorder): PlannedWindow {
  const device = findDevice(ctx, { deviceId: input.deviceId });
  if (isSideState(device.state)) {
    throw new AppError(
      'CONFLICT',
      `${device.asset_tag ?? 'This device'} is ${device.state.replace('-', ' ')}: it gets no windows.`,
    );
  }
  assertWithinReach(ctx, Date.parse(input.start), "The window's start", input.start);
  assertWithinReach(ctx, Date.parse(input.end), "The window's end", input.end);
  const at = isoNow(ctx);
  const start = new Date(input.start).toISOString();
  const end = new Date(input.end).toISOString();
  if (input.id !== undefined) {
    const before = readWindow(ctx, input.id);
    if (before.device_id !== input.deviceId || before.kind !== input.kind) {
      throw new AppError('CONFLICT', `Window ${input.id} is another device's or another task's window.`);
    }
    if (before.status === 'done')
      throw new AppError('CONFLICT', `Window ${input.id} is done; it can no longer be moved.`);
    const teamId = input.team === undefined ? before.team_id : teamFor(ctx, input.kind, input.team);
    const notes = input.notes ?? before.notes;
    ctx.db
      .prepare(
        'UPDATE planned_window SET start_at = ?, end_at = ?, team_id = ?, notes = ?, locked = 1, updated_at = ? WHERE id = ?',
      )
      .run(start, end, teamId, notes, at, input.id);
    audit({
      entity: 'planned_window',
      entityId: input.id,
      action: 'update',
      before: {
        start: before.start_at,
        end: before.end_at,
        teamId: before.team_id,
        locked: before.locked === 1,
        notes: before.notes,
      },
      after: { start, end, teamId, locked: true, notes },
    });
    return describeOne(ctx, input.id);
  }
  const teamId = teamFor(ctx, input.kind, input.team);
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO planned_window (device_id, kind, team_id, start_at, end_at, locked, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)`,
      )
      .run(input.deviceId, input.kind, teamId, start, end, input.notes ?? null, at, at).lastInsertRowid,
  );
  audit({
    entity: 'planned_window',
    entityId: id,
    action: 'create',
    after: { deviceId: input.deviceId, kind: input.kind, start, end, teamId, locked: true },
  });
  followWindows(ctx, [input.deviceId], audit);
  return describeOne(ctx, id);
}

export function deleteWindow(ctx: CoreContext, id: number, audit: AuditRecorder): { id: number } {
  const row = readWindow(ctx, id);
  if (row.status === 'done')
    throw new AppError('CONFLICT', `Window ${id} is done: it is kept as the record of the work.`);
  ctx.db.prepare('DELETE FROM planned_window WHERE id = ?').run(id);
  audit({
    entity: 'planned_window',
    entityId: id,
    action: 'delete',
    before: { deviceId: row.device_id, kind: row.kind, start: row.start_at, end: row.end_at },
  });
  followWindows(ctx, [row.device_id], audit);
  return { id };
}

export function unlockWindow(ctx: CoreContext, id: number, audit: AuditRecorder): PlannedWindow {
  const row = readWindow(ctx, id);
  if (row.status !== 'planned')
    throw new AppError('CONFLICT', `Window ${id} is ${row.status}: the planner must leave it where it is.`);
  if (row.locked === 1) {
    ctx.db.prepare('UPDATE planned_window SET locked = 0, updated_at = ? WHERE id = ?').run(isoNow(ctx), id);
    audit({
      entity: 'planned_window',
      entityId: id,
      action: 'update',
      before: { locked: true },
      after: { locked: false },
    });
  }
  return describeOne(ctx, id);
}

/** The state a finished task brings its device to. */
const STATE_AFTER: Record<TaskKind, DeviceState> = {
  isolation: 'isolated',
  patch: 'patched',
  qc: 'verified',
  reconnection: 'reconnected',
};

/** Marks a task done with its actual times, and moves the device on (through the planned state where needed). */
export function completeTask(
  ctx: CoreContext,
  input: z.output<typeof completeTaskInput>,
  audit: AuditRecorder,
): PlannedWindow {
  const row = readWindow(ctx, input.id);
  if (row.status === 'done') throw new AppError('CONFLICT', `Window ${input.id} is already done.`);
  if (input.actualStart)
    assertWithinReach(ctx, Date.parse(input.actualStart), 'The actual start', input.actualStart);
  const actualStart = input.actualStart ? new Date(input.actualStart).toISOString() : row.start_at;
  const actualEnd = input.actualEnd ? new Date(input.actualEnd).toISOString() : row.end_at;
  if (Date.parse(actualEnd) < Date.parse(actualStart)) {
    throw new AppError('INVALID_INPUT', 'The actual end must not be before the actual start.');
  }
  const device = findDevice(ctx, { deviceId: row.device_id });
  // Work is recorded once it is done: an end still ahead is a typing slip or a window marked done too early.
  // A few minutes' grace, for a laptop clock a little behind the one on the wall.
  if (Date.parse(actualEnd) > ctx.now().getTime() + CLOCK_GRACE_MS) {
    const zone = mainZone(ctx);
    const end = describeInstant(Date.parse(actualEnd), zone);
    throw new AppError(
      'INVALID_INPUT',
      input.actualEnd
        ? `The actual end, ${end} (${zone}), is still ahead; record the work as done once it is done.`
        : `${device.asset_tag ?? 'The device'}'s ${row.kind === 'qc' ? 'QC' : row.kind} is planned to end ${end} (${zone}), which is still ahead; give the actual start and end of the work.`,
    );
  }
  const target = STATE_AFTER[row.kind];
  const path = pathTo(device.state, target);
  if (!path) {
    throw new AppError(
      'CONFLICT',
      `${device.asset_tag ?? 'The device'} is "${device.state.replace('-', ' ')}", so its ${row.kind === 'qc' ? 'QC' : row.kind} cannot be marked done.`,
    );
  }
  ctx.db
    .prepare(
      "UPDATE planned_window SET status = 'done', locked = 1, actual_start = ?, actual_end = ?, updated_at = ? WHERE id = ?",
    )
    .run(actualStart, actualEnd, isoNow(ctx), input.id);
  audit({
    entity: 'planned_window',
    entityId: input.id,
    action: 'update',
    before: { status: row.status },
    after: { status: 'done', actualStart, actualEnd },
  });
  for (const step of path) moveDevice(ctx, findDevice(ctx, { deviceId: row.device_id }), step, {}, audit);
  followWindows(ctx, [row.device_id], audit);
  return describeOne(ctx, input.id);
}

/**
 * The steps from the device's state to the one a finished task brings: directly, or through a "planned" state
 * (an isolation done for an affected device passes through "isolation planned"). Never over another task.
 */
function pathTo(from: DeviceState, to: DeviceState): DeviceState[] | null {
  if (from === to) return [];
  if (canMove(from, to)) return [to];
  for (const via of ['isolation-planned', 'patch-planned'] as const) {
    if (canMove(from, via) && canMove(via, to)) return [via, to];
  }
  return null;
}

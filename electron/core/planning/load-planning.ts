import type { DeviceState } from '../../api/schemas/devices';
import {
  DEFAULT_DURATIONS,
  policies as policiesSchema,
  type TaskKind,
  tasksAtOnce,
  WEEKDAYS,
  type Weekday,
} from '../../api/schemas/site-model';
import { matchedPatchRows } from '../advisories/patch-for-device';
import type { CoreContext } from '../context';
import { keeper, keptUntilChange } from '../db/kept-until-change';
import { PLANNABLE_STATES } from '../devices/lifecycle';
import { blackoutSpans, occurrences, withoutBlackouts } from './calendar';
import { startOfLocalDay } from './local-time';
import type {
  ExistingWindow,
  PatchState,
  PlanningData,
  PlanningDepartment,
  PlanningDevice,
  PlanningTeam,
  TeamKind,
} from './planning-data';
import { shownEnd, shownStart } from './window-times';

const weekdayOf = (n: number) => WEEKDAYS[n - 1] as Weekday;
const days = (list: string) => list.split(',').map((n) => weekdayOf(Number(n)));

/** The main site's time zone: team working hours and patch release dates are read in it. */
export function mainZone(ctx: CoreContext): string {
  return ctx.db
    .prepare('SELECT s.time_zone FROM organization o JOIN site s ON s.id = o.default_site_id WHERE o.id = 1')
    .pluck()
    .get() as string;
}

export function readPolicies(ctx: CoreContext) {
  const json = JSON.parse(
    (ctx.db.prepare('SELECT policies_json FROM organization WHERE id = 1').pluck().get() as
      | string
      | undefined) ?? '{}',
  ) as { policies?: unknown; defaultDurations?: Record<TaskKind, number> };
  return {
    policies: policiesSchema.parse(json.policies ?? {}),
    defaultDurations: { ...DEFAULT_DURATIONS, ...json.defaultDurations },
  };
}

/** Reads the site model, the devices still to work on and the existing windows, for the span [from, to). */
export function loadPlanningData(ctx: CoreContext, from: number, to: number): PlanningData {
  const zone = mainZone(ctx);
  const { policies, defaultDurations } = readPolicies(ctx);
  return {
    earliest: from,
    horizonEnd: to,
    policies,
    departments: loadDepartments(ctx, from, to),
    teams: loadTeams(ctx, zone, from, to),
    devices: loadDevices(ctx, zone, from, defaultDurations),
    windows: loadWindows(ctx),
  };
}

function loadDepartments(ctx: CoreContext, from: number, to: number): Map<number, PlanningDepartment> {
  const departments = ctx.db
    .prepare(
      `SELECT d.id, d.name, s.id AS site_id, s.name AS site, s.time_zone AS zone
       FROM department d JOIN site s ON s.id = d.site_id ORDER BY d.id`,
    )
    .all() as { id: number; name: string; site_id: number; site: string; zone: string }[];
  const slots = ctx.db
    .prepare('SELECT department_id, weekday, start_local, end_local FROM maintenance_slot ORDER BY id')
    .all() as { department_id: number; weekday: number; start_local: string; end_local: string }[];
  const blackouts = ctx.db
    .prepare('SELECT site_id, department_id, start_date, end_date, reason FROM blackout ORDER BY id')
    .all() as {
    site_id: number | null;
    department_id: number | null;
    start_date: string;
    end_date: string;
    reason: string;
  }[];
  const rules = ctx.db
    .prepare('SELECT department_id, lower(trim(modality)) AS modality, max_down FROM availability_rule')
    .all() as {
    department_id: number;
    modality: string;
    max_down: number;
  }[];
  const counts = ctx.db
    .prepare(
      `SELECT department_id, lower(trim(modality)) AS modality, count(*) AS n FROM device
       WHERE state <> 'decommissioned' AND department_id IS NOT NULL AND trim(coalesce(modality, '')) <> ''
       GROUP BY 1, 2`,
    )
    .all() as { department_id: number; modality: string; n: number }[];
  const { policies } = readPolicies(ctx);

  const result = new Map<number, PlanningDepartment>();
  for (const d of departments) {
    const own = blackouts
      .filter((b) => b.department_id === d.id || b.site_id === d.site_id)
      .map((b) => ({ from: b.start_date, to: b.end_date, reason: b.reason }));
    const spans = blackoutSpans(own, d.zone);
    const weekly = slots
      .filter((s) => s.department_id === d.id)
      .map((s) => ({ days: [weekdayOf(s.weekday)], start: s.start_local, end: s.end_local }));
    const modalityCounts = new Map(
      counts.filter((c) => c.department_id === d.id).map((c) => [c.modality, c.n]),
    );
    const maxDown = new Map<string, number>();
    if (policies.keepOneOfEachModality) {
      for (const [modality, n] of modalityCounts) if (n >= 2) maxDown.set(modality, n - 1);
    }
    for (const rule of rules) if (rule.department_id === d.id) maxDown.set(rule.modality, rule.max_down);
    result.set(d.id, {
      id: d.id,
      name: d.name,
      site: d.site,
      zone: d.zone,
      slots: withoutBlackouts(occurrences(weekly, d.zone, from, to), spans),
      blackouts: spans,
      maxDown,
      modalityCounts,
    });
  }
  return result;
}

function loadTeams(ctx: CoreContext, zone: string, from: number, to: number): PlanningTeam[] {
  const rows = ctx.db
    .prepare(
      'SELECT id, name, kind, work_days, work_start, work_end, daily_capacity_minutes FROM team ORDER BY name, id',
    )
    .all() as {
    id: number;
    name: string;
    kind: TeamKind;
    work_days: string;
    work_start: string;
    work_end: string;
    daily_capacity_minutes: number;
  }[];
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    kind: t.kind,
    dailyCapacity: t.daily_capacity_minutes,
    atOnce: tasksAtOnce(t.daily_capacity_minutes, t.work_start, t.work_end),
    shifts: occurrences([{ days: days(t.work_days), start: t.work_start, end: t.work_end }], zone, from, to),
  }));
}

function loadDevices(
  ctx: CoreContext,
  zone: string,
  from: number,
  defaults: Record<TaskKind, number>,
): PlanningDevice[] {
  const states = PLANNABLE_STATES.map((s) => `'${s}'`).join(', ');
  const rows = ctx.db
    .prepare(
      `SELECT d.id, coalesce(d.asset_tag, 'serial ' || d.serial, 'device ' || d.id) AS label, d.department_id,
         nullif(lower(trim(coalesce(d.modality, ''))), '') AS modality, d.state, d.network_state, d.family_id,
         coalesce(r.priority, 0) AS priority, coalesce(r.max_cvss, 0) AS max_cvss, d.affected_at
       FROM device d LEFT JOIN device_risk r ON r.device_id = d.id
       WHERE d.state IN (${states}) ORDER BY d.id`,
    )
    .all() as {
    id: number;
    label: string;
    department_id: number | null;
    modality: string | null;
    state: DeviceState;
    network_state: PlanningDevice['networkState'];
    family_id: number | null;
    priority: number;
    max_cvss: number;
    affected_at: string | null;
  }[];
  const patches = patchStates(ctx, zone);
  const durations = ctx.db.prepare('SELECT family_id, device_id, kind, minutes FROM task_duration').all() as {
    family_id: number | null;
    device_id: number | null;
    kind: TaskKind;
    minutes: number;
  }[];
  const byFamily = new Map<number, Partial<Record<TaskKind, number>>>();
  const byDevice = new Map<number, Partial<Record<TaskKind, number>>>();
  for (const d of durations) {
    const [map, id] = d.family_id !== null ? [byFamily, d.family_id] : [byDevice, d.device_id as number];
    map.set(id, { ...map.get(id), [d.kind]: d.minutes });
  }
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    departmentId: row.department_id,
    modality: row.modality,
    state: row.state,
    networkState: row.network_state,
    priority: row.priority,
    maxCvss: row.max_cvss,
    affectedAt: row.affected_at ? Date.parse(row.affected_at) : from,
    patch: patches.get(row.id) ?? { kind: 'awaiting', status: 'none-available' },
    minutes: {
      ...defaults,
      ...(row.family_id === null ? {} : byFamily.get(row.family_id)),
      ...byDevice.get(row.id),
    },
  }));
}

const keptPatchStates = keeper<ReadonlyMap<number, PatchState>>();

/**
 * Per device, whether every advisory that affects it has a patch out, and since when. Kept until the database
 * changes: the planner and the dashboard's two deadline groups all ask, and at 100,000 devices it takes 0.1 s.
 */
export function patchStates(ctx: CoreContext, zone: string): ReadonlyMap<number, PatchState> {
  return keptUntilChange(ctx.db, keptPatchStates, () => readPatchStates(ctx, zone), zone);
}

function readPatchStates(ctx: CoreContext, zone: string): Map<number, PatchState> {
  // The row that fits each device's software version, where the vendor distinguishes versions.
  const rows = matchedPatchRows(ctx);
  const result = new Map<number, PatchState>();
  for (const row of rows) {
    const current = result.get(row.device_id);
    if (current?.kind === 'no-fix') continue;
    if (row.status === 'no-fix-planned') result.set(row.device_id, { kind: 'no-fix' });
    else if (row.status !== 'available') {
      const status = row.expected_date ? `${row.status}, expected ${row.expected_date}` : row.status;
      result.set(row.device_id, { kind: 'awaiting', status });
    } else if (current?.kind !== 'awaiting') {
      const from = row.available_from ? startOfLocalDay(row.available_from, zone) : 0;
      result.set(row.device_id, {
        kind: 'available',
        from: Math.max(from, current?.kind === 'available' ? current.from : 0),
      });
    }
  }
  return result;
}

function loadWindows(ctx: CoreContext): ExistingWindow[] {
  const rows = ctx.db
    .prepare(
      `SELECT w.id, w.device_id, w.kind, ${shownStart()} AS start_at, ${shownEnd()} AS end_at, w.team_id, w.locked,
         w.status, d.department_id,
         nullif(lower(trim(coalesce(d.modality, ''))), '') AS modality
       FROM planned_window w JOIN device d ON d.id = w.device_id
       WHERE w.status <> 'cancelled' ORDER BY w.id`,
    )
    .all() as {
    id: number;
    device_id: number;
    kind: TaskKind;
    start_at: string;
    end_at: string;
    team_id: number | null;
    locked: number;
    status: ExistingWindow['status'];
    department_id: number | null;
    modality: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    deviceId: r.device_id,
    kind: r.kind,
    start: Date.parse(r.start_at),
    end: Date.parse(r.end_at),
    teamId: r.team_id,
    locked: r.locked === 1,
    status: r.status,
    departmentId: r.department_id,
    modality: r.modality,
  }));
}

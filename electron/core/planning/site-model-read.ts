import {
  type AvailabilityRule,
  type Blackout,
  DEFAULT_DURATIONS,
  type Department,
  type Durations,
  durations as durationsSchema,
  type MaintenanceSlot,
  type Policies,
  policies as policiesSchema,
  type Site,
  type SiteModel,
  TASK_KINDS,
  type TaskMinutes,
  type Team,
  WEEKDAYS,
  type Weekday,
} from '../../api/schemas/site-model';
import type { CoreContext } from '../context';
import { weekdayNumber } from './local-time';

/**
 * Reads the site model from its tables. Lists come out in one canonical order (the writer sorts the file's lists
 * the same way), so a model read, saved and read again is identical and a reordered list is not a change.
 */

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byName = (a: string, b: string) => byText(a.toLowerCase(), b.toLowerCase()) || byText(a, b);

export const sortSlots = (slots: readonly MaintenanceSlot[]): MaintenanceSlot[] =>
  [...slots].sort(
    (a, b) => weekdayNumber(a.day) - weekdayNumber(b.day) || byText(a.start, b.start) || byText(a.end, b.end),
  );
export const sortBlackouts = (list: readonly Blackout[]): Blackout[] =>
  [...list].sort((a, b) => byText(a.from, b.from) || byText(a.to, b.to) || byText(a.reason, b.reason));
export const sortRules = (rules: readonly AvailabilityRule[]): AvailabilityRule[] =>
  [...rules].sort((a, b) => byName(a.modality, b.modality));
export const sortWeekdays = (days: readonly Weekday[]): Weekday[] =>
  [...new Set(days)].sort((a, b) => weekdayNumber(a) - weekdayNumber(b));

export interface SiteRow {
  id: number;
  name: string;
  time_zone: string;
}
export interface DepartmentRow {
  id: number;
  name: string;
}
export type DepartmentPlan = Omit<Department, 'name'>;
export type TeamWithId = Team & { id: number };

export function siteRows(ctx: CoreContext): SiteRow[] {
  return ctx.db
    .prepare(
      `SELECT id, name, time_zone FROM site
       ORDER BY coalesce(id = (SELECT default_site_id FROM organization WHERE id = 1), 0) DESC,
         name COLLATE NOCASE, name`,
    )
    .all() as SiteRow[];
}

export function departmentRows(ctx: CoreContext, siteId: number): DepartmentRow[] {
  return ctx.db
    .prepare('SELECT id, name FROM department WHERE site_id = ? ORDER BY name COLLATE NOCASE, name')
    .all(siteId) as DepartmentRow[];
}

const blackoutRows = (ctx: CoreContext, column: 'site_id' | 'department_id', id: number): Blackout[] =>
  sortBlackouts(
    ctx.db
      .prepare(`SELECT start_date AS "from", end_date AS "to", reason FROM blackout WHERE ${column} = ?`)
      .all(id) as Blackout[],
  );

export const siteBlackouts = (ctx: CoreContext, siteId: number) => blackoutRows(ctx, 'site_id', siteId);

export function departmentPlan(ctx: CoreContext, departmentId: number): DepartmentPlan {
  const slots = ctx.db
    .prepare('SELECT weekday, start_local, end_local FROM maintenance_slot WHERE department_id = ?')
    .all(departmentId) as { weekday: number; start_local: string; end_local: string }[];
  const rules = ctx.db
    .prepare('SELECT modality, max_down AS maxDown FROM availability_rule WHERE department_id = ?')
    .all(departmentId) as AvailabilityRule[];
  return {
    maintenanceSlots: sortSlots(
      slots.map((s) => ({ day: WEEKDAYS[s.weekday - 1] as Weekday, start: s.start_local, end: s.end_local })),
    ),
    blackouts: blackoutRows(ctx, 'department_id', departmentId),
    availability: sortRules(rules),
  };
}

function readSite(ctx: CoreContext, row: SiteRow): Site {
  return {
    name: row.name,
    timeZone: row.time_zone,
    departments: departmentRows(ctx, row.id).map((d) => ({ name: d.name, ...departmentPlan(ctx, d.id) })),
    blackouts: siteBlackouts(ctx, row.id),
  };
}

export function teams(ctx: CoreContext): TeamWithId[] {
  const rows = ctx.db
    .prepare(
      `SELECT id, name, kind, work_days, work_start, work_end, daily_capacity_minutes, contact FROM team
       ORDER BY name COLLATE NOCASE, name`,
    )
    .all() as {
    id: number;
    name: string;
    kind: Team['kind'];
    work_days: string;
    work_start: string;
    work_end: string;
    daily_capacity_minutes: number;
    contact: string | null;
  }[];
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    workDays: sortWeekdays(
      row.work_days
        .split(',')
        .map((n) => WEEKDAYS[Number(n) - 1])
        .filter((day) => day !== undefined),
    ),
    start: row.work_start,
    end: row.work_end,
    dailyCapacityMinutes: row.daily_capacity_minutes,
    contact: row.contact ?? '',
  }));
}

/** Kinds in their working order, names sorted, entries without minutes left out: what the tables can hold. */
export function canonicalDurations(durations: Durations): Durations {
  const minutes = (m: TaskMinutes): TaskMinutes =>
    Object.fromEntries(TASK_KINDS.filter((k) => m[k] !== undefined).map((k) => [k, m[k]]));
  const record = (r: Record<string, TaskMinutes>) =>
    Object.fromEntries(
      Object.keys(r)
        .sort(byName)
        .map((name) => [name, minutes(r[name] ?? {})])
        .filter(([, m]) => Object.keys(m as TaskMinutes).length > 0),
    );
  return {
    default: minutes(durations.default) as Durations['default'],
    families: record(durations.families),
    devices: record(durations.devices),
  };
}

/** organization.policies_json: {"policies": {...}, "defaultDurations": {...}} and whatever later features keep. */
export function storedPlanning(ctx: CoreContext): Record<string, unknown> {
  const raw = ctx.db.prepare('SELECT policies_json FROM organization WHERE id = 1').pluck().get();
  try {
    const value: unknown = JSON.parse(typeof raw === 'string' ? raw : '{}');
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/**
 * Defaults fill in what was never saved. Field by field when the whole does not parse (a value written by a
 * newer version), so one unreadable value falls back to its default without losing the others.
 */
export function readPolicies(stored: Record<string, unknown>): Policies {
  const raw = (stored.policies ?? {}) as Record<string, unknown>;
  const whole = policiesSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const fields = Object.entries(policiesSchema.shape).flatMap(([key, field]) => {
    const value = field.safeParse(typeof raw === 'object' ? raw[key] : undefined);
    return value.success ? [[key, value.data]] : [];
  });
  return policiesSchema.parse(Object.fromEntries(fields));
}

export function readDurations(ctx: CoreContext, stored: Record<string, unknown>): Durations {
  const fallback = durationsSchema.shape.default.safeParse(stored.defaultDurations);
  const result: Durations = {
    default: fallback.success ? fallback.data : { ...DEFAULT_DURATIONS },
    families: {},
    devices: {},
  };
  const rows = ctx.db
    .prepare(
      `SELECT f.name AS family, d.asset_tag AS device, t.kind, t.minutes FROM task_duration t
       LEFT JOIN product_family f ON f.id = t.family_id LEFT JOIN device d ON d.id = t.device_id`,
    )
    .all() as { family: string | null; device: string | null; kind: keyof TaskMinutes; minutes: number }[];
  for (const row of rows) {
    // A device without an asset tag cannot be named in the file, so its durations cannot be shown either.
    const [record, name] = row.family !== null ? [result.families, row.family] : [result.devices, row.device];
    if (name === null) continue;
    record[name] = { ...record[name], [row.kind]: row.minutes };
  }
  return canonicalDurations(result);
}

export function getSiteModel(ctx: CoreContext): SiteModel {
  const stored = storedPlanning(ctx);
  return {
    format: 'isopatch-site-model',
    version: 1,
    sites: siteRows(ctx).map((row) => readSite(ctx, row)),
    teams: teams(ctx).map(({ id: _id, ...team }) => team),
    durations: readDurations(ctx, stored),
    policies: readPolicies(stored),
  };
}

import type {
  AvailabilityRule,
  Blackout,
  Department,
  MaintenanceSlot,
  Site,
  Team,
} from '../../api/schemas/site-model';
import type { AuditRecorder } from '../audit/audit-log';
import { type CoreContext, isoNow } from '../context';
import { weekdayNumber } from './local-time';
import {
  departmentPlan,
  departmentRows,
  siteBlackouts,
  siteRows,
  sortBlackouts,
  sortRules,
  sortSlots,
  sortWeekdays,
  teams,
} from './site-model-read';

/**
 * Writes the sites, departments and teams of a saved site model, inside the caller's transaction. Names match
 * case-insensitively (as device imports match departments), and the file's spelling wins.
 */

/** The exact spelling first, so two rows that differ only in case each keep their own match. */
function findByName<T extends { name: string }>(rows: readonly T[], name: string): T | undefined {
  return rows.find((r) => r.name === name) ?? rows.find((r) => r.name.toLowerCase() === name.toLowerCase());
}

/** The fields that differ, for the audit entry; undefined when nothing does. */
export function changes<T extends object>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } | undefined {
  const keys = (Object.keys(after) as (keyof T)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  if (keys.length === 0) return undefined;
  const pick = (from: T) => Object.fromEntries(keys.map((key) => [key, from[key]])) as Partial<T>;
  return { before: pick(before), after: pick(after) };
}

function replaceBlackouts(
  ctx: CoreContext,
  column: 'site_id' | 'department_id',
  id: number,
  list: readonly Blackout[],
) {
  ctx.db.prepare(`DELETE FROM blackout WHERE ${column} = ?`).run(id);
  const insert = ctx.db.prepare(
    `INSERT INTO blackout (${column}, start_date, end_date, reason) VALUES (?, ?, ?, ?)`,
  );
  for (const b of list) insert.run(id, b.from, b.to, b.reason);
}

function replaceSlots(ctx: CoreContext, departmentId: number, slots: readonly MaintenanceSlot[]) {
  ctx.db.prepare('DELETE FROM maintenance_slot WHERE department_id = ?').run(departmentId);
  const insert = ctx.db.prepare(
    'INSERT INTO maintenance_slot (department_id, weekday, start_local, end_local) VALUES (?, ?, ?, ?)',
  );
  for (const s of slots) insert.run(departmentId, weekdayNumber(s.day), s.start, s.end);
}

function replaceRules(ctx: CoreContext, departmentId: number, rules: readonly AvailabilityRule[]) {
  ctx.db.prepare('DELETE FROM availability_rule WHERE department_id = ?').run(departmentId);
  const insert = ctx.db.prepare(
    'INSERT INTO availability_rule (department_id, modality, max_down) VALUES (?, ?, ?)',
  );
  for (const r of rules) insert.run(departmentId, r.modality, r.maxDown);
}

function writePlan(ctx: CoreContext, departmentId: number, changed: Partial<Department>) {
  if (changed.maintenanceSlots) replaceSlots(ctx, departmentId, changed.maintenanceSlots);
  if (changed.blackouts) replaceBlackouts(ctx, 'department_id', departmentId, changed.blackouts);
  if (changed.availability) replaceRules(ctx, departmentId, changed.availability);
}

/** Departments of the file are upserted with their slots, blackouts and rules; the others are left alone. */
function saveDepartments(
  ctx: CoreContext,
  site: { id: number; name: string },
  list: readonly Department[],
  audit: AuditRecorder,
) {
  const existing = departmentRows(ctx, site.id);
  const at = isoNow(ctx);
  for (const department of list) {
    const after: Department = {
      name: department.name,
      maintenanceSlots: sortSlots(department.maintenanceSlots),
      blackouts: sortBlackouts(department.blackouts),
      availability: sortRules(department.availability),
    };
    const row = findByName(existing, department.name);
    if (!row) {
      const id = Number(
        ctx.db
          .prepare('INSERT INTO department (site_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)')
          .run(site.id, after.name, at, at).lastInsertRowid,
      );
      writePlan(ctx, id, after);
      audit({ entity: 'department', entityId: id, action: 'create', after: { site: site.name, ...after } });
      continue;
    }
    const diff = changes({ name: row.name, ...departmentPlan(ctx, row.id) }, after);
    if (!diff) continue;
    ctx.db.prepare('UPDATE department SET name = ?, updated_at = ? WHERE id = ?').run(after.name, at, row.id);
    writePlan(ctx, row.id, diff.after);
    audit({
      entity: 'department',
      entityId: row.id,
      action: 'update',
      before: diff.before,
      after: diff.after,
    });
  }
}

/** Sites of the file are upserted with their blackouts and departments; the others are left alone. */
export function saveSites(ctx: CoreContext, list: readonly Site[], audit: AuditRecorder) {
  const existing = siteRows(ctx);
  const at = isoNow(ctx);
  for (const site of list) {
    const after = { name: site.name, timeZone: site.timeZone, blackouts: sortBlackouts(site.blackouts) };
    const row = findByName(existing, site.name);
    let id: number;
    if (!row) {
      id = Number(
        ctx.db
          .prepare('INSERT INTO site (name, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?)')
          .run(after.name, after.timeZone, at, at).lastInsertRowid,
      );
      replaceBlackouts(ctx, 'site_id', id, after.blackouts);
      audit({ entity: 'site', entityId: id, action: 'create', after });
    } else {
      id = row.id;
      const before = { name: row.name, timeZone: row.time_zone, blackouts: siteBlackouts(ctx, id) };
      const diff = changes(before, after);
      if (diff) {
        ctx.db
          .prepare('UPDATE site SET name = ?, time_zone = ?, updated_at = ? WHERE id = ?')
          .run(after.name, after.timeZone, at, id);
        if (diff.after.blackouts) replaceBlackouts(ctx, 'site_id', id, diff.after.blackouts);
        audit({ entity: 'site', entityId: id, action: 'update', before: diff.before, after: diff.after });
      }
    }
    saveDepartments(ctx, { id, name: after.name }, site.departments, audit);
  }
}

const teamColumns = (team: Team) => ({
  name: team.name,
  kind: team.kind,
  work_days: team.workDays.map(weekdayNumber).join(','),
  work_start: team.start,
  work_end: team.end,
  daily_capacity_minutes: team.dailyCapacityMinutes,
  contact: team.contact === '' ? null : team.contact,
});

/**
 * Teams of the file are upserted; the others are deleted, except those planned windows are assigned to, which are
 * kept (a window must not lose its team) and named in the answer.
 */
export function saveTeams(ctx: CoreContext, list: readonly Team[], audit: AuditRecorder): string[] {
  const existing = teams(ctx);
  const matched = new Set<number>();
  for (const team of list) {
    const after: Team = { ...team, workDays: sortWeekdays(team.workDays) };
    const row = findByName(existing, team.name);
    if (!row) {
      const id = ctx.db
        .prepare(
          `INSERT INTO team (name, kind, work_days, work_start, work_end, daily_capacity_minutes, contact)
           VALUES (@name, @kind, @work_days, @work_start, @work_end, @daily_capacity_minutes, @contact)`,
        )
        .run(teamColumns(after)).lastInsertRowid;
      audit({ entity: 'team', entityId: Number(id), action: 'create', after });
      continue;
    }
    matched.add(row.id);
    const { id, ...before } = row;
    const diff = changes(before, after);
    if (!diff) continue;
    ctx.db
      .prepare(
        `UPDATE team SET name = @name, kind = @kind, work_days = @work_days, work_start = @work_start,
           work_end = @work_end, daily_capacity_minutes = @daily_capacity_minutes, contact = @contact WHERE id = @id`,
      )
      .run({ ...teamColumns(after), id });
    audit({ entity: 'team', entityId: id, action: 'update', before: diff.before, after: diff.after });
  }

  const kept: string[] = [];
  const assigned = ctx.db.prepare('SELECT 1 FROM planned_window WHERE team_id = ? LIMIT 1').pluck();
  for (const { id, ...before } of existing) {
    if (matched.has(id)) continue;
    if (assigned.get(id) !== undefined) {
      kept.push(before.name);
      continue;
    }
    ctx.db.prepare('DELETE FROM team WHERE id = ?').run(id);
    audit({ entity: 'team', entityId: id, action: 'delete', before });
  }
  return kept;
}

import type { z } from 'zod';
import type { Plan, planInput } from '../../api/schemas/planning';
import type { TaskKind } from '../../api/schemas/site-model';
import type { AuditRecorder } from '../audit/audit-log';
import { type CoreContext, isoNow } from '../context';
import { loadPlanningData, mainZone, readPolicies } from './load-planning';
import { localDateOf, startOfLocalDay, toLocalIso } from './local-time';
import { followWindows } from './planned-states';
import { type PlannedTask, type PlanOrder, plan as runPlanner } from './planner';
import { DAY_MS, type ExistingWindow, isFixed, type PlanningData } from './planning-data';
import { assertWithinReach } from './reach';
import { conflictsOf } from './rules';
import { WindowDescriber } from './window-view';

type PlanInput = z.output<typeof planInput>;
type Change = Plan['tasks'][number]['change'];

interface ComputedPlan {
  readonly data: PlanningData;
  readonly from: string;
  readonly tasks: readonly (PlannedTask & { change: Change; replaces: number | null })[];
  readonly removed: readonly ExistingWindow[];
  readonly result: ReturnType<typeof runPlanner>;
}

/** The planning data from the first planned day (at the main site) over the policy's horizon. */
export function planningDataFrom(ctx: CoreContext, from: string | undefined) {
  const zone = mainZone(ctx);
  const day = from ?? localDateOf(ctx.now().getTime(), zone);
  assertWithinReach(ctx, startOfLocalDay(day, zone), 'The first day of the plan', day);
  const earliest = Math.max(ctx.now().getTime(), startOfLocalDay(day, zone));
  const { policies } = readPolicies(ctx);
  return { day, data: loadPlanningData(ctx, earliest, earliest + policies.horizonDays * DAY_MS) };
}

export function computePlan(ctx: CoreContext, input: PlanInput, order: PlanOrder = 'priority'): ComputedPlan {
  const { day, data } = planningDataFrom(ctx, input.from);
  const result = runPlanner(data, order);
  // The unlocked windows of the last plan: matched by device and task, they are moved rather than replaced.
  const previous = new Map<string, ExistingWindow>();
  const removed: ExistingWindow[] = [];
  for (const w of data.windows) {
    if (isFixed(w)) continue;
    const key = `${w.deviceId}|${w.kind}`;
    if (previous.has(key)) removed.push(w);
    else previous.set(key, w);
  }
  const tasks = result.tasks.map((task) => {
    if (task.fixedId !== null) return { ...task, change: 'kept' as const, replaces: null };
    const key = `${task.deviceId}|${task.kind}`;
    const old = previous.get(key);
    previous.delete(key);
    if (!old) return { ...task, change: 'new' as const, replaces: null };
    const same = old.start === task.start && old.end === task.end && old.teamId === task.teamId;
    return { ...task, change: same ? ('unchanged' as const) : ('moved' as const), replaces: old.id };
  });
  removed.push(...previous.values());
  return { data, from: day, tasks, removed, result };
}

function toPlan(
  ctx: CoreContext,
  computed: ComputedPlan,
  ids: ReadonlyMap<number, number>,
  applied: boolean,
): Plan {
  const zone = mainZone(ctx);
  const describer = new WindowDescriber(ctx, zone);
  const devices = new Map(computed.data.devices.map((d) => [d.id, d]));
  const existing = new Map(computed.data.windows.map((w) => [w.id, w]));
  // Temporary negative ids let the conflict check name windows that do not exist yet.
  const asWindows: ExistingWindow[] = computed.tasks.map((t, index) => {
    const device = devices.get(t.deviceId);
    const fixed = t.fixedId === null ? undefined : existing.get(t.fixedId);
    return {
      id: t.fixedId ?? t.replaces ?? -(index + 1),
      deviceId: t.deviceId,
      kind: t.kind,
      start: t.start,
      end: t.end,
      teamId: t.teamId,
      locked: fixed?.locked ?? false,
      status: fixed?.status ?? 'planned',
      departmentId: fixed?.departmentId ?? device?.departmentId ?? null,
      modality: fixed?.modality ?? device?.modality ?? null,
    };
  });
  const conflicts = conflictsOf(computed.data, asWindows);
  const labels = new Map(computed.data.devices.map((d) => [d.id, d.label]));
  const count = (change: Change) => computed.tasks.filter((t) => t.change === change).length;
  return {
    from: computed.from,
    tasks: computed.tasks.map((t, index) => {
      const w = asWindows[index] as ExistingWindow;
      const id = w.id > 0 ? w.id : (ids.get(index) ?? null);
      return {
        ...describer.describe({ ...w, id, note: t.note, conflicts: conflicts.get(w.id) ?? [] }),
        change: t.change,
      };
    }),
    breaches: computed.result.breaches.map((b) => ({
      deviceId: b.deviceId,
      assetTag: labels.get(b.deviceId) ?? String(b.deviceId),
      kind: b.kind,
      reason: b.reason,
      due: b.due === null ? null : toLocalIso(b.due, zone),
    })),
    awaitingPatch: computed.result.awaitingPatch.map((a) => ({
      deviceId: a.deviceId,
      assetTag: labels.get(a.deviceId) ?? String(a.deviceId),
      patch: a.status,
    })),
    changes: {
      new: count('new'),
      moved: count('moved'),
      unchanged: count('unchanged'),
      removed: computed.removed.length,
    },
    exposure: computed.result.exposure,
    applied,
  };
}

export function previewPlan(ctx: CoreContext, input: PlanInput): Plan {
  return toPlan(ctx, computePlan(ctx, input), new Map(), false);
}

/** Saves the plan in the router's transaction: new windows inserted, moved ones updated, stale ones removed. */
export function applyPlan(ctx: CoreContext, input: PlanInput, audit: AuditRecorder): Plan {
  const computed = computePlan(ctx, input);
  const at = isoNow(ctx);
  const insert = ctx.db.prepare(
    `INSERT INTO planned_window (device_id, kind, team_id, start_at, end_at, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const move = ctx.db.prepare(
    'UPDATE planned_window SET start_at = ?, end_at = ?, team_id = ?, note = ?, updated_at = ? WHERE id = ?',
  );
  const remove = ctx.db.prepare('DELETE FROM planned_window WHERE id = ?');
  const iso = (ms: number) => new Date(ms).toISOString();
  const ids = new Map<number, number>();
  const existing = new Map(computed.data.windows.map((w) => [w.id, w]));
  const touched = new Set<number>();
  computed.tasks.forEach((t, index) => {
    const values = { kind: t.kind, start: iso(t.start), end: iso(t.end), teamId: t.teamId };
    if (t.change === 'new') {
      const id = Number(
        insert.run(t.deviceId, t.kind, t.teamId, values.start, values.end, t.note, at, at).lastInsertRowid,
      );
      ids.set(index, id);
      audit({
        entity: 'planned_window',
        entityId: id,
        action: 'create',
        after: { deviceId: t.deviceId, ...values },
      });
    } else if (t.change === 'moved' && t.replaces !== null) {
      const before = existing.get(t.replaces) as ExistingWindow;
      move.run(values.start, values.end, t.teamId, t.note, at, t.replaces);
      audit({
        entity: 'planned_window',
        entityId: t.replaces,
        action: 'update',
        before: { start: iso(before.start), end: iso(before.end), teamId: before.teamId },
        after: values,
      });
    }
    touched.add(t.deviceId);
  });
  for (const w of computed.removed) {
    remove.run(w.id);
    audit({
      entity: 'planned_window',
      entityId: w.id,
      action: 'delete',
      before: { deviceId: w.deviceId, kind: w.kind as TaskKind, start: iso(w.start), end: iso(w.end) },
    });
    touched.add(w.deviceId);
  }
  followWindows(ctx, touched, audit);
  const plan = toPlan(ctx, computed, ids, true);
  audit({
    entity: 'plan',
    entityId: null,
    action: 'create',
    after: { from: plan.from, ...plan.changes, breaches: plan.breaches.length },
  });
  return plan;
}

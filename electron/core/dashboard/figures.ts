import { ALERTS, type AlertKind } from '../../api/device-groups';
import type { Dashboard, DashboardAlert } from '../../api/schemas/dashboard';
import { counted } from '../../api/words';
import { type CoreContext, isoNow } from '../context';
import { conflictsByWindow } from '../planning/windows';
import { burnDown, burnDownRange } from '../reports/burn-down';
import { burnDownChart } from '../reports/chart';
import { addDays, resolveScope } from '../reports/scope';
import { figuresOf, statusCounts } from '../reports/status-report';
import { windowsBetween } from '../reports/windows-query';
import { CATEGORY_SQL, groupCondition, REVIEW_NOTICE_DAYS } from './device-groups';

/** How far ahead the dashboard lists windows. */
export const DASHBOARD_WINDOW_DAYS = 7;

const ALERT_TEXT: Record<AlertKind, (n: number) => string> = {
  'patch-available': (n) =>
    `A patch became available for ${counted(n, 'device', 'devices')} with no patch planned yet.`,
  'isolation-overdue': (n) =>
    `${counted(n, 'exposed device is', 'exposed devices are')} past the isolation deadline.`,
  'patch-overdue': (n) =>
    `${counted(n, 'device is', 'devices are')} past the patch deadline (counted from the day the patch came out) and not yet patched.`,
  'planned-late': (n) =>
    `${counted(n, 'device is', 'devices are')} planned to be isolated or patched after their deadline.`,
  'risk-review-due': (n) =>
    `${counted(n, 'risk acceptance is', 'risk acceptances are')} due for review (review date within ${REVIEW_NOTICE_DAYS} days or past).`,
  'match-to-confirm': (n) =>
    `${counted(n, 'device has', 'devices have')} matches waiting for a person to confirm them.`,
};

/** The dashboard: the status report's figures and burn-down for every device, the next week, and the alerts. */
export function getDashboardFigures(ctx: CoreContext): Dashboard {
  const count = (sql: string, ...params: unknown[]) =>
    ctx.db
      .prepare(sql)
      .pluck()
      .get(...params) as number;
  const scope = resolveScope(ctx, { report: 'status', departments: [], paper: 'a4' });
  const status = figuresOf(statusCounts(ctx, scope));
  const range = burnDownRange(ctx, scope);
  const points = burnDown(ctx, scope, range.from, range.to);
  const alerts: DashboardAlert[] = ALERTS.map((group) => {
    const condition = groupCondition(ctx, group);
    const n = count(`SELECT count(*) FROM device d WHERE ${condition.sql}`, ...condition.params);
    return { group, count: n, text: ALERT_TEXT[group](n) };
  }).filter((alert) => alert.count > 0);
  return {
    // Every device, as the Devices view and the register count them; the decommissioned ones are said apart.
    devices: count('SELECT count(*) FROM device'),
    decommissionedDevices: count("SELECT count(*) FROM device WHERE state = 'decommissioned'"),
    advisories: count('SELECT count(*) FROM advisory'),
    affectedDevices: status.affected,
    exposedDevices: count(`SELECT count(*) FROM device d WHERE (${CATEGORY_SQL}) = 'exposed'`),
    upcomingWindows: count(
      "SELECT count(*) FROM planned_window WHERE status = 'planned' AND end_at >= ?",
      isoNow(ctx),
    ),
    importBatches: count("SELECT count(*) FROM import_batch WHERE status = 'committed'"),
    status,
    burnDown: { points, svg: burnDownChart(points, 'Exposed and unpatched devices', 520).markup },
    nextWindows: windowsBetween(ctx, scope, scope.today, addDays(scope.today, DASHBOARD_WINDOW_DAYS - 1))
      .filter((w) => w.status !== 'done')
      .map(({ id, start, end, kind, assetTag, model, department, location, team }) => ({
        id,
        start,
        end,
        kind,
        assetTag,
        model,
        department,
        location,
        team,
      })),
    alerts,
    conflictingWindows: conflictsByWindow(ctx).size,
  };
}

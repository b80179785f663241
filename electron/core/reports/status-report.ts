import { DateTime } from 'luxon';
import { STATUS_CATEGORIES, type StatusCategory } from '../../api/device-groups';
import type { ReportInput } from '../../api/schemas/reports';
import type { CoreContext } from '../context';
import { AFFECTED_CATEGORIES, CATEGORY_SQL, REVIEW_NOTICE_DAYS } from '../dashboard/device-groups';
import { readPolicies } from '../planning/load-planning';
import { burnDown, burnDownRange } from './burn-down';
import type { Cell, Column, Figure, ReportDocument, TableSection } from './model';
import { addDays, fileStemOf, type ReportScope, resolveScope } from './scope';
import { TASK_LABEL, windowsBetween } from './windows-query';

/** How far ahead the status report lists planned windows. */
export const STATUS_WINDOW_DAYS = 14;

export type StatusCounts = Record<StatusCategory, number>;

export interface StatusFigures {
  readonly affected: number;
  readonly exposed: number;
  readonly isolatedAwaitingPatch: number;
  readonly patched: number;
  readonly verified: number;
  readonly riskAccepted: number;
  readonly notAffected: number;
  /** Patched or verified, of the affected devices, rounded down (100 only when all are done). */
  readonly percentComplete: number;
}

const emptyCounts = (): StatusCounts =>
  Object.fromEntries(STATUS_CATEGORIES.map((c) => [c, 0])) as StatusCounts;

export function figuresOf(counts: StatusCounts): StatusFigures {
  const affected = AFFECTED_CATEGORIES.reduce((sum, c) => sum + counts[c], 0);
  const done = counts.patched + counts.verified;
  return {
    affected,
    exposed: counts.exposed,
    isolatedAwaitingPatch: counts.isolated,
    patched: counts.patched,
    verified: counts.verified,
    riskAccepted: counts['risk-accepted'],
    notAffected: counts['not-affected'],
    percentComplete: affected === 0 ? 0 : Math.floor((done * 100) / affected),
  };
}

/** Devices per status category, for the devices a scope covers. */
export function statusCounts(ctx: CoreContext, scope: Pick<ReportScope, 'deviceFilter'>): StatusCounts {
  const counts = emptyCounts();
  for (const row of ctx.db
    .prepare(
      `SELECT ${CATEGORY_SQL} AS category, count(*) AS n FROM device d WHERE ${scope.deviceFilter.sql} GROUP BY 1`,
    )
    .all(...scope.deviceFilter.params) as { category: StatusCategory | null; n: number }[]) {
    if (row.category) counts[row.category] = row.n;
  }
  return counts;
}

export const FIGURE_WORDS: readonly { key: keyof StatusFigures; label: string; help: string }[] = [
  { key: 'affected', label: 'Affected', help: 'devices an advisory affects' },
  { key: 'exposed', label: 'Exposed', help: 'affected, neither isolated nor patched' },
  { key: 'isolatedAwaitingPatch', label: 'Isolated, not yet patched', help: 'in a segment or disconnected' },
  { key: 'patched', label: 'Patched', help: 'patch installed, QC to do' },
  { key: 'verified', label: 'Verified', help: 'QC passed (reconnected included)' },
  { key: 'riskAccepted', label: 'Risk accepted', help: 'with a review date' },
  { key: 'notAffected', label: 'Not affected', help: 'decided, with a reason' },
  { key: 'percentComplete', label: 'Complete', help: 'patched or verified, of the affected' },
];

const COUNT_COLUMNS: readonly Column[] = [
  { label: 'Affected', type: 'number' },
  { label: 'Exposed', type: 'number' },
  { label: 'Isolated', type: 'number' },
  { label: 'Patched', type: 'number' },
  { label: 'Verified', type: 'number' },
  { label: 'Risk accepted', type: 'number' },
  { label: 'Not affected', type: 'number' },
  { label: 'Complete', type: 'percent' },
];

const countCells = (counts: StatusCounts): Cell[] => {
  const f = figuresOf(counts);
  return [
    f.affected,
    f.exposed,
    f.isolatedAwaitingPatch,
    f.patched,
    f.verified,
    f.riskAccepted,
    f.notAffected,
    f.percentComplete,
  ];
};

/** Rows of counts grouped by a key, with a total row where each device is in one group only. */
function countTable(
  rows: readonly { key: string; category: StatusCategory | null; n: number }[],
  withTotal: boolean,
) {
  const groups = new Map<string, StatusCounts>();
  const total = emptyCounts();
  for (const row of rows) {
    if (!row.category) continue;
    const counts = groups.get(row.key) ?? emptyCounts();
    counts[row.category] += row.n;
    total[row.category] += row.n;
    groups.set(row.key, counts);
  }
  const body = [...groups.entries()].map(([key, counts]) => [key, ...countCells(counts)]);
  return body.length > 0 && withTotal ? [...body, ['Total', ...countCells(total)]] : body;
}

export function statusReport(ctx: CoreContext, input: ReportInput): ReportDocument {
  const scope = resolveScope(ctx, input);
  const { sql: inScope, params } = scope.deviceFilter;
  const figures = figuresOf(statusCounts(ctx, scope));
  const range = burnDownRange(ctx, scope);
  const windowsTo = addDays(scope.today, STATUS_WINDOW_DAYS - 1);

  const byDepartment = ctx.db
    .prepare(
      `SELECT coalesce(dep.name, '(no department)') AS key, ${CATEGORY_SQL} AS category, count(*) AS n
       FROM device d LEFT JOIN department dep ON dep.id = d.department_id WHERE ${inScope}
       GROUP BY 1, 2 ORDER BY 1 COLLATE NOCASE`,
    )
    .all(...params) as { key: string; category: StatusCategory | null; n: number }[];

  // A device counts under each advisory and family it is matched to (a rejected match is no match).
  const byAdvisory = ctx.db
    .prepare(
      `SELECT coalesce(a.tracking_id || ' - ' || coalesce(f.name, ap.product_name), '(no advisory match: state set by hand)') AS key,
         ${CATEGORY_SQL} AS category, count(DISTINCT d.id) AS n,
         (SELECT group_concat(DISTINCT pa.status) FROM patch_availability pa
           WHERE pa.advisory_id = a.id AND pa.family_id = coalesce(ap.family_id, d.family_id)) AS patch
       FROM device d
       LEFT JOIN device_match m ON m.device_id = d.id AND m.status <> 'rejected'
       LEFT JOIN advisory a ON a.id = m.advisory_id
       LEFT JOIN advisory_product ap ON ap.id = m.advisory_product_id
       LEFT JOIN product_family f ON f.id = coalesce(ap.family_id, d.family_id)
       WHERE ${inScope} AND (${CATEGORY_SQL}) IN (${AFFECTED_CATEGORIES.map((c) => `'${c}'`).join(', ')})
       GROUP BY 1, 2 ORDER BY a.tracking_id IS NULL, 1`,
    )
    .all(...params) as { key: string; category: StatusCategory; n: number; patch: string | null }[];
  // No row recorded is what the drawer and the planner read as "none available": said the same way here.
  const patchOf = new Map(byAdvisory.map((r) => [r.key, (r.patch ?? 'none-available').replace(/-/g, ' ')]));

  const { policies } = readPolicies(ctx);
  const exposed = ctx.db
    .prepare(
      `SELECT coalesce(d.asset_tag, 'serial ' || d.serial, 'device ' || d.id) AS device, d.model,
         coalesce(dep.name, '') AS department, d.location, r.max_cvss AS cvss, r.priority, d.affected_at
       FROM device d LEFT JOIN department dep ON dep.id = d.department_id LEFT JOIN device_risk r ON r.device_id = d.id
       WHERE ${inScope} AND ${CATEGORY_SQL} = 'exposed'
       ORDER BY r.priority IS NULL, r.priority DESC, d.affected_at IS NULL, d.affected_at, device`,
    )
    .all(...params) as {
    device: string;
    model: string | null;
    department: string;
    location: string | null;
    cvss: number | null;
    priority: number | null;
    affected_at: string | null;
  }[];
  const day = 86_400_000;
  const exposureRows = exposed.map((d) => {
    const since = d.affected_at ? Date.parse(d.affected_at) : null;
    const days =
      (d.cvss ?? 0) >= policies.criticalCvss
        ? policies.isolateCriticalWithinDays
        : policies.isolateOtherWithinDays;
    return [
      d.priority,
      d.device,
      d.model,
      d.department,
      d.location,
      d.cvss,
      since === null ? null : Math.max(0, Math.floor((scope.nowMs - since) / day)),
      since === null
        ? null
        : (DateTime.fromMillis(since + days * day, { zone: scope.zone }).toISODate() as string),
    ];
  });

  const windows = windowsBetween(ctx, scope, scope.today, windowsTo).filter((w) => w.status !== 'done');
  const risks = ctx.db
    .prepare(
      `SELECT coalesce(d.asset_tag, 'serial ' || d.serial, 'device ' || d.id) AS device, d.model,
         coalesce(dep.name, '') AS department, d.state_reason, d.risk_approver, d.risk_review_date
       FROM device d LEFT JOIN department dep ON dep.id = d.department_id
       WHERE ${inScope} AND d.state = 'risk-accepted'
       ORDER BY d.risk_review_date IS NULL, d.risk_review_date, device`,
    )
    .all(...params) as {
    device: string;
    model: string | null;
    department: string;
    state_reason: string | null;
    risk_approver: string | null;
    risk_review_date: string | null;
  }[];
  const soon = addDays(scope.today, REVIEW_NOTICE_DAYS);
  const reviewState = (date: string | null) =>
    !date ? 'no review date' : date < scope.today ? 'overdue' : date <= soon ? 'due soon' : '';

  const title = 'Status report';
  const tables: TableSection[] = [
    {
      kind: 'table',
      title: 'By department',
      sheet: 'By department',
      columns: [{ label: 'Department', type: 'text', width: 'wide' }, ...COUNT_COLUMNS],
      rows: countTable(byDepartment, true),
      empty: 'No device is affected or decided not affected.',
    },
    {
      kind: 'table',
      title: 'By advisory and product family',
      sheet: 'By advisory',
      columns: [
        { label: 'Advisory and product family', type: 'text', width: 'wide' },
        { label: 'Patch', type: 'text' },
        ...COUNT_COLUMNS.slice(0, 6),
      ],
      rows: countTable(byAdvisory, false).map(([key, ...counts]) => [
        key ?? null,
        patchOf.get(String(key)) ?? '',
        ...counts.slice(0, 6),
      ]),
      empty: 'No device is matched to an advisory.',
      note: 'A device matched to several advisories counts under each of them.',
    },
    {
      kind: 'table',
      title: 'Exposed devices by priority',
      sheet: 'Exposed devices',
      columns: [
        { label: 'Priority', type: 'number', width: 'narrow' },
        { label: 'Device', type: 'text' },
        { label: 'Model', type: 'text' },
        { label: 'Department', type: 'text' },
        { label: 'Location', type: 'text' },
        { label: 'CVSS', type: 'number', width: 'narrow' },
        { label: 'Days exposed', type: 'number', width: 'narrow' },
        { label: 'Isolate by', type: 'date' },
      ],
      rows: exposureRows,
      empty: 'No device is exposed.',
    },
    {
      kind: 'table',
      title: `Planned windows, next ${STATUS_WINDOW_DAYS} days`,
      sheet: 'Next windows',
      columns: [
        { label: 'Start', type: 'datetime' },
        { label: 'End', type: 'datetime' },
        { label: 'Task', type: 'text' },
        { label: 'Device', type: 'text' },
        { label: 'Department', type: 'text' },
        { label: 'Location', type: 'text' },
        { label: 'Team', type: 'text' },
      ],
      rows: windows.map((w) => [
        w.start,
        w.end,
        TASK_LABEL[w.kind],
        w.assetTag,
        w.department,
        w.location,
        w.team,
      ]),
      empty: `No window is planned from ${scope.today} to ${windowsTo}.`,
    },
    {
      kind: 'table',
      title: 'Risk acceptances',
      sheet: 'Risk acceptances',
      columns: [
        { label: 'Device', type: 'text' },
        { label: 'Model', type: 'text' },
        { label: 'Department', type: 'text' },
        { label: 'Reason', type: 'text', width: 'wide' },
        { label: 'Approved by', type: 'text' },
        { label: 'Review date', type: 'date' },
        { label: 'Review', type: 'text', width: 'narrow' },
      ],
      rows: risks.map((r) => [
        r.device,
        r.model,
        r.department,
        r.state_reason,
        r.risk_approver,
        r.risk_review_date,
        reviewState(r.risk_review_date),
      ]),
      empty: 'No risk has been accepted.',
    },
  ];
  return {
    report: 'status',
    title,
    fileStem: fileStemOf(title, scope.today),
    header: scope.header(`burn-down ${range.from} to ${range.to}; windows ${scope.today} to ${windowsTo}`),
    defaultOrientation: 'portrait',
    sections: [
      {
        kind: 'figures',
        title: 'Summary',
        figures: FIGURE_WORDS.map(
          (f): Figure => ({
            label: f.label,
            value: figures[f.key],
            help: f.help,
            ...(f.key === 'percentComplete' && { unit: '%' as const }),
          }),
        ),
      },
      {
        kind: 'burn-down',
        title: 'Burn-down: exposed and unpatched devices',
        points: burnDown(ctx, scope, range.from, range.to),
      },
      ...tables,
    ],
  };
}

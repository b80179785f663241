import type { ReportInput } from '../../api/schemas/reports';
import type { CoreContext } from '../context';
import type { ReportDocument } from './model';
import { addDays, dayStartIso, fileStemOf, localDateTime, resolveScope } from './scope';

/** Without dates, the audit trail covers the last 30 days. */
export const AUDIT_DAYS = 30;
const MAX_CHANGE_LINES = 20;
const MAX_VALUE_LENGTH = 300;

interface Row {
  at: string;
  os_user: string;
  operation: string;
  entity: string;
  entity_id: string | null;
  device: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

const show = (value: unknown): string => {
  if (value === null || value === undefined) return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
};

const asObject = (json: string | null): Record<string, unknown> | null => {
  if (json === null) return null;
  const value = JSON.parse(json) as unknown;
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : { value };
};

/** "state: affected -> isolated", one line per field an entry changed. */
export function describeChange(beforeJson: string | null, afterJson: string | null): string[] {
  const before = asObject(beforeJson);
  const after = asObject(afterJson);
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const lines = keys.map((key) => {
    if (!before || !(key in before)) return `${key}: ${show(after?.[key])}`;
    if (!after || !(key in after)) return `${key}: was ${show(before[key])}`;
    return `${key}: ${show(before[key])} → ${show(after[key])}`;
  });
  return lines.length > MAX_CHANGE_LINES
    ? [...lines.slice(0, MAX_CHANGE_LINES), `… and ${lines.length - MAX_CHANGE_LINES} more`]
    : lines;
}

/** Every recorded change in a date range: who, when, through which operation, what it was and became. */
export function auditReport(ctx: CoreContext, input: ReportInput): ReportDocument {
  const scope = resolveScope(ctx, input);
  const to = scope.to ?? scope.today;
  const from = scope.from ?? addDays(to, -(AUDIT_DAYS - 1));
  // With departments chosen, only what happened to their devices and those devices' windows.
  const aboutScope =
    scope.departmentIds === null
      ? { sql: '1 = 1', params: [] as unknown[] }
      : {
          sql: `((a.entity = 'device' AND a.entity_id IN (SELECT CAST(d.id AS TEXT) FROM device d WHERE ${scope.deviceFilter.sql}))
            OR (a.entity = 'planned_window' AND a.entity_id IN (SELECT CAST(w.id AS TEXT) FROM planned_window w
              JOIN device d ON d.id = w.device_id WHERE ${scope.deviceFilter.sql})))`,
          params: [...scope.deviceFilter.params, ...scope.deviceFilter.params],
        };
  const rows = ctx.db
    .prepare(
      `SELECT a.at, a.os_user, a.operation, a.entity, a.entity_id, a.action, a.before_json, a.after_json,
         CASE WHEN a.entity = 'device' THEN (SELECT coalesce(dv.asset_tag, 'serial ' || dv.serial) FROM device dv
           WHERE CAST(dv.id AS TEXT) = a.entity_id) END AS device
       FROM audit_log a WHERE a.at >= ? AND a.at < ? AND ${aboutScope.sql} ORDER BY a.at, a.id`,
    )
    .all(
      dayStartIso(from, scope.zone),
      dayStartIso(addDays(to, 1), scope.zone),
      ...aboutScope.params,
    ) as Row[];
  const title = 'Audit trail';
  return {
    report: 'audit',
    title,
    fileStem: fileStemOf(title, scope.today),
    header: scope.header(
      `${from} to ${to}${scope.departmentIds === null ? '' : ' (changes to the departments’ devices and their windows)'}`,
    ),
    defaultOrientation: 'landscape',
    sections: [
      {
        kind: 'table',
        title: `${rows.length} changes`,
        sheet: 'Audit trail',
        columns: [
          { label: 'Time', type: 'datetime' },
          { label: 'User', type: 'text' },
          { label: 'Operation', type: 'text' },
          { label: 'Entity', type: 'text' },
          { label: 'Action', type: 'text', width: 'narrow' },
          { label: 'Changes', type: 'text', width: 'wide' },
        ],
        rows: rows.map((r) => [
          localDateTime(r.at, scope.zone),
          r.os_user,
          r.operation,
          `${r.entity.replace(/_/g, ' ')}${r.entity_id === null ? '' : ` ${r.device ?? r.entity_id}`}`,
          r.action,
          describeChange(r.before_json, r.after_json),
        ]),
        empty: `Nothing was changed from ${from} to ${to}.`,
      },
    ],
  };
}

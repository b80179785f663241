import type { ReportInput } from '../../api/schemas/reports';
import { changeWordsOf, describeChange, operationWords, subjectOf } from '../audit/change-words';
import type { CoreContext } from '../context';
import type { ReportDocument } from './model';
import { addDays, dayStartIso, fileStemOf, localDateTime, resolveScope } from './scope';

/** Without dates, the audit trail covers the last 30 days. */
export const AUDIT_DAYS = 30;

interface Row {
  at: string;
  os_user: string;
  operation: string;
  entity: string;
  entity_id: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
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
      `SELECT a.at, a.os_user, a.operation, a.entity, a.entity_id, a.action, a.before_json, a.after_json
       FROM audit_log a WHERE a.at >= ? AND a.at < ? AND ${aboutScope.sql} ORDER BY a.at, a.id`,
    )
    .all(
      dayStartIso(from, scope.zone),
      dayStartIso(addDays(to, 1), scope.zone),
      ...aboutScope.params,
    ) as Row[];
  const words = changeWordsOf(ctx, scope.zone);
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
          operationWords(r.operation),
          subjectOf(r, words),
          r.action,
          describeChange(r.before_json, r.after_json, words),
        ]),
        empty: `Nothing was changed from ${from} to ${to}.`,
      },
    ],
  };
}

import type { DeviceState } from '../../api/schemas/devices';
import type { ReportInput } from '../../api/schemas/reports';
import type { TaskKind } from '../../api/schemas/site-model';
import type { CoreContext } from '../context';
import { STATE_LABEL } from '../devices/lifecycle';
import type { ReportDocument } from './model';
import { addDays, dayStartIso, fileStemOf, localDateTime, resolveScope } from './scope';
import { TASK_LABEL } from './windows-query';

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

/** What an audit entry's values mean in words: devices and teams by name, states and tasks as the app says them. */
export interface ChangeWords {
  /** The site's time zone: instants show local, as the report's Time column does. */
  readonly zone: string;
  /** Device ids to their asset tags (or serials). */
  readonly devices?: ReadonlyMap<number, string>;
  /** Team ids to their names. */
  readonly teams?: ReadonlyMap<number, string>;
}

/** Field names as words; the rest lose their underscores and capitals ("actualStart" -> "actual start"). */
const FIELD_WORDS: Record<string, string> = {
  network_state: 'network',
  state_reason: 'reason',
  risk_review_date: 'risk review date',
  deviceId: 'device',
  teamId: 'team',
  kind: 'task',
};
const fieldWords = (key: string) =>
  (Object.hasOwn(FIELD_WORDS, key) ? FIELD_WORDS[key] : undefined) ??
  key
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();

/** "setPatchStatus" -> "set patch status": the operation through which the change was made, in words. */
export const operationWords = (operation: string) =>
  operation.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function show(key: string, value: unknown, words: ChangeWords): string {
  if (value === null || value === undefined) return '(none)';
  if (key === 'state' && typeof value === 'string' && Object.hasOwn(STATE_LABEL, value))
    return STATE_LABEL[value as DeviceState];
  if (key === 'kind' && typeof value === 'string' && Object.hasOwn(TASK_LABEL, value))
    return (TASK_LABEL[value as TaskKind] as string).toLowerCase();
  if (key === 'deviceId' && typeof value === 'number') return words.devices?.get(value) ?? `device ${value}`;
  if (key === 'teamId' && typeof value === 'number') return words.teams?.get(value) ?? `team ${value}`;
  if (typeof value === 'string' && INSTANT.test(value)) return localDateTime(value, words.zone);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}

const asObject = (json: string | null): Record<string, unknown> | null => {
  if (json === null) return null;
  const value = JSON.parse(json) as unknown;
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : { value };
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * "state: affected → isolated", one line per field an entry changed; a field recorded with the same value before
 * and after did not change and is left out.
 */
export function describeChange(
  beforeJson: string | null,
  afterJson: string | null,
  words: ChangeWords = { zone: 'UTC' },
): string[] {
  const before = asObject(beforeJson);
  const after = asObject(afterJson);
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const lines = keys.flatMap((key) => {
    const name = fieldWords(key);
    // Recorded after only: the value it got, unless there is none to tell.
    if (!before || !Object.hasOwn(before, key))
      return before && after?.[key] == null ? [] : [`${name}: ${show(key, after?.[key], words)}`];
    if (!after || !Object.hasOwn(after, key)) return [`${name}: was ${show(key, before[key], words)}`];
    if (same(before[key], after[key])) return [];
    return [`${name}: ${show(key, before[key], words)} → ${show(key, after[key], words)}`];
  });
  return lines.length > MAX_CHANGE_LINES
    ? [...lines.slice(0, MAX_CHANGE_LINES), `… and ${lines.length - MAX_CHANGE_LINES} more`]
    : lines;
}

/** The device a window entry is about: the window's device now, or the one its entry recorded. */
function windowDevice(row: Row, windows: ReadonlyMap<number, number>): number | null {
  const current = row.entity_id === null ? undefined : windows.get(Number(row.entity_id));
  if (current !== undefined) return current;
  for (const json of [row.after_json, row.before_json]) {
    const id = asObject(json)?.deviceId;
    if (typeof id === 'number') return id;
  }
  return null;
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
  const devices = new Map(
    (
      ctx.db
        .prepare("SELECT id, coalesce(asset_tag, 'serial ' || serial, 'device ' || id) AS name FROM device")
        .all() as { id: number; name: string }[]
    ).map((d) => [d.id, d.name]),
  );
  const teams = new Map(
    (ctx.db.prepare('SELECT id, name FROM team').all() as { id: number; name: string }[]).map((t) => [
      t.id,
      t.name,
    ]),
  );
  const windows = new Map(
    (
      ctx.db.prepare('SELECT id, device_id FROM planned_window').all() as { id: number; device_id: number }[]
    ).map((w) => [w.id, w.device_id]),
  );
  const words: ChangeWords = { zone: scope.zone, devices, teams };
  const entityOf = (r: Row) => {
    const name = r.entity.replace(/_/g, ' ');
    if (r.entity_id === null) return name;
    if (r.entity === 'planned_window') {
      const device = windowDevice(r, windows);
      const tag = device === null ? undefined : devices.get(device);
      return `${name} ${r.entity_id}${tag ? ` (${tag})` : ''}`;
    }
    return `${name} ${r.device ?? r.entity_id}`;
  };
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
          entityOf(r),
          r.action,
          describeChange(r.before_json, r.after_json, words),
        ]),
        empty: `Nothing was changed from ${from} to ${to}.`,
      },
    ],
  };
}

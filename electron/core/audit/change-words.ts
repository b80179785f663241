import type { DeviceState } from '../../api/schemas/devices';
import type { TaskKind } from '../../api/schemas/site-model';
import type { CoreContext } from '../context';
import { STATE_LABEL } from '../devices/lifecycle';
import { localDateTime } from '../reports/scope';
import { TASK_LABEL } from '../reports/windows-query';

const MAX_CHANGE_LINES = 20;
const MAX_VALUE_LENGTH = 300;

type Named = 'device' | 'team' | 'department' | 'vendor' | 'family';

/** What an audit entry's values mean in words: ids by name, instants in the site's zone. */
export interface ChangeWords {
  /** The site's time zone: instants show local, as the audit trail's Time column does. */
  readonly zone: string;
  /** The name of a device (asset tag), team, department, vendor or product family, if it still exists. */
  readonly nameOf?: (kind: Named, id: number) => string | undefined;
  /** The device a planned window belongs to. */
  readonly deviceOfWindow?: (id: number) => number | undefined;
}

/** Names looked up as needed and kept: an audit page names a few dozen things, the trail a few thousand. */
export function changeWordsOf(ctx: CoreContext, zone: string): Required<ChangeWords> {
  const queries: Record<Named, string> = {
    device: "SELECT coalesce(asset_tag, 'serial ' || serial, 'device ' || id) FROM device WHERE id = ?",
    team: 'SELECT name FROM team WHERE id = ?',
    department: 'SELECT name FROM department WHERE id = ?',
    vendor: 'SELECT name FROM vendor WHERE id = ?',
    family: 'SELECT name FROM product_family WHERE id = ?',
  };
  const known = new Map<string, string | undefined>();
  const windows = new Map<number, number | undefined>();
  const windowDevice = ctx.db.prepare('SELECT device_id FROM planned_window WHERE id = ?').pluck();
  return {
    zone,
    nameOf: (kind, id) => {
      const key = `${kind}:${id}`;
      if (!known.has(key))
        known.set(key, ctx.db.prepare(queries[kind]).pluck().get(id) as string | undefined);
      return known.get(key);
    },
    deviceOfWindow: (id) => {
      if (!windows.has(id)) windows.set(id, windowDevice.get(id) as number | undefined);
      return windows.get(id);
    },
  };
}

/** Field names as words; the rest lose their underscores and capitals ("actualStart" -> "actual start"). */
const FIELD_WORDS: Record<string, string> = {
  network_state: 'network',
  state_reason: 'reason',
  risk_review_date: 'risk review date',
  deviceId: 'device',
  teamId: 'team',
  kind: 'task',
  department_id: 'department',
  vendor_id: 'vendor',
  family_id: 'product family',
  extra_json: 'extra attributes',
  flags_json: 'flagged values',
  controls_json: 'compensating controls',
  // Device fields as the register's columns name them.
  os: 'operating system',
  ip: 'IP address',
  mac: 'MAC address',
  asset_tag: 'asset tag',
  serial: 'serial number',
  // A restore's entry: where the data came from, and the files moved aside for it (never deleted).
  restoredFrom: 'restored from backup',
  keptAs: 'replaced file kept as',
};
const fieldWords = (key: string) =>
  (Object.hasOwn(FIELD_WORDS, key) ? FIELD_WORDS[key] : undefined) ??
  key
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();

/** Fields holding an id, and what it names. */
const ID_FIELDS: Record<string, Named> = {
  deviceId: 'device',
  teamId: 'team',
  department_id: 'department',
  departmentId: 'department',
  vendor_id: 'vendor',
  family_id: 'family',
};

/** "setPatchStatus" -> "set patch status": the operation through which the change was made, in words. */
export const operationWords = (operation: string) =>
  operation.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A stored JSON column (extra attributes, flags, controls) as a line: `Room: 0.12; Cost center: 4711`. */
function jsonWords(json: string): string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '(none)';
    return value
      .map((item) =>
        item && typeof item === 'object' && 'field' in item
          ? `${String(item.field)} “${String((item as { value?: unknown }).value ?? '')}” ${String((item as { reason?: unknown }).reason ?? '')}`.trim()
          : JSON.stringify(item),
      )
      .join('; ');
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0 ? '(none)' : entries.map(([k, v]) => `${k}: ${String(v)}`).join('; ');
  }
  return String(value);
}

function show(key: string, value: unknown, words: ChangeWords): string {
  if (value === null || value === undefined) return '(none)';
  // A list as its values, each shown as the field's value would be ("a.sqlite, a.sqlite-wal"), not as JSON.
  if (Array.isArray(value)) {
    if (value.length === 0) return '(none)';
    const text = value.map((item) => show(key, item, words)).join(', ');
    return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
  }
  if (key === 'state' && typeof value === 'string' && Object.hasOwn(STATE_LABEL, value))
    return STATE_LABEL[value as DeviceState];
  if (key === 'kind' && typeof value === 'string' && Object.hasOwn(TASK_LABEL, value))
    return (TASK_LABEL[value as TaskKind] as string).toLowerCase();
  const named = Object.hasOwn(ID_FIELDS, key) ? ID_FIELDS[key] : undefined;
  if (named && typeof value === 'number') return words.nameOf?.(named, value) ?? `${named} ${value}`;
  if (typeof value === 'string' && INSTANT.test(value)) return localDateTime(value, words.zone);
  const text =
    typeof value === 'string' ? (key.endsWith('_json') ? jsonWords(value) : value) : JSON.stringify(value);
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
    // Recorded before only: what a deleted thing was; beside an after that names other fields, it is context
    // (a restore's file), not a value that changed, so it reads without "was".
    if (!after) return [`${name}: was ${show(key, before[key], words)}`];
    if (!Object.hasOwn(after, key)) return [`${name}: ${show(key, before[key], words)}`];
    if (same(before[key], after[key])) return [];
    return [`${name}: ${show(key, before[key], words)} → ${show(key, after[key], words)}`];
  });
  return lines.length > MAX_CHANGE_LINES
    ? [...lines.slice(0, MAX_CHANGE_LINES), `… and ${lines.length - MAX_CHANGE_LINES} more`]
    : lines;
}

interface Subject {
  readonly entity: string;
  readonly entity_id: string | null;
  readonly before_json: string | null;
  readonly after_json: string | null;
}

/** What an entry is about, in words: "device AUR-30001", "planned window 66 (AUR-30001)". */
export function subjectOf(entry: Subject, words: Required<ChangeWords>): string {
  const name = entry.entity.replace(/_/g, ' ');
  if (entry.entity_id === null) return name;
  const id = Number(entry.entity_id);
  if (entry.entity === 'device') return `${name} ${words.nameOf('device', id) ?? entry.entity_id}`;
  if (entry.entity === 'planned_window') {
    // The window's device now, or the one its entry recorded (a deleted window's device).
    let device = words.deviceOfWindow(id);
    for (const json of [entry.after_json, entry.before_json]) {
      const recorded = device === undefined ? asObject(json)?.deviceId : undefined;
      if (typeof recorded === 'number') device = recorded;
    }
    const tag = device === undefined ? undefined : words.nameOf('device', device);
    return `${name} ${entry.entity_id}${tag ? ` (${tag})` : ''}`;
  }
  return `${name} ${entry.entity_id}`;
}

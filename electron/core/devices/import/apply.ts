import type { ImportKey } from '../../../api/schemas/device-import';
import type { FieldFlag } from '../../../api/schemas/devices';
import type { AuditRecorder } from '../../audit/audit-log';
import { type CoreContext, isoNow } from '../../context';
import { DepartmentDirectory } from '../departments';
import {
  type DeviceRecord,
  type DeviceSnapshot,
  SNAPSHOT_COLUMNS,
  snapshotOf,
  TEXT_COLUMNS,
} from '../device-record';
import { VendorDirectory } from '../vendors';
import type { InterpretedRow } from './interpret';

export type RowAction = 'add' | 'update' | 'unchanged' | 'reject';

export interface AppliedImport {
  readonly actions: Map<number, RowAction>;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly notInFile: number;
}

const KEY_COLUMN: Record<ImportKey, 'asset_tag' | 'serial'> = { assetTag: 'asset_tag', serial: 'serial' };

/**
 * Writes the rows into the device table, field by field, recording each device's before and after for undo.
 * Call inside a transaction: the import commits as a whole, and a dry run is this in a rolled-back transaction.
 */
export function applyImport(
  ctx: CoreContext,
  rows: readonly InterpretedRow[],
  key: ImportKey,
  batchId: number | null,
  audit: AuditRecorder,
): AppliedImport {
  const vendors = new VendorDirectory(ctx);
  const departments = new DepartmentDirectory(ctx);
  const existing = existingByKey(ctx, key);
  const at = isoNow(ctx);
  const insert = ctx.db.prepare(
    `INSERT INTO device (${SNAPSHOT_COLUMNS.join(', ')}, created_at, updated_at)
     VALUES (${SNAPSHOT_COLUMNS.map((c) => `@${c}`).join(', ')}, @at, @at)`,
  );
  const link = ctx.db.prepare(
    'INSERT INTO import_batch_device (batch_id, device_id, action, before_json, after_json) VALUES (?, ?, ?, ?, ?)',
  );
  const updates = new Map<string, ReturnType<typeof ctx.db.prepare>>();
  const updateStatement = (columns: readonly string[]) => {
    const sql = `UPDATE device SET ${columns.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @at WHERE id = @id`;
    const known = updates.get(sql);
    if (known) return known;
    const statement = ctx.db.prepare(sql);
    updates.set(sql, statement);
    return statement;
  };
  const actions = new Map<number, RowAction>();
  const seen = new Set<number>();
  let added = 0;
  let updated = 0;
  let unchanged = 0;

  for (const row of rows) {
    if (row.rejection || !row.key) {
      actions.set(row.row, 'reject');
      continue;
    }
    const matches = existing.get(row.key) ?? [];
    if (matches.length > 1) {
      row.rejection = `matches ${matches.length} devices with ${key === 'serial' ? 'serial number' : 'asset tag'} "${row.key}"; use a key that is unique`;
      actions.set(row.row, 'reject');
      continue;
    }
    const current = matches[0];
    const next = incoming(row, current, vendors, departments);
    if (!current) {
      const id = Number(insert.run({ ...next, at }).lastInsertRowid);
      if (batchId !== null) link.run(batchId, id, 'added', null, JSON.stringify(next));
      audit({ entity: 'device', entityId: id, action: 'import', after: next, batchId: batchId ?? undefined });
      actions.set(row.row, 'add');
      added++;
      continue;
    }
    seen.add(current.id);
    const before = snapshotOf(current);
    const changed = SNAPSHOT_COLUMNS.filter((column) => before[column] !== next[column]);
    if (changed.length === 0) {
      if (batchId !== null) link.run(batchId, current.id, 'unchanged', null, null);
      actions.set(row.row, 'unchanged');
      unchanged++;
      continue;
    }
    updateStatement(changed).run({ ...next, at, id: current.id });
    if (batchId !== null)
      link.run(batchId, current.id, 'updated', JSON.stringify(before), JSON.stringify(next));
    audit({
      entity: 'device',
      entityId: current.id,
      action: 'import',
      before: Object.fromEntries(changed.map((c) => [c, before[c]])),
      after: Object.fromEntries(changed.map((c) => [c, next[c]])),
      batchId: batchId ?? undefined,
    });
    actions.set(row.row, 'update');
    updated++;
  }
  const total = ctx.db.prepare('SELECT count(*) FROM device').pluck().get() as number;
  return { actions, added, updated, unchanged, notInFile: total - added - seen.size };
}

function existingByKey(ctx: CoreContext, key: ImportKey): Map<string, DeviceRecord[]> {
  const column = KEY_COLUMN[key];
  const map = new Map<string, DeviceRecord[]>();
  for (const record of ctx.db
    .prepare(`SELECT * FROM device WHERE ${column} IS NOT NULL`)
    .iterate() as Iterable<DeviceRecord>) {
    const k = record[column] as string;
    const list = map.get(k);
    if (list) list.push(record);
    else map.set(k, [record]);
  }
  return map;
}

/**
 * The device as the file describes it. An empty cell keeps what the database has (a blank export column is
 * "unknown", not "erase"); extra attributes merge; flags of the fields this row sets are replaced.
 */
function incoming(
  row: InterpretedRow,
  current: DeviceRecord | undefined,
  vendors: VendorDirectory,
  departments: DepartmentDirectory,
): DeviceSnapshot {
  const base: DeviceSnapshot = current
    ? snapshotOf(current)
    : (Object.fromEntries(SNAPSHOT_COLUMNS.map((c) => [c, null])) as unknown as DeviceSnapshot);
  const next: DeviceSnapshot = {
    ...base,
    extra_json: base.extra_json ?? '{}',
    flags_json: base.flags_json ?? '[]',
  };
  for (const [field, column] of Object.entries(TEXT_COLUMNS) as [
    keyof typeof TEXT_COLUMNS,
    keyof DeviceSnapshot,
  ][]) {
    const value = row.values[field];
    if (value !== undefined) (next[column] as string | null) = value;
  }
  if (row.values.manufacturer !== undefined)
    next.vendor_id = vendors.resolveOrCreate(row.values.manufacturer).id;
  if (row.values.department !== undefined)
    next.department_id = departments.findOrCreate(row.values.department);
  if (Object.keys(row.extra).length > 0) {
    next.extra_json = JSON.stringify({
      ...(JSON.parse(next.extra_json) as Record<string, string>),
      ...row.extra,
    });
  }
  const setFields = new Set([...Object.keys(row.values), ...row.flags.map((f) => f.field)]);
  const keptFlags = (JSON.parse(next.flags_json) as FieldFlag[]).filter((flag) => !setFields.has(flag.field));
  const flags = [...keptFlags, ...row.flags];
  next.flags_json = flags.length === 0 && next.flags_json === '[]' ? '[]' : JSON.stringify(flags);
  return next;
}

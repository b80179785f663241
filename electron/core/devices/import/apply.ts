import type { ImportKey } from '../../../api/schemas/device-import';
import type { DeviceField, FieldFlag } from '../../../api/schemas/devices';
import { FamilyResolver } from '../../advisories/matching/family-resolver';
import type { AuditRecorder } from '../../audit/audit-log';
import { type CoreContext, isoNow } from '../../context';
import { noProgress, type Progress, stepper } from '../../progress';
import { DepartmentDirectory } from '../departments';
import { type DeviceSnapshot, SNAPSHOT_COLUMNS, snapshotOf, TEXT_COLUMNS } from '../device-record';
import { VendorDirectory } from '../vendors';
import type { Interpretation, InterpretedRow } from './interpret';

export type RowAction = 'add' | 'update' | 'unchanged' | 'reject';

export interface AppliedImport {
  readonly actions: Map<number, RowAction>;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly notInFile: number;
  /** The first of them by asset tag (serial number when there is none), to name in the summary. */
  readonly notInFileNamed: readonly string[];
  /** Empty cells of devices found whose stored value was kept (an empty cell is "unknown", not "erase"). */
  readonly keptEmpty: number;
}

const NOT_IN_FILE_NAMED = 100;

const KEY_COLUMN: Record<ImportKey, 'asset_tag' | 'serial'> = { assetTag: 'asset_tag', serial: 'serial' };

/**
 * Writes the rows into the device table, field by field, recording each device's before and after for undo.
 * Call inside a transaction: the import commits as a whole, and a dry run is this in a rolled-back transaction.
 */
export function applyImport(
  ctx: CoreContext,
  { rows, key, mapping }: Interpretation,
  batchId: number | null,
  audit: AuditRecorder,
  progress: Progress = noProgress,
  /** Told each update's changed fields, before and after (the preview shows them). */
  onUpdate?: (row: number, before: Partial<DeviceSnapshot>, after: Partial<DeviceSnapshot>) => void,
): AppliedImport {
  const vendors = new VendorDirectory(ctx);
  const departments = new DepartmentDirectory(ctx);
  // Vendors and departments a file names for the first time are made, and audited, as part of its batch.
  const directories: Directories = {
    vendorOf: (manufacturer) => vendors.resolveOrCreate(manufacturer, audit, batchId ?? undefined).id,
    departmentOf: (name) => departments.findOrCreate(name, audit, batchId ?? undefined),
  };
  const existing = existingByKey(ctx, key);
  const mappedFields = Object.values(mapping).filter((field): field is DeviceField => field !== null);
  // With the serial number as key the asset tag is an ordinary field, but still unique: a row giving a tag that
  // another device has is rejected, naming the tag, instead of failing the whole import (found by fuzzing).
  const tagOwners = key === 'serial' ? assetTagOwners(ctx) : undefined;
  const at = isoNow(ctx);
  // Positional parameters: binding an object per row cost a third of a 100,000-row import (measured).
  // A new device gets its product family as it is written, not by rewriting every row after (matching keeps it).
  const families = new FamilyResolver(ctx);
  const insert = ctx.db.prepare(
    `INSERT INTO device (${SNAPSHOT_COLUMNS.join(', ')}, family_id, import_batch_id, created_at, updated_at)
     VALUES (${SNAPSHOT_COLUMNS.map(() => '?').join(', ')}, ?, ?, ?, ?)`,
  );
  const link = ctx.db.prepare(
    'INSERT INTO import_batch_device (batch_id, device_id, before_json, revision_after) VALUES (?, ?, ?, ?)',
  );
  const updates = new Map<string, ReturnType<typeof ctx.db.prepare>>();
  const updateStatement = (columns: readonly string[]) => {
    const sql = `UPDATE device SET ${columns.map((c) => `${c} = ?`).join(', ')}, revision = revision + 1, updated_at = ?
      WHERE id = ? RETURNING revision`;
    const known = updates.get(sql);
    if (known) return known;
    const statement = ctx.db.prepare(sql);
    updates.set(sql, statement);
    return statement;
  };
  const actions = new Map<number, RowAction>();
  // Every device the file names, found or added: the others are "not in the file".
  const seen = new Set<number>();
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  let keptEmpty = 0;
  const step = stepper(progress, 'writing', rows.length);

  for (const [index, row] of rows.entries()) {
    step(index + 1);
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
    const next = incoming(row, current, directories);
    const owner = next.asset_tag === null ? undefined : tagOwners?.get(next.asset_tag);
    if (owner !== undefined && owner !== current?.id) {
      row.rejection = `has asset tag "${next.asset_tag}", which another device already has`;
      actions.set(row.row, 'reject');
      continue;
    }
    if (tagOwners && current?.asset_tag && current.asset_tag !== next.asset_tag)
      tagOwners.delete(current.asset_tag);
    if (!current) {
      // The batch's audit entry records the addition and import_batch_id ties each device to it; an audit row
      // per added device would double the cost of a large import and say nothing more.
      const { lastInsertRowid } = insert.run(
        ...SNAPSHOT_COLUMNS.map((c) => next[c]),
        families.familyOf(next.vendor_id, next.model),
        batchId,
        at,
        at,
      );
      if (tagOwners && next.asset_tag !== null) tagOwners.set(next.asset_tag, Number(lastInsertRowid));
      seen.add(Number(lastInsertRowid));
      actions.set(row.row, 'add');
      added++;
      continue;
    }
    seen.add(current.id);
    keptEmpty += keptByEmptyCells(row, mappedFields, current);
    const before = snapshotOf(current);
    const changed = SNAPSHOT_COLUMNS.filter((column) => before[column] !== next[column]);
    if (changed.length === 0) {
      actions.set(row.row, 'unchanged');
      unchanged++;
      continue;
    }
    if (tagOwners && next.asset_tag !== null) tagOwners.set(next.asset_tag, current.id);
    const revision = updateStatement(changed)
      .pluck()
      .get(...changed.map((c) => next[c]), at, current.id) as number;
    if (batchId !== null) link.run(batchId, current.id, JSON.stringify(before), revision);
    const was = Object.fromEntries(changed.map((c) => [c, before[c]]));
    const becomes = Object.fromEntries(changed.map((c) => [c, next[c]]));
    audit({
      entity: 'device',
      entityId: current.id,
      action: 'import',
      before: was,
      after: becomes,
      batchId: batchId ?? undefined,
    });
    onUpdate?.(row.row, was, becomes);
    actions.set(row.row, 'update');
    updated++;
  }
  const total = ctx.db.prepare('SELECT count(*) FROM device').pluck().get() as number;
  const notInFile = total - seen.size;
  return {
    actions,
    added,
    updated,
    unchanged,
    notInFile,
    notInFileNamed: notInFileNamed(ctx, seen, notInFile),
    keptEmpty,
  };
}

/** The file's columns a row leaves empty where the device found has a value: that value stays. */
function keptByEmptyCells(
  row: InterpretedRow,
  mappedFields: readonly DeviceField[],
  current: ExistingDevice,
): number {
  let kept = 0;
  for (const field of mappedFields) {
    if (row.values[field] !== undefined || row.flags.some((flag) => flag.field === field)) continue;
    const stored = field === 'department' ? current.department_id : current[TEXT_COLUMNS[field]];
    if (stored !== null) kept++;
  }
  return kept;
}

function notInFileNamed(ctx: CoreContext, seen: ReadonlySet<number>, count: number): string[] {
  if (count === 0) return [];
  const named: string[] = [];
  const devices = ctx.db
    .prepare(
      "SELECT id, coalesce(asset_tag, 'serial ' || serial, 'device ' || id) FROM device ORDER BY asset_tag IS NULL, asset_tag, serial, id",
    )
    .raw()
    .iterate() as Iterable<[number, string]>;
  for (const [id, label] of devices) {
    if (seen.has(id)) continue;
    named.push(label);
    if (named.length === NOT_IN_FILE_NAMED) break;
  }
  return named;
}

function assetTagOwners(ctx: CoreContext): Map<string, number> {
  const rows = ctx.db.prepare('SELECT asset_tag, id FROM device WHERE asset_tag IS NOT NULL').raw().all();
  return new Map(rows as [string, number][]);
}

/** What an import compares and writes of a device it finds: its id and the columns a file can set. */
type ExistingDevice = DeviceSnapshot & { readonly id: number };

function existingByKey(ctx: CoreContext, key: ImportKey): Map<string, ExistingDevice[]> {
  const column = KEY_COLUMN[key];
  const map = new Map<string, ExistingDevice[]>();
  // Only these columns: a re-import holds every device of the database in memory at once (100,000 rows).
  for (const record of ctx.db
    .prepare(`SELECT id, ${SNAPSHOT_COLUMNS.join(', ')} FROM device WHERE ${column} IS NOT NULL`)
    .iterate() as Iterable<ExistingDevice>) {
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
const EMPTY: DeviceSnapshot = {
  ...(Object.fromEntries(SNAPSHOT_COLUMNS.map((c) => [c, null])) as unknown as DeviceSnapshot),
  extra_json: '{}',
  flags_json: '[]',
};

interface Directories {
  vendorOf(manufacturer: string): number;
  departmentOf(name: string): number;
}

function incoming(
  row: InterpretedRow,
  current: ExistingDevice | undefined,
  directories: Directories,
): DeviceSnapshot {
  const next: DeviceSnapshot = current ? snapshotOf(current) : { ...EMPTY };
  for (const [field, column] of TEXT_COLUMN_ENTRIES) {
    const value = row.values[field];
    if (value !== undefined) (next[column] as string | null) = value;
  }
  if (row.values.manufacturer !== undefined) next.vendor_id = directories.vendorOf(row.values.manufacturer);
  if (row.values.department !== undefined)
    next.department_id = directories.departmentOf(row.values.department);
  if (Object.keys(row.extra).length > 0) {
    next.extra_json =
      next.extra_json === '{}'
        ? JSON.stringify(row.extra)
        : JSON.stringify({ ...(JSON.parse(next.extra_json) as Record<string, string>), ...row.extra });
  }
  // Flags of the fields this row sets are replaced by this row's; the others stay. (Parsing only when needed:
  // this runs once per row of a 100,000-row file.)
  if (next.flags_json === '[]') {
    if (row.flags.length > 0) next.flags_json = JSON.stringify(row.flags);
  } else {
    const setFields = new Set([...Object.keys(row.values), ...row.flags.map((f) => f.field)]);
    const kept = (JSON.parse(next.flags_json) as FieldFlag[]).filter((flag) => !setFields.has(flag.field));
    next.flags_json = JSON.stringify([...kept, ...row.flags]);
  }
  return next;
}

const TEXT_COLUMN_ENTRIES = Object.entries(TEXT_COLUMNS) as [
  keyof typeof TEXT_COLUMNS,
  keyof DeviceSnapshot,
][];

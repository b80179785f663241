import { capitalized, DEVICE_FIELD_LABELS } from '../../../api/device-fields';
import type {
  ColumnMapping,
  DateOrder,
  FieldWarning,
  ImportKey,
  ImportOptions,
} from '../../../api/schemas/device-import';
import type { DeviceField, FieldFlag } from '../../../api/schemas/devices';
import { unguardedCell } from '../../formats/csv';
import { noProgress, type Progress, stepper } from '../../progress';
import {
  type DateOrderEvidence,
  dateOrderClues,
  implausibleInstallDate,
  inferDateOrder,
  readDate,
} from './dates';
import { suggestMapping } from './header';
import { MAX_CELL_CHARS } from './limits';
import { checkIp, cleanText, normalizeMac } from './normalize';
import type { ReadFile } from './read-file';
import { type Cell, cellText } from './table';

export const FIELD_LABELS: Record<DeviceField, string> = DEVICE_FIELD_LABELS;

/** One data row, read through the mapping: canonical values, extra attributes, flagged values, or why it is rejected. */
export interface InterpretedRow {
  readonly row: number;
  readonly cells: readonly string[];
  readonly values: Partial<Record<DeviceField, string>>;
  readonly extra: Record<string, string>;
  readonly flags: FieldFlag[];
  readonly warnings: FieldWarning[];
  readonly problemColumns: number[];
  key: string | null;
  rejection: string | null;
}

export interface Interpretation {
  readonly mapping: ColumnMapping;
  readonly key: ImportKey;
  readonly dateOrder: DateOrder | null;
  readonly dateOrderSource: 'inferred' | 'given' | 'not-needed' | 'ask';
  /**
   * When the order must be chosen (source "ask") because the date column has values only day-first reads and
   * values only month-first reads: the first of each, as 'row 3, "13/04/2015"'; null otherwise.
   */
  readonly mixedDateOrders: { readonly dayFirst: string; readonly monthFirst: string } | null;
  readonly rows: InterpretedRow[];
}

/** Mapping for this file: the person's choice for each header they set, the synonym table's for the rest. */
export function effectiveMapping(
  headers: readonly string[],
  chosen: ColumnMapping | undefined,
): ColumnMapping {
  const suggested = suggestMapping(headers);
  return Object.fromEntries(
    headers.map((header) => [
      header,
      // Own properties only: a column called "toString" must not find Object.prototype's.
      chosen && Object.hasOwn(chosen, header) ? (chosen[header] ?? null) : (suggested[header] ?? null),
    ]),
  );
}

/**
 * Why a mapping cannot be committed, or null: two columns mapped to one field would keep one column's values
 * and lose the other's.
 */
export function mappingConflict(mapping: ColumnMapping): string | null {
  const columnOf = new Map<DeviceField, string>();
  for (const [header, field] of Object.entries(mapping)) {
    if (!field) continue;
    const other = columnOf.get(field);
    if (other !== undefined) {
      return `Columns "${other}" and "${header}" are both mapped to ${capitalized(FIELD_LABELS[field])}; map one of them to another field or keep it as an extra attribute.`;
    }
    columnOf.set(field, header);
  }
  return null;
}

const DELIMITER_WORDS: Record<string, string> = { '\t': 'a tab' };

/** More values than header columns (trailing empty ones aside): a value with the delimiter was not quoted. */
function tooManyValues(file: ReadFile, cells: readonly Cell[]): string | null {
  const columns = file.headers.length;
  if (file.format !== 'delimited' || cells.length <= columns) return null;
  let values = cells.length;
  while (values > columns && cleanText(cellText(cells[values - 1])) === '') values--;
  if (values <= columns) return null;
  const delimiter = DELIMITER_WORDS[file.delimiter ?? ''] ?? `"${file.delimiter}"`;
  return `has ${values} values but the header has ${columns} columns; a value containing ${delimiter} is probably not quoted`;
}

/** What interpreting a file needs beside it: the mapping remembered for its header, and the site's today. */
export interface InterpretContext {
  readonly remembered?: ColumnMapping;
  readonly today: string;
}

export function interpretRows(
  file: ReadFile,
  options: ImportOptions,
  { remembered, today }: InterpretContext,
  progress: Progress = noProgress,
): Interpretation {
  const mapping = effectiveMapping(file.headers, options.mapping ?? remembered);
  const fields = file.headers.map((header) => mapping[header] ?? null);
  const dateColumn = fields.indexOf('installDate');
  const evidence: DateOrderEvidence | { order: DateOrder; source: 'given' } = options.dateOrder
    ? { order: options.dateOrder, source: 'given' }
    : dateColumn < 0
      ? { order: null, source: 'not-needed' }
      : inferDateOrder(file.rows.map((r) => r.cells[dateColumn] ?? ''));

  const firstRowOfKey = new Map<string, number>();
  const firstOfFoldedKey = new Map<string, { key: string; row: number }>();
  const step = stepper(progress, 'checking', file.rows.length, 5000);
  const rows = file.rows.map((sheetRow, index) => {
    step(index + 1);
    const row: InterpretedRow = {
      row: sheetRow.row,
      cells: sheetRow.cells.map(cellText),
      values: {},
      // No prototype: a column called "__proto__" is kept like any other.
      extra: Object.create(null) as Record<string, string>,
      flags: [],
      warnings: [],
      problemColumns: [],
      key: null,
      rejection: tooManyValues(file, sheetRow.cells),
    };
    if (row.rejection) return row;
    const warn = (column: number, field: DeviceField, value: string, reason: string, flag: boolean) => {
      row.warnings.push({ row: row.row, field: file.headers[column] ?? field, value, reason });
      row.problemColumns.push(column);
      if (flag) row.flags.push({ field, value, reason });
    };
    sheetRow.cells.forEach((cell, column) => {
      // Isopatch's CSVs (formats/csv.ts) put ' before what a spreadsheet would run as a formula, as Excel hides
      // it; a rejected-rows CSV fixed and imported again gives back the value, not the guard. The importer takes
      // such a ' off in every file, not only in Isopatch's own: "'-5" in any file is -5 kept as text.
      const text = cleanText(unguardedCell(cellText(cell)));
      if (text === '') return;
      const header = file.headers[column] ?? `Column ${column + 1}`;
      if (text.length > MAX_CELL_CHARS) {
        row.rejection ??= `${header} is longer than ${MAX_CELL_CHARS} characters`;
        return;
      }
      const field = fields[column];
      if (!field) {
        row.extra[header] = text;
        return;
      }
      if (field === 'installDate') {
        const date = readDate(cell instanceof Date ? cell : text, evidence.order);
        const implausible = 'problem' in date ? null : implausibleInstallDate(date.iso, today);
        if ('problem' in date) warn(column, field, text, date.problem, true);
        else if (implausible) warn(column, field, text, implausible, true);
        else {
          row.values.installDate = date.iso;
          if (date.note) warn(column, field, text, date.note, false);
        }
        return;
      }
      const checked = field === 'mac' ? normalizeMac(text) : field === 'ip' ? checkIp(text) : { value: text };
      row.values[field] = checked.value;
      if (checked.problem) warn(column, field, text, checked.problem, true);
    });

    row.key = row.values[options.key] ?? null;
    if (row.rejection) return row;
    if (!row.key) {
      row.rejection = `has no ${FIELD_LABELS[options.key]}, the key that identifies the device`;
      return row;
    }
    const first = firstRowOfKey.get(row.key);
    if (first !== undefined) {
      row.rejection = `repeats ${FIELD_LABELS[options.key]} "${row.key}" of row ${first}`;
      return row;
    }
    firstRowOfKey.set(row.key, row.row);
    // Keys are compared as written (K-1 and k-1 may be two devices), but a person should look at such a pair.
    const folded = row.key.toLowerCase();
    const alike = firstOfFoldedKey.get(folded);
    if (alike) {
      const column = fields.indexOf(options.key);
      warn(
        column,
        options.key,
        row.key,
        `differs only in letter case from ${FIELD_LABELS[options.key]} "${alike.key}" of row ${alike.row}; imported as another device`,
        true,
      );
    } else firstOfFoldedKey.set(folded, { key: row.key, row: row.row });
    return row;
  });

  return {
    mapping,
    key: options.key,
    dateOrder: evidence.order,
    dateOrderSource: evidence.source,
    mixedDateOrders: evidence.source === 'ask' ? mixedDateOrders(file, dateColumn) : null,
    rows,
  };
}

/** The first value only day-first reads and the first only month-first reads, when the column has both. */
function mixedDateOrders(file: ReadFile, column: number): Interpretation['mixedDateOrders'] {
  const clues = dateOrderClues(file.rows.map((r) => r.cells[column] ?? ''));
  if (clues.dayFirst === null || clues.monthFirst === null) return null;
  const example = (index: number) => {
    const row = file.rows[index];
    return `row ${row?.row}, "${cellText(row?.cells[column]).trim()}"`;
  };
  return { dayFirst: example(clues.dayFirst), monthFirst: example(clues.monthFirst) };
}

import type { ImportFile, TextEncoding } from '../../../api/schemas/device-import';
import { AppError } from '../../errors';
import { decodeText, type EncodingProblem, utf8TextOffset, windows1252Char } from './decode';
import { type Delimiter, detectDelimiter, parseDelimited, positionAt, type QuoteProblem } from './delimited';
import { detectFileKind } from './file-kind';
import { findHeaderRow, headerNames, sheetScore } from './header';
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_IMPORT_ROWS } from './limits';
import { REJECTED_ROWS_COLUMNS, startsLikeRejectedRows } from './rejected-csv';
import { cellText, isBlankRow, type Sheet, type SheetRow } from './table';
import { readWorkbook } from './xlsx';

/** A file read as one table: where its header is, and the rows below it. */
export interface ReadFile {
  readonly format: 'delimited' | 'xlsx';
  readonly encoding: TextEncoding | null;
  readonly delimiter: Delimiter | null;
  readonly sheets: readonly string[];
  /** The sheets of `sheets` Excel does not show. */
  readonly hiddenSheets: readonly string[];
  readonly sheet: string | null;
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly rows: readonly SheetRow[];
  /**
   * Why the text cannot be imported as decoded (bytes that do not fit its encoding), after the file's name;
   * null when it can. The preview still shows the file (read as UTF-8), so the wizard can offer another encoding.
   */
  readonly encodingProblem: string | null;
}

/** Every refusal names the file and says what is wrong in one sentence; nothing has been changed. */
export const refuseFile = (fileName: string, reason: string) =>
  new AppError('INVALID_INPUT', `${fileName} ${reason}.`);

export async function readImportFile(file: ImportFile): Promise<ReadFile> {
  const bytes = Buffer.from(file.content, 'base64');
  const kind = detectFileKind(bytes);
  if (kind.kind === 'refused') throw refuseFile(file.fileName, kind.reason);

  let sheets: Sheet[];
  let encoding: TextEncoding | null = null;
  let delimiter: Delimiter | null = null;
  let quoteProblem: QuoteProblem | null = null;
  let encodingProblem: { problem: EncodingProblem; text: string } | null = null;
  if (kind.kind === 'xlsx') {
    try {
      sheets = await readWorkbook(bytes);
    } catch {
      throw refuseFile(file.fileName, 'is a ZIP archive but not an Excel workbook that can be read');
    }
  } else {
    const decoded = decodeText(bytes, file.options.encoding);
    encoding = decoded.encoding;
    if (decoded.text.trim() === '') throw refuseFile(file.fileName, 'is empty');
    delimiter = detectDelimiter(decoded.text);
    const sheet = parseDelimited(decoded.text, delimiter);
    quoteProblem = sheet.quoteProblem;
    if (decoded.problem) encodingProblem = { problem: decoded.problem, text: decoded.text };
    sheets = [sheet];
  }

  const sheet = chooseSheet(file, sheets);
  // What the refusals below speak of: the workbook's sheet, so a person knows which one to look at.
  const table = kind.kind === 'xlsx' ? `${file.fileName} (sheet "${sheet.name}")` : file.fileName;
  if (sheet.rows.length > MAX_IMPORT_ROWS) {
    throw refuseFile(table, `has ${sheet.rows.length} rows; an import may have at most ${MAX_IMPORT_ROWS}`);
  }
  const found = file.options.headerRow
    ? sheet.rows.find((row) => row.row === file.options.headerRow)
    : findHeaderRow(sheet);
  // Past a stray quotation mark the rows run together: refuse rather than import some and lose the rest.
  if (quoteProblem) throw refuseFile(table, quoteSentence(quoteProblem, found));
  // A rejected-rows CSV of an earlier import, fixed to import again, starts with its own two columns.
  const skipped = found && startsLikeRejectedRows(found) ? REJECTED_ROWS_COLUMNS.length : 0;
  const header = found && withoutColumns(found, skipped);
  if (!header || isBlankRow(header)) {
    throw refuseFile(
      table,
      file.options.headerRow ? `has no header in row ${file.options.headerRow}` : 'has no rows with content',
    );
  }
  const headers = headerNames(header);
  if (headers.length > MAX_COLUMNS) throw refuseFile(table, `has more than ${MAX_COLUMNS} columns`);
  if (headers.length < 2) {
    throw refuseFile(table, 'does not look like a table: its header row has a single column');
  }
  if (headers.some((h) => h.length > MAX_CELL_CHARS))
    throw refuseFile(table, 'has a header that is too long');
  const rows = (skipped ? sheet.rows.map((row) => withoutColumns(row, skipped)) : sheet.rows).filter(
    (row) => row.row > header.row && !isBlankRow(row),
  );
  if (rows.length === 0) throw refuseFile(table, `has a header in row ${header.row} but no devices below it`);

  return {
    format: kind.kind,
    encoding,
    delimiter,
    // A delimited file is one table with no sheets to choose from.
    sheets: kind.kind === 'xlsx' ? sheets.map((s) => s.name ?? '') : [],
    hiddenSheets: sheets.filter((s) => s.hidden).map((s) => s.name ?? ''),
    sheet: sheet.name,
    headerRow: header.row,
    headers,
    rows,
    encodingProblem:
      encodingProblem && delimiter
        ? encodingSentence(encodingProblem.problem, bytes, encodingProblem.text, delimiter, header, skipped)
        : null,
  };
}

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/** Names the row (and column) of the first byte that does not fit, and how to import the file. */
function encodingSentence(
  problem: EncodingProblem,
  bytes: Uint8Array,
  text: string,
  delimiter: Delimiter,
  header: SheetRow,
  skipped: number,
): string {
  const at = positionAt(text, utf8TextOffset(bytes, problem.offset), delimiter);
  const name = at.row > header.row ? headerNames(header)[at.column - skipped] : undefined;
  const where = name ? `row ${at.row} (column "${name}")` : `row ${at.row}, column ${at.column + 1},`;
  const byte = `${hex(problem.byte)}, "${windows1252Char(problem.byte)}" in Windows-1252`;
  return problem.kind === 'mixed'
    ? `mixes encodings: it has UTF-8 text, but ${where} has a byte that is not UTF-8 (${byte}); correct that character, save the file as UTF-8 and import it again (read as one encoding, the other part would be stored garbled)`
    : `is not UTF-8 as chosen: ${where} has a byte that is not UTF-8 (${byte}); choose Windows-1252 as its encoding, or save the file as UTF-8`;
}

/**
 * Whether the rows below the header have at most as many values as it has columns and at least two, as a table's
 * do: at least half of them (trailing empty values aside: many exports end each row with a delimiter). Prose has
 * no such count ("Dear colleague,\nplease find the list attached.").
 */
export function hasConsistentColumns(read: ReadFile): boolean {
  const width = read.headers.length;
  const rows = read.rows.slice(0, 30);
  const fitting = rows.filter((row) => {
    let length = row.cells.length;
    while (length > 0 && cellText(row.cells[length - 1]).trim() === '') length--;
    return length >= 2 && length <= width;
  }).length;
  return fitting >= 1 && fitting * 2 >= rows.length;
}

/** A header row that reads as sentences, not column names: a cell of five words or more, or a sentence's end. */
export const headerReadsAsProse = (read: ReadFile): boolean =>
  read.headers.some((header) => {
    const words = header.trim().split(/\s+/).length;
    return words >= 5 || (words >= 3 && /[.!?]$/.test(header.trim()));
  });

const withoutColumns = (row: SheetRow, count: number): SheetRow => ({
  row: row.row,
  cells: row.cells.slice(count),
});

function quoteSentence(problem: QuoteProblem, header: SheetRow | undefined): string {
  const name = header && problem.row > header.row ? headerNames(header)[problem.column] : undefined;
  return `has a quotation mark in row ${problem.row}${name ? ` (column "${name}")` : ''} that does not close where the field ends; quote the whole field and double the quotation marks inside it, or remove them`;
}

/**
 * The sheet the person named (as Excel, whatever the case: the exact name first), or the visible one whose
 * header maps best (a cover sheet first is common). A hidden sheet is the default only when no visible sheet
 * names a single field.
 */
function chooseSheet(file: ImportFile, sheets: Sheet[]): Sheet {
  const wanted = file.options.sheet;
  if (wanted !== undefined) {
    if (sheets[0]?.name === null) {
      throw refuseFile(
        file.fileName,
        `is not a workbook but delimited text, which has no sheets, so sheet "${wanted}" cannot be chosen; leave the sheet out`,
      );
    }
    const lower = wanted.toLowerCase();
    const named =
      sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name?.toLowerCase() === lower);
    if (!named) {
      const names = sheets.map((s) => `"${s.name}"`).join(', ');
      throw refuseFile(file.fileName, `has no sheet "${wanted}"; its sheets are ${names}`);
    }
    return named;
  }
  // Visible sheets naming a field first, then by how many fields the header names, then visible ones first.
  const rank = (sheet: Sheet) => {
    const score = sheetScore(sheet);
    return (!sheet.hidden && score > 0 ? 10_000 : 0) + score * 2 + (sheet.hidden ? 0 : 1);
  };
  const best = sheets
    .map((sheet) => ({ sheet, rank: rank(sheet) }))
    .sort((a, b) => b.rank - a.rank)[0]?.sheet;
  if (!best) throw refuseFile(file.fileName, 'has no sheets');
  return best;
}

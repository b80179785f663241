import type { ImportFile, TextEncoding } from '../../../api/schemas/device-import';
import { AppError } from '../../errors';
import { decodeText } from './decode';
import { type Delimiter, detectDelimiter, parseDelimited, type QuoteProblem } from './delimited';
import { detectFileKind } from './file-kind';
import { findHeaderRow, headerNames, sheetScore } from './header';
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_IMPORT_ROWS } from './limits';
import { REJECTED_ROWS_COLUMNS, startsLikeRejectedRows } from './rejected-csv';
import { isBlankRow, type Sheet, type SheetRow } from './table';
import { readWorkbook } from './xlsx';

/** A file read as one table: where its header is, and the rows below it. */
export interface ReadFile {
  readonly format: 'delimited' | 'xlsx';
  readonly encoding: TextEncoding | null;
  readonly delimiter: Delimiter | null;
  readonly sheets: readonly string[];
  readonly sheet: string | null;
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly rows: readonly SheetRow[];
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
    sheets = [sheet];
  }

  const sheet = chooseSheet(file, sheets);
  if (sheet.rows.length > MAX_IMPORT_ROWS) {
    throw refuseFile(
      file.fileName,
      `has ${sheet.rows.length} rows; an import may have at most ${MAX_IMPORT_ROWS}`,
    );
  }
  const found = file.options.headerRow
    ? sheet.rows.find((row) => row.row === file.options.headerRow)
    : findHeaderRow(sheet);
  // Past a stray quotation mark the rows run together: refuse rather than import some and lose the rest.
  if (quoteProblem) throw refuseFile(file.fileName, quoteSentence(quoteProblem, found));
  // A rejected-rows CSV of an earlier import, fixed to import again, starts with its own "Row" and "Problem".
  const skipped = found && startsLikeRejectedRows(found) ? REJECTED_ROWS_COLUMNS.length : 0;
  const header = found && withoutColumns(found, skipped);
  if (!header || isBlankRow(header)) {
    throw refuseFile(
      file.fileName,
      file.options.headerRow ? `has no header in row ${file.options.headerRow}` : 'has no rows with content',
    );
  }
  const headers = headerNames(header);
  if (headers.length > MAX_COLUMNS) throw refuseFile(file.fileName, `has more than ${MAX_COLUMNS} columns`);
  if (headers.length < 2) {
    throw refuseFile(file.fileName, 'does not look like a table: its header row has a single column');
  }
  if (headers.some((h) => h.length > MAX_CELL_CHARS))
    throw refuseFile(file.fileName, 'has a header that is too long');
  const rows = (skipped ? sheet.rows.map((row) => withoutColumns(row, skipped)) : sheet.rows).filter(
    (row) => row.row > header.row && !isBlankRow(row),
  );
  if (rows.length === 0)
    throw refuseFile(file.fileName, `has a header in row ${header.row} but no devices below it`);

  return {
    format: kind.kind,
    encoding,
    delimiter,
    // A delimited file is one table with no sheets to choose from.
    sheets: kind.kind === 'xlsx' ? sheets.map((s) => s.name ?? '') : [],
    sheet: sheet.name,
    headerRow: header.row,
    headers,
    rows,
  };
}

const withoutColumns = (row: SheetRow, count: number): SheetRow => ({
  row: row.row,
  cells: row.cells.slice(count),
});

function quoteSentence(problem: QuoteProblem, header: SheetRow | undefined): string {
  const name = header && problem.row > header.row ? headerNames(header)[problem.column] : undefined;
  return `has a quotation mark in row ${problem.row}${name ? ` (column "${name}")` : ''} that does not close where the field ends; quote the whole field and double the quotation marks inside it, or remove them`;
}

/** The sheet the person named, or the one whose header maps best (a cover sheet first is common). */
function chooseSheet(file: ImportFile, sheets: Sheet[]): Sheet {
  if (file.options.sheet !== undefined && sheets[0]?.name !== null) {
    const named = sheets.find((s) => s.name === file.options.sheet);
    if (!named) {
      const names = sheets.map((s) => `"${s.name}"`).join(', ');
      throw refuseFile(file.fileName, `has no sheet "${file.options.sheet}"; its sheets are ${names}`);
    }
    return named;
  }
  const best = [...sheets].sort((a, b) => sheetScore(b) - sheetScore(a))[0];
  if (!best) throw refuseFile(file.fileName, 'has no sheets');
  return best;
}

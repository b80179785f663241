/**
 * CSV as spreadsheets read it (RFC 4180), shared by every CSV Isopatch writes: the rejected rows of an import
 * and the reports. Imported text may start like a formula; a spreadsheet must show it, never run it.
 */

// =, +, - and @ start a formula in Excel, LibreOffice and Google Sheets; a leading tab or CR can hide one.
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180 cell; a cell that a spreadsheet would run as a formula is prefixed with ' so it stays text. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A whole file: UTF-8 with a byte-order mark (without it Excel reads UTF-8 as the local code page), CRLF line
 * ends, every record padded to the same number of fields as RFC 4180 asks.
 */
export function csvDocument(records: readonly (readonly string[])[]): string {
  const width = Math.max(0, ...records.map((r) => r.length));
  const lines = records.map((record) =>
    [...record, ...Array.from({ length: width - record.length }, () => '')].map(csvCell).join(','),
  );
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

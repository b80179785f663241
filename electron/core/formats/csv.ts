/**
 * CSV as spreadsheets read it (RFC 4180), shared by every CSV Isopatch writes: the rejected rows of an import
 * and the reports. Imported text may start like a formula; a spreadsheet must show it, never run it.
 */

// =, +, - and @ start a formula in Excel, LibreOffice and Google Sheets; a leading tab or CR can hide one.
// Apostrophes before them are guarded too: the importer takes one ' off (unguardedCell), so a value that is
// itself "'-5" is written "''-5" and reads back as "'-5", not "-5".
const FORMULA_START = /^'*[=+\-@\t\r]/;
// Excel in most of Europe splits a .csv at ';' (its list separator), whatever the quotes around the comma-separated
// cell say, and a tab splits where a file is pasted or read as tab-separated: each part starts a cell of its own.
const FORMULA_AFTER_SEPARATOR = /([;\t])("?)(?='*[=+\-@\t\r])/g;

/**
 * RFC 4180 cell. Whatever a spreadsheet could run as a formula gets a ' first, so it stays text: the cell's
 * start, and the start of each part a ';' or tab would make a cell of its own. unguardedCell undoes exactly
 * this, so every value Isopatch writes imports back unchanged.
 */
export function csvCell(value: string): string {
  const inner = value.replace(FORMULA_AFTER_SEPARATOR, "$1$2'");
  const safe = FORMULA_START.test(inner) ? `'${inner}` : inner;
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const GUARDED_START = /^'('*[=+\-@\t\r])/;
const GUARDED_AFTER_SEPARATOR = /([;\t])("?)'(?='*[=+\-@\t\r])/g;

/**
 * A cell's value without the guards csvCell puts in: one ' before what starts a formula, at the start and after
 * each ';' or tab. The importer reads every file so, not only Isopatch's own: Excel hides such a ' too (it marks
 * the cell as text), so "'-5" in any file means -5 written as text. Other apostrophes ("it's", "'s-Hertogenbosch")
 * stay.
 */
export function unguardedCell(value: string): string {
  if (!value.includes("'")) return value; // the common case, a hundred thousand times per import
  return value.replace(GUARDED_AFTER_SEPARATOR, '$1$2').replace(GUARDED_START, '$1');
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

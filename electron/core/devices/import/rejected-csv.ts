import type { InterpretedRow } from './interpret';

const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180 cell; a cell that a spreadsheet would run as a formula is prefixed with ' so it stays text. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rejected rows as they were, with the row number and the reason, to fix and import again. */
export function rejectedRowsCsv(headers: readonly string[], rows: readonly InterpretedRow[]): string | null {
  const rejected = rows.filter((row) => row.rejection);
  if (rejected.length === 0) return null;
  const lines = [['Row', 'Problem', ...headers].map(csvCell).join(',')];
  for (const row of rejected) {
    lines.push([String(row.row), row.rejection ?? '', ...row.cells].map(csvCell).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

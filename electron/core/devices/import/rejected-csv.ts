import { csvCell } from '../../formats/csv';
import type { InterpretedRow } from './interpret';

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

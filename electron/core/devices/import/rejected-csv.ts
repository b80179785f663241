import { csvCell } from '../../formats/csv';
import type { InterpretedRow } from './interpret';
import { cellText, type SheetRow } from './table';

/**
 * The columns the rejected-rows CSV puts before the file's own; named so that no inventory export has them (an
 * export starting with "Row" and "Problem" lost both columns when these were the names).
 */
export const REJECTED_ROWS_COLUMNS = ['Rejected row', 'Why rejected'] as const;

/** A header that starts as the rejected-rows CSV's does: a fixed file imported again. */
export const startsLikeRejectedRows = (header: SheetRow): boolean =>
  REJECTED_ROWS_COLUMNS.every((name, index) => cellText(header.cells[index]).trim() === name);

/** The rejected rows as they were, with the row number and the reason, to fix and import again. */
export function rejectedRowsCsv(headers: readonly string[], rows: readonly InterpretedRow[]): string | null {
  const rejected = rows.filter((row) => row.rejection);
  if (rejected.length === 0) return null;
  const lines = [[...REJECTED_ROWS_COLUMNS, ...headers].map(csvCell).join(',')];
  for (const row of rejected) {
    lines.push([String(row.row), row.rejection ?? '', ...row.cells].map(csvCell).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

import type { Orientation, ReportKind } from '../../api/schemas/reports';

/**
 * A report as data: what it says, not how it looks. One builder per report fills it from the database; the HTML,
 * CSV and XLSX writers each render the same document, so every format shows the same figures.
 */

/**
 * How a column's values are written. Dates are local to the site: `date` 'YYYY-MM-DD', `datetime'
 * 'YYYY-MM-DD HH:mm'. `checklist` holds a task and lines to tick (see checklistLine); `tick` and `blank` are empty
 * boxes and lines to write on.
 */
export type ColumnType = 'text' | 'number' | 'percent' | 'date' | 'datetime' | 'checklist' | 'tick' | 'blank';

/** Starts a checklist line that is a note to read, not a check. */
export const NOTE_PREFIX = 'Note: ';
/**
 * Starts a checklist line that warns (a window breaking a rule): nothing to tick, and the mark is text, so CSV,
 * XLSX and a copy from the PDF say it is a warning too.
 */
export const WARNING_MARK = '⚠ ';

/**
 * What a line of a checklist cell is: the first names the task; then checks to tick, notes and warnings. The
 * checks are the code's own words and the others carry their prefix, so imported text cannot pass for another.
 */
export function checklistLine(line: string, index: number): 'task' | 'check' | 'note' | 'warning' {
  if (index === 0) return 'task';
  if (line.startsWith(NOTE_PREFIX)) return 'note';
  if (line.startsWith(WARNING_MARK)) return 'warning';
  return 'check';
}

export interface Column {
  readonly label: string;
  readonly type: ColumnType;
  /** A print hint for the HTML: narrow columns do not wrap, wide ones take the room left. */
  readonly width?: 'narrow' | 'wide';
  /**
   * On paper, neighbouring columns of one group share a cell, one value a line (the device register's twenty
   * fields fit a landscape page as nine columns). CSV and XLSX keep every column.
   */
  readonly group?: string;
}

export type Cell = string | number | null | readonly string[];

export interface TableSection {
  readonly kind: 'table';
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
  /** Said instead of an empty table. */
  readonly empty: string;
  readonly note?: string;
  /** Starts a new page in print (each department of a worklist). */
  readonly pageBreakBefore?: boolean;
  /**
   * Printed above the column headers, so on every page the table continues on: a torn-off page of a worklist
   * still says whose work it is.
   */
  readonly runningLabel?: string;
  /** The sheet's name in a workbook (at most 31 characters). */
  readonly sheet: string;
}

export interface Figure {
  readonly label: string;
  readonly value: number;
  readonly unit?: '%';
  readonly help: string;
}

export interface FiguresSection {
  readonly kind: 'figures';
  readonly title: string;
  readonly figures: readonly Figure[];
}

export interface BurnDownPoint {
  /** Local date, YYYY-MM-DD: the counts at the end of that day (or now, for today). */
  readonly date: string;
  readonly exposed: number;
  readonly unpatched: number;
}

export interface BurnDownSection {
  readonly kind: 'burn-down';
  readonly title: string;
  readonly points: readonly BurnDownPoint[];
}

export interface SignOffSection {
  readonly kind: 'sign-off';
  readonly title: string;
  readonly roles: readonly string[];
}

export type Section = TableSection | FiguresSection | BurnDownSection | SignOffSection;

export interface ReportHeader {
  readonly organization: string;
  readonly site: string;
  /** When the report was made, local to the site: '2026-11-29 11:00'. */
  readonly generatedAt: string;
  readonly timeZone: string;
  /** The operating-system user who made it. */
  readonly author: string;
  /** The exact filter, in words: [['Departments', 'Nuclear Medicine'], ['Dates', '2026-11-29 to 2026-12-12']]. */
  readonly filter: readonly (readonly [string, string])[];
}

export interface ReportDocument {
  readonly report: ReportKind;
  readonly title: string;
  /** 'status-report-2026-11-29': the report's name and date, for file names. */
  readonly fileStem: string;
  readonly header: ReportHeader;
  readonly sections: readonly Section[];
  readonly defaultOrientation: Orientation;
}

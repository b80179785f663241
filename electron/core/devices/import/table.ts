/** A cell as read from a file: text, or a real date where a workbook stored one. */
export type Cell = string | Date;

export interface SheetRow {
  /** The row number a spreadsheet shows (the file's first row is 1), also when quoted fields span lines. */
  readonly row: number;
  readonly cells: readonly Cell[];
}

/** One table of a file: a CSV has one, a workbook one per sheet. */
export interface Sheet {
  readonly name: string | null;
  readonly rows: readonly SheetRow[];
  /** A workbook sheet Excel does not show (hidden or very hidden): never the default, still choosable. */
  readonly hidden?: boolean;
}

export const cellText = (cell: Cell | undefined): string =>
  cell === undefined ? '' : typeof cell === 'string' ? cell : cell.toISOString().slice(0, 10);

export const isBlankRow = (row: SheetRow): boolean => row.cells.every((cell) => cellText(cell).trim() === '');

/** How many cells of a row hold something. */
export const filledCells = (row: SheetRow): number =>
  row.cells.filter((cell) => cellText(cell).trim() !== '').length;

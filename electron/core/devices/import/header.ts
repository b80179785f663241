import synonyms from '../../../../resources/import/header-synonyms.json';
import type { ColumnMapping } from '../../../api/schemas/device-import';
import { type DeviceField, deviceFields } from '../../../api/schemas/devices';
import { cellText, filledCells, isBlankRow, type Sheet, type SheetRow } from './table';

const HEADER_SEARCH_ROWS = 30;

const exact = (header: string) => header.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
const loose = (header: string) =>
  exact(header)
    .replace(/[.\-_:()[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The field a header means, and how surely: exact spellings before loose ones, each in the table's order. */
interface Meaning {
  readonly field: DeviceField;
  readonly rank: number;
}
const LOOSE = 10_000;

const byExact = new Map<string, Meaning>();
const byLoose = new Map<string, Meaning>();
for (const field of deviceFields) {
  ((synonyms as unknown as Record<string, string[]>)[field] ?? []).forEach((spelling, rank) => {
    byExact.set(exact(spelling), { field, rank });
    byLoose.set(loose(spelling), { field, rank: LOOSE + rank });
  });
}

const meaningOf = (header: string): Meaning | undefined =>
  byExact.get(exact(header)) ?? byLoose.get(loose(header));

/** The field a header means, from the synonym table in resources/import/header-synonyms.json. */
export function fieldForHeader(header: string): DeviceField | null {
  return meaningOf(header)?.field ?? null;
}

/** Headers made unique and non-empty, so every column keeps its values under a name ("Column 7", "Notes (2)"). */
export function headerNames(row: SheetRow): string[] {
  const seen = new Map<string, number>();
  return row.cells.map((cell, index) => {
    const base =
      cellText(cell)
        .replace(/\u00a0/g, ' ')
        .trim() || `Column ${index + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/**
 * Each field from one column only: of the columns that mean it, the surest spelling gets it ("Department"
 * before "Cost Center", then the first column); the others stay extra attributes.
 */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const best = new Map<DeviceField, { header: string; rank: number }>();
  for (const header of headers) {
    const meaning = meaningOf(header);
    const current = meaning && best.get(meaning.field);
    if (meaning && (!current || meaning.rank < current.rank))
      best.set(meaning.field, { header, rank: meaning.rank });
  }
  const mapping: ColumnMapping = Object.fromEntries(headers.map((header) => [header, null]));
  for (const [field, { header }] of best) mapping[header] = field;
  return mapping;
}

const mappedCount = (row: SheetRow) =>
  new Set(row.cells.map((c) => fieldForHeader(cellText(c))).filter(Boolean)).size;

/**
 * The header row is the one among the first rows whose cells name the most fields, under titles and blank rows.
 * A row naming one field only is the header when nothing but titles (one value each) stands above it: a data
 * value that happens to read as a field name must not win over a header Isopatch does not know.
 */
export function findHeaderRow(sheet: Sheet): SheetRow | undefined {
  const rows = sheet.rows.slice(0, HEADER_SEARCH_ROWS).filter((row) => !isBlankRow(row));
  let best: { row: SheetRow; score: number; index: number } | undefined;
  for (const [index, row] of rows.entries()) {
    const score = mappedCount(row);
    if (!best || score > best.score) best = { row, score, index };
  }
  if (best && best.score >= 2) return best.row;
  if (best && best.score === 1 && rows.slice(0, best.index).every((row) => filledCells(row) <= 1))
    return best.row;
  return sheet.rows.find((row) => !isBlankRow(row));
}

/** How well a sheet's header maps: used to pick the default sheet of a workbook. */
export function sheetScore(sheet: Sheet): number {
  const header = findHeaderRow(sheet);
  return header ? mappedCount(header) : 0;
}

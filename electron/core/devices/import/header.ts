import synonyms from '../../../../resources/import/header-synonyms.json';
import type { ColumnMapping } from '../../../api/schemas/device-import';
import { type DeviceField, deviceFields } from '../../../api/schemas/devices';
import { cellText, isBlankRow, type Sheet, type SheetRow } from './table';

const HEADER_SEARCH_ROWS = 30;

const exact = (header: string) => header.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
const loose = (header: string) =>
  exact(header)
    .replace(/[.\-_:()[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const byExact = new Map<string, DeviceField>();
const byLoose = new Map<string, DeviceField>();
for (const field of deviceFields) {
  for (const spelling of (synonyms as unknown as Record<string, string[]>)[field] ?? []) {
    byExact.set(exact(spelling), field);
    byLoose.set(loose(spelling), field);
  }
}

/** The field a header means, from the synonym table in resources/import/header-synonyms.json. */
export function fieldForHeader(header: string): DeviceField | null {
  return byExact.get(exact(header)) ?? byLoose.get(loose(header)) ?? null;
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

/** Each field once: the first column that means it gets it; the others stay extra attributes. */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const taken = new Set<DeviceField>();
  const mapping: ColumnMapping = {};
  for (const header of headers) {
    const field = fieldForHeader(header);
    mapping[header] = field && !taken.has(field) ? field : null;
    if (field) taken.add(field);
  }
  return mapping;
}

const mappedCount = (row: SheetRow) =>
  new Set(row.cells.map((c) => fieldForHeader(cellText(c))).filter(Boolean)).size;

/** The header row is the one among the first rows whose cells name the most fields, under titles and blank rows. */
export function findHeaderRow(sheet: Sheet): SheetRow | undefined {
  let best: { row: SheetRow; score: number } | undefined;
  for (const row of sheet.rows.slice(0, HEADER_SEARCH_ROWS)) {
    if (isBlankRow(row)) continue;
    const score = mappedCount(row);
    if (!best || score > best.score) best = { row, score };
  }
  if (best && best.score >= 2) return best.row;
  return sheet.rows.find((row) => !isBlankRow(row));
}

/** How well a sheet's header maps: used to pick the default sheet of a workbook. */
export function sheetScore(sheet: Sheet): number {
  const header = findHeaderRow(sheet);
  return header ? mappedCount(header) : 0;
}

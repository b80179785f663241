import Papa from 'papaparse';
import type { Sheet } from './table';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Counts a candidate per line outside quotes over the first lines; the most consistent, then most frequent, wins. */
export function detectDelimiter(text: string): Delimiter {
  const lines = firstRecords(text, 30);
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const nonZero = counts.filter((n) => n > 0);
    if (nonZero.length === 0) continue;
    const mode = mostCommon(nonZero);
    const consistent = counts.filter((n) => n === mode).length / counts.length;
    const score = consistent * 1000 + mode;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** A place in delimited text: the spreadsheet row of its record and the index of its field. */
export interface CellPosition {
  readonly row: number;
  readonly column: number;
}

/**
 * Where a quotation mark opens a field and does not close where the field ends: PapaParse would read the rest
 * of the file, or everything up to the next quotation mark, as that one field.
 */
export type QuoteProblem = CellPosition;

export interface DelimitedSheet extends Sheet {
  readonly quoteProblem: QuoteProblem | null;
}

/** RFC 4180 with PapaParse (measured fastest with full quoting support); each record is one spreadsheet row. */
export function parseDelimited(text: string, delimiter: Delimiter): DelimitedSheet {
  const options = { delimiter, skipEmptyLines: false, quoteChar: '"', escapeChar: '"' } as const;
  const result = Papa.parse<string[]>(text, options);
  const records = result.data;
  // A final line break yields one empty record that no spreadsheet would show.
  const last = records.at(-1);
  if (last && last.length === 1 && last[0] === '') records.pop();
  const quoteError = result.errors.find((error) => error.type === 'Quotes');
  return {
    name: null,
    rows: records.map((cells, index) => ({ row: index + 1, cells })),
    quoteProblem: quoteError
      ? {
          row: (quoteError.row ?? 0) + 1,
          column: fieldIndexAt(text, (quoteError.index ?? 1) - 1, {
            ...options,
            newline: result.meta.linebreak as Papa.ParseConfig['newline'],
          }),
        }
      : null,
  };
}

/** The spreadsheet row and the field index of the character at `offset`, when the text before it is well-formed. */
export function positionAt(text: string, offset: number, delimiter: Delimiter): CellPosition {
  const options = { delimiter, skipEmptyLines: false, quoteChar: '"', escapeChar: '"' } as const;
  const records = Papa.parse<string[]>(text.slice(0, offset), options).data;
  return { row: Math.max(1, records.length), column: Math.max(0, (records.at(-1)?.length ?? 1) - 1) };
}

/**
 * The index of the field that starts at `offset`, from the text before it: that text is well-formed (the
 * problem is the first), so its last record holds the fields before this one and an empty one for it.
 */
function fieldIndexAt(text: string, offset: number, options: Papa.ParseConfig): number {
  const before = Papa.parse<string[]>(text.slice(0, offset), options).data.at(-1) ?? [];
  return Math.max(0, before.length - 1);
}

function firstRecords(text: string, count: number): string[] {
  const lines: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < text.length && lines.length < count; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      if (i > start) lines.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (lines.length < count && start < text.length) lines.push(text.slice(start));
  return lines.filter((line) => line.trim() !== '');
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let inQuotes = false;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === delimiter && !inQuotes) count++;
  }
  return count;
}

function mostCommon(values: number[]): number {
  const tally = new Map<number, number>();
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  return [...tally.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

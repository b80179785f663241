import { type Cell, type Column, checklistLine, type TableSection } from './model';
import { textWidth, WIDEST_CHAR } from './text-width';

/**
 * Column widths of a printed table (fixed layout, so a page never grows wider than the paper), worked out in
 * millimetres for the page the report prints on:
 * - every column gets at least its longest word, so identifiers, dates, MAC and IP addresses, kinds of task
 *   ("Reconnection") and the bold words of the header never break inside; only words longer than `LONG_WORD`
 *   characters (paths, long host names) may break anywhere;
 * - the handwriting blanks of a worklist get room to write a time in, the boxes room to tick;
 * - the room left goes to the columns that want more than their longest word (locations, models, notes, checks),
 *   in proportion to how much more, and they wrap between words.
 */

/** One printed column: some columns of a group share a cell, one value a line. */
export interface PrintedMember {
  readonly column: Column;
  readonly index: number;
}

/** The room a table has: the width of the page's text area and the table's font size. */
export interface TableRoom {
  readonly widthMm: number;
  readonly fontPt: number;
}

const MM_PER_PT = 25.4 / 72;
/** Padding (1.2 mm each side, 0.8 mm in a compact table) and the 0.5 pt border of a cell, with a little to spare. */
const CELL_EXTRA_MM = 2.9;
const COMPACT_CELL_EXTRA_MM = 1.9;
/** Words longer than this may break anywhere; shorter ones (an asset tag, a MAC address, a date) never do. */
export const LONG_WORD = 26;
/** A value longer than this wraps: a column never asks for more than this many em for its text. */
const WANT_CAP_EM = 27;
/**
 * Blanks to write a time in by hand (25 mm wide, padding included); the one for notes gets more when there is
 * room, and at least 20 mm.
 */
const BLANK_MM = 25;
const NOTES_MM = { hard: 20, want: 45 };
/** The box to tick (5 mm) and the small boxes before each check (3 mm and its 1.2 mm margin). */
const TICK_MM = 5;
const CHECK_BOX_MM = 4.2;
/** The rule beside a warning (1.2 pt) and its 1 mm padding. */
const WARNING_INDENT_MM = 1.5;
/** Rendering differs a little between fonts and engines: words get this much more than measured. */
const SAFETY = 1.03;

const formatNumber = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** The lines a cell prints, as text. */
function linesOf(column: Column, value: Cell): readonly string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value as readonly string[];
  if (typeof value === 'number') return [`${formatNumber(value)}${column.type === 'percent' ? ' %' : ''}`];
  return [value as string];
}

/** A word's width in em; a word longer than LONG_WORD counts as that long (it may break). */
const wordWidth = (word: string, bold: boolean) =>
  textWidth(word.length > LONG_WORD ? word.slice(0, LONG_WORD) : word, bold) * SAFETY;

interface Need {
  /** Millimetres the column needs so that no identifier breaks: asset tags, dates, numbers, a kind of task. */
  hard: number;
  /** Millimetres it needs so that no word breaks, those of its prose included. */
  soft: number;
  /** Millimetres it would like, so most of its values fit on a line. */
  want: number;
}

/** A word that must not break: one with a digit (a tag, a date, an address), or a value that is one word. */
const isIdentifier = (word: string, line: string) => /\d/.test(word) || word.length === line.length;

function needOf(
  column: Column,
  rows: readonly (readonly Cell[])[],
  index: number,
  em: number,
  extra: number,
): Need {
  const header = Math.max(...column.label.split(/\s+/).map((word) => wordWidth(word, true))) * em;
  if (column.type === 'tick') {
    const hard = Math.max(TICK_MM, header);
    return { hard, soft: hard, want: hard };
  }
  if (column.type === 'blank') {
    if (column.width !== 'wide') {
      const hard = Math.max(BLANK_MM - extra, header);
      return { hard, soft: hard, want: hard };
    }
    const hard = Math.max(NOTES_MM.hard - extra, header);
    return { hard, soft: hard, want: Math.max(hard, NOTES_MM.want) };
  }
  const checklist = column.type === 'checklist';
  // A number prints as one word ("33 %" included); text, dates and times break between words, and only there.
  const oneWord = column.type === 'number' || column.type === 'percent';
  const allIdentifiers = column.type !== 'text' && !checklist;
  let identifier = 0;
  let word = 0;
  const lengths: number[] = [];
  for (const row of rows) {
    const lines = linesOf(column, row[index] ?? null);
    let cellWant = 0;
    lines.forEach((line, i) => {
      const kind = checklist ? checklistLine(line, i) : null;
      const bold = kind === 'task' || kind === 'warning';
      const prefix = kind === 'check' ? CHECK_BOX_MM / em : 0;
      const indent = kind === 'warning' ? WARNING_INDENT_MM / em : 0;
      cellWant = Math.max(cellWant, prefix + indent + textWidth(line, bold));
      (oneWord ? [line] : line.trim().split(/\s+/)).forEach((w, j) => {
        // The box before a check stays on the line of its first word; a warning's rule runs beside every line.
        const before = (j === 0 ? prefix : 0) + indent;
        // A word cannot be the longest when even at the widest characters it would not be.
        const most = before + Math.min(w.length, LONG_WORD) * WIDEST_CHAR * SAFETY;
        if (most <= word && most <= identifier) return;
        const width = before + wordWidth(w, bold);
        word = Math.max(word, width);
        if (allIdentifiers || isIdentifier(w, line.trim())) identifier = Math.max(identifier, width);
      });
    });
    lengths.push(cellWant);
  }
  lengths.sort((a, b) => a - b);
  // Most values (nine in ten) fit a line, up to a cap: a long value wraps rather than take the page.
  const typical = lengths[Math.floor((lengths.length - 1) * 0.9)] ?? 0;
  const hard = Math.max(header, identifier * em, checklist ? CHECK_BOX_MM : 0);
  const soft = Math.max(hard, word * em);
  return { hard, soft, want: Math.max(soft, Math.min(typical, WANT_CAP_EM) * em) };
}

/**
 * Shares `total` between columns that each need at least `low` and would like `high`: everyone gets `low`, and
 * what is left goes in proportion to what each one misses.
 */
function between(low: readonly number[], high: readonly number[], total: number): number[] {
  const sumLow = low.reduce((sum, w) => sum + w, 0);
  const sumHigh = high.reduce((sum, w) => sum + w, 0);
  const share = sumHigh > sumLow ? (total - sumLow) / (sumHigh - sumLow) : 0;
  return low.map((w, i) => w + ((high[i] as number) - w) * share);
}

/** A table too wide for its paper at its font size prints this small (still readable, as the register is). */
export const COMPACT_FONT_PT = 7;

/** How a table prints: the widths of its columns (percentages of the text area's width), and whether smaller. */
export interface TableLayout {
  readonly widths: readonly string[];
  readonly compact: boolean;
}

/**
 * Widths of the printed columns. A table whose words do not all fit at its font size (the worklist's ten columns
 * on portrait paper) prints in the compact size, when that is smaller.
 */
export function tableLayout(
  section: TableSection,
  printed: readonly (readonly PrintedMember[])[],
  room: TableRoom,
): TableLayout {
  const normal = allocate(needsOf(section, printed, room.fontPt, CELL_EXTRA_MM), room.widthMm);
  if (normal.fits || room.fontPt <= COMPACT_FONT_PT) return { widths: normal.widths, compact: false };
  const compact = needsOf(section, printed, COMPACT_FONT_PT, COMPACT_CELL_EXTRA_MM);
  return { widths: allocate(compact, room.widthMm).widths, compact: true };
}

function needsOf(
  section: TableSection,
  printed: readonly (readonly PrintedMember[])[],
  fontPt: number,
  extra: number,
): Need[] {
  const em = fontPt * MM_PER_PT;
  return printed.map((members) => {
    const each = members.map(({ column, index }) => needOf(column, section.rows, index, em, extra));
    const most = (key: keyof Need) => Math.max(...each.map((n) => n[key])) + extra;
    return { hard: most('hard'), soft: most('soft'), want: most('want') };
  });
}

/** Shares the width out; `fits` when no word has to break. */
function allocate(needs: readonly Need[], total: number): { widths: string[]; fits: boolean } {
  const sum = (key: keyof Need) => needs.reduce((all, n) => all + n[key], 0);
  const of = (key: keyof Need) => needs.map((n) => n[key]);
  const widths =
    sum('want') <= total
      ? // Everything fits on a line: the room to spare goes to all columns alike.
        needs.map((n) => (n.want * total) / sum('want'))
      : sum('soft') <= total
        ? // Every word fits: what is left goes to the columns that wrap, in proportion to what they miss.
          between(of('soft'), of('want'), total)
        : sum('hard') <= total
          ? // Identifiers fit, and the words of prose get what is left (the longest of them may break).
            between(of('hard'), of('soft'), total)
          : // Not even identifiers fit (too many columns for the paper): shrink alike.
            needs.map((n) => (n.hard * total) / sum('hard'));
  return { widths: widths.map((w) => `${((w * 100) / total).toFixed(2)}%`), fits: sum('soft') <= total };
}

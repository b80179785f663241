import type { Device } from '../../../electron/api/schemas/devices';
import { COLUMN_LABELS, NETWORK_STATE_LABELS, PATCH_STATUS_LABELS, STATE_LABELS } from '../../labels';
import type { SortField } from '../../stores/devices';

/**
 * Widths of the register's columns, in pixels, from what they hold.
 *
 * - Identifiers and short values (asset tag, serial, IP, MAC, host name, dates, versions, priority, the state's
 *   badge) are never cut: their column is as wide as the widest value loaded.
 * - Text (vendor, model, location, operating system...) wants its widest value on one line, up to a cap, and gives
 *   way down to a minimum when the window is narrow: it then wraps onto a second line and ends in an ellipsis
 *   after that (the cell gets a title then). It wraps between words only, so it never gives way under its longest
 *   word ("Nuklearmedizin" stays whole), up to the cap.
 * - Headers wrap between words but never under their longest word, so they never run into the next column.
 * - What is left over goes to the text columns; when even the minimums do not fit, the table is wider than its
 *   scroller and scrolls sideways.
 */

type Kind = 'whole' | 'text';

export const KIND: Record<SortField, Kind> = {
  assetTag: 'whole',
  serial: 'whole',
  manufacturer: 'text',
  vendor: 'text',
  model: 'text',
  modality: 'text',
  department: 'text',
  location: 'text',
  ip: 'whole',
  mac: 'whole',
  hostname: 'whole',
  os: 'text',
  softwareVersion: 'whole',
  installDate: 'whole',
  state: 'whole',
  networkState: 'whole',
  priority: 'whole',
  patchStatus: 'text',
  advisories: 'text',
  updatedAt: 'whole',
};

const REM = 16;
/**
 * A text column gives way down to this (two lines of about eight characters: "Nuclear / Medicine"; so the default
 * columns fit 1366 pixels), and wants at most this.
 */
const TEXT_MIN_PX = 4.5 * REM;
const TEXT_MAX_PX = 16 * REM;
/** Cell padding (devices.css: 8 px before, 4 px after); widths are rounded up. */
const CELL_PAD = 8 + 4;
/** The state badge around its words: the shape, the gap, the padding and the border. */
const BADGE_CHROME = 13 + 4 + 16 + 2;
/** The flag mark after an asset tag: a space, the sign and a little room. */
const FLAG_PX = 20;
/** The sort arrow after the heading of the sorted column (a no-break space and the arrow). */
const ARROW_PX = 16;
/** The border after the pinned asset tag (devices.css), and a pixel for the collapsed borders. */
const PINNED_BORDER_PX = 2;
/** The selection checkbox's column. */
export const CHECK_COLUMN_PX = 32;

export interface Fonts {
  /** The cells' font, as canvas writes it ("14px system-ui"). */
  readonly cell: string;
  readonly header: string;
  readonly badge: string;
}

let context: CanvasRenderingContext2D | null = null;
const measured = new Map<string, number>();

/** The width of a text in a font, in pixels (cached: a register repeats its vendors and models). */
export function textWidth(text: string, font: string): number {
  if (text === '') return 0;
  const key = `${font}\u0000${text}`;
  const known = measured.get(key);
  if (known !== undefined) return known;
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return text.length * 8;
  context.font = font;
  const width = context.measureText(text).width;
  if (measured.size > 20_000) measured.clear();
  measured.set(key, width);
  return width;
}

/** The fonts of the table, read from the element that holds it. */
export function fontsOf(element: Element): Fonts {
  const style = getComputedStyle(element);
  const family = style.fontFamily;
  const size = Number.parseFloat(style.fontSize) || 14;
  return {
    cell: `400 ${size}px ${family}`,
    header: `700 ${size}px ${family}`,
    badge: `600 ${(size * 12) / 14}px ${family}`,
  };
}

/** The text of a cell as the table shows it (and as its title says it). */
export function cellText(device: Device, column: SortField): string {
  if (column === 'state') return STATE_LABELS[device.state];
  if (column === 'updatedAt') return new Date(device.updatedAt).toLocaleString();
  if (column === 'advisories') return device.advisories.join(', ');
  if (column === 'priority') return device.priority === null ? '' : String(device.priority);
  if (column === 'patchStatus')
    return device.patchStatus
      ? (PATCH_STATUS_LABELS[device.patchStatus as keyof typeof PATCH_STATUS_LABELS] ?? device.patchStatus)
      : '';
  if (column === 'networkState') return NETWORK_STATE_LABELS[device.networkState];
  return device[column] ?? '';
}

/** What one column needs: the width it wants and the least it takes. */
interface Need {
  want: number;
  least: number;
}

/** The widest value of each column in a set of rows (each page of the register is measured once). */
export type PageWidths = Partial<Record<SortField, number>>;

export function measurePage(
  rows: readonly Device[],
  columns: readonly SortField[],
  fonts: Fonts,
): PageWidths {
  const widths: PageWidths = {};
  for (const column of columns) {
    let widest = 0;
    for (const device of rows) {
      let width: number;
      if (column === 'state') width = textWidth(STATE_LABELS[device.state], fonts.badge) + BADGE_CHROME;
      else if (column === 'assetTag')
        width =
          textWidth(device.assetTag ?? device.serial ?? `#${device.id}`, fonts.cell) +
          (device.flags.length > 0 ? FLAG_PX : 0);
      else if (column === 'advisories')
        // The list may end in an ellipsis, but never cuts into the first advisory.
        width = textWidth(device.advisories[0] ?? '', fonts.cell);
      else width = textWidth(cellText(device, column), fonts.cell);
      if (width > widest) widest = width;
    }
    widths[column] = widest;
  }
  return widths;
}

/** Text a cell wraps: between words only (devices.css), so these are the pieces that must fit a line. */
const WORDS = /\s+/;

/** The widest single word of each text column in a set of rows: the least a column takes without cutting one. */
export function measureLongestWords(
  rows: readonly Device[],
  columns: readonly SortField[],
  fonts: Fonts,
): PageWidths {
  const widths: PageWidths = {};
  for (const column of columns) {
    if (KIND[column] !== 'text' || column === 'advisories') continue;
    let widest = 0;
    for (const device of rows) {
      for (const word of cellText(device, column).split(WORDS)) {
        const width = textWidth(word, fonts.cell);
        if (width > widest) widest = width;
      }
    }
    widths[column] = widest;
  }
  return widths;
}

/** The whole advisories list of the widest row, for what that column wants (its least is one advisory). */
export function measureAdvisoryLists(rows: readonly Device[], fonts: Fonts): number {
  let widest = 0;
  for (const device of rows) {
    if (device.advisories.length < 2) continue;
    widest = Math.max(widest, textWidth(device.advisories.join(', '), fonts.cell));
  }
  return widest;
}

function headerNeed(column: SortField, sorted: boolean, fonts: Fonts): number {
  const words = COLUMN_LABELS[column].split(' ');
  const widest = Math.max(...words.map((word) => textWidth(word, fonts.header)));
  const last = textWidth(words.at(-1) ?? '', fonts.header) + (sorted ? ARROW_PX : 0);
  return Math.max(widest, last) + CELL_PAD;
}

/**
 * The width of every column for the room there is. `values` has the widest value of each column among the rows
 * loaded (0 when none is); `words` the widest word of each text column; `lists` the widest list of advisories.
 */
export function columnWidths({
  columns,
  values,
  words = {},
  lists,
  sortField,
  room,
  fonts,
}: {
  columns: readonly SortField[];
  values: PageWidths;
  words?: PageWidths;
  lists: number;
  sortField: SortField;
  room: number;
  fonts: Fonts;
}): { widths: number[]; total: number } {
  const needs: Need[] = columns.map((column) => {
    const header = headerNeed(column, column === sortField, fonts);
    const value = (values[column] ?? 0) + CELL_PAD;
    if (KIND[column] === 'whole') {
      // The asset tag's column is pinned when the table scrolls sideways, with a border on its right.
      const want = Math.ceil(Math.max(header, value)) + (column === 'assetTag' ? PINNED_BORDER_PX : 0);
      return { want, least: want };
    }
    if (column === 'advisories') {
      const least = Math.ceil(Math.max(header, value));
      return { want: Math.ceil(Math.max(least, Math.min(lists + CELL_PAD, TEXT_MAX_PX))), least };
    }
    // A word that ends a clamped second line is followed by the ellipsis: room for both.
    const word = Math.min((words[column] ?? 0) + textWidth('…', fonts.cell) + CELL_PAD, TEXT_MAX_PX);
    const least = Math.ceil(Math.max(header, word, Math.min(value, TEXT_MIN_PX)));
    return { want: Math.ceil(Math.max(least, Math.min(value, TEXT_MAX_PX))), least };
  });
  // Two pixels spare for the collapsed borders, so a table that fits never shows a scroll bar.
  const space = room - CHECK_COLUMN_PX - 2;
  const wanted = needs.reduce((sum, n) => sum + n.want, 0);
  const least = needs.reduce((sum, n) => sum + n.least, 0);
  let widths: number[];
  const texts = columns.map((column) => KIND[column] === 'text');
  const textCount = texts.filter(Boolean).length;
  if (wanted <= space) {
    // Room to spare: the text columns share it (or, without any, the last column takes it).
    const extra = space - wanted;
    widths = needs.map((n) => n.want);
    if (textCount > 0) {
      const each = Math.floor(extra / textCount);
      widths = widths.map((w, i) => (texts[i] ? w + each : w));
    } else if (widths.length > 0) widths[widths.length - 1] = (widths.at(-1) ?? 0) + extra;
  } else if (least <= space) {
    // Text columns give way, each in proportion to what it can give.
    const give = (wanted - space) / (wanted - least);
    widths = needs.map((n) => Math.floor(n.want - (n.want - n.least) * give));
  } else widths = needs.map((n) => n.least);
  const total = CHECK_COLUMN_PX + widths.reduce((sum, w) => sum + w, 0);
  return { widths, total };
}

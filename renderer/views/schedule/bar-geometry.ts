import type { PlannedWindow } from '../../../electron/api/schemas/planning';
import { KIND_LABELS } from './time';

/**
 * Where a window's bar and its words go on a lane. A bar always spans exactly its window's time on the axis (the
 * truth the planner reads); when the bar is too short for its words, they go beside it (right, or left at the end
 * of the range), and that room is kept free on the bar's track so no other bar or name runs into it.
 */

/** What a bar says under the task; its accessible name has the same words in the same order. */
export function stateWord(w: PlannedWindow): string | null {
  if (w.status === 'done') return 'done';
  if (w.status === 'in-progress') return 'in progress';
  return w.locked ? 'locked' : null;
}

/** A bar of a few minutes still shows as a sliver (a 15-minute window is 4 px on the week). */
const MIN_BAR_PX = 3;
/** Between a bar and its words beside it. */
export const LABEL_GAP_PX = 4;
/** The bar's edges and padding around words written inside it (4 px edge, 4 px, 9 px for the resize grip). */
const BAR_CHROME_PX = 17;
/** Generous widths of a character of the task (12 px bold) and of the state (11 px), and of an icon. */
const KIND_CHAR_PX = 8.5;
const STATE_CHAR_PX = 7;
const ICON_PX = 15;
/** The padding of words beside a bar (they sit on a small plate of the surface colour), and some slack. */
const PLATE_PX = 14;

/** How wide a bar's words are, near enough to keep them clear of the next bar. */
export function labelWidth(w: PlannedWindow): number {
  const kind = KIND_LABELS[w.kind].length * KIND_CHAR_PX;
  const state = stateWord(w);
  const icons =
    (w.conflicts.length > 0 ? ICON_PX : 0) +
    (w.status === 'done' || (state !== null && w.status === 'planned') ? ICON_PX : 0);
  const stateLine = (state?.length ?? 0) * STATE_CHAR_PX + icons;
  return Math.ceil(Math.max(kind, stateLine)) + PLATE_PX;
}

export type LabelSide = 'inside' | 'right' | 'left';

export interface BarGeometry {
  /** The bar: exactly the window's time. */
  readonly left: number;
  readonly width: number;
  /** Where its words are, and how wide they are when beside it. */
  readonly side: LabelSide;
  readonly label: number;
  /** What the bar and its words take on the track, for the bars' tracks. */
  readonly from: number;
  readonly to: number;
}

export function barGeometry(
  w: PlannedWindow,
  startMs: number,
  endMs: number,
  xOf: (ms: number) => number,
  trackWidth: number,
): BarGeometry {
  const left = xOf(startMs);
  const width = Math.max(MIN_BAR_PX, xOf(endMs) - left);
  const label = labelWidth(w);
  if (width >= label + BAR_CHROME_PX)
    return { left, width, side: 'inside', label, from: left, to: left + width };
  const right = left + width + LABEL_GAP_PX + label;
  const leftEnd = left - LABEL_GAP_PX - label;
  if (right <= trackWidth || leftEnd < 0) return { left, width, side: 'right', label, from: left, to: right };
  return { left, width, side: 'left', label, from: leftEnd, to: left + width };
}

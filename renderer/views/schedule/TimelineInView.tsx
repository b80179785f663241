import { DateTime } from 'luxon';
import type { PlannedWindow } from '../../../electron/api/schemas/planning';
import type { VisibleRange } from './time';
import type { InView } from './useTimelineScroll';

/** Within a minute of the edge counts as the edge (scroll positions are whole pixels). */
const EDGE_MS = 60_000;
const QUARTER_MS = 15 * 60_000;

function spanOfDays(fromMs: number, toMs: number, zone: string): string {
  const from = DateTime.fromMillis(fromMs, { zone, locale: 'en-GB' });
  // The last instant before toMs, so a span ending at midnight ends on the day before.
  const to = DateTime.fromMillis(toMs - 1, { zone, locale: 'en-GB' });
  if (from.hasSame(to, 'day')) return from.toFormat('ccc d LLL');
  return `${from.toFormat(from.hasSame(to, 'month') ? 'ccc d' : 'ccc d LLL')} – ${to.toFormat('ccc d LLL')}`;
}

const windowsCount = (n: number) => (n === 1 ? '1 window' : `${n} windows`);

/**
 * Which part of the range the timeline shows, and what is out of sight to either side (with how many windows),
 * since a week or a month is wider than the window. Says nothing when the whole range is in sight.
 */
export function TimelineInView({
  inView,
  range,
  zone,
  windows,
}: {
  inView: InView | null;
  range: VisibleRange;
  zone: string;
  windows: readonly PlannedWindow[];
}) {
  if (!inView) return null;
  const hiddenBefore = inView.fromMs - range.startMs > EDGE_MS;
  const hiddenAfter = range.endMs - inView.toMs > EDGE_MS;
  if (!hiddenBefore && !hiddenAfter) return null;
  const before = windows.filter((w) => Date.parse(w.end) <= inView.fromMs).length;
  const after = windows.filter((w) => Date.parse(w.start) >= inView.toMs).length;
  // To the quarter hour; a span that ends at midnight ends at 24:00 of its day.
  const shown = (ms: number, end = false) => {
    const at = DateTime.fromMillis(Math.round(ms / QUARTER_MS) * QUARTER_MS, { zone, locale: 'en-GB' });
    if (end && at.hour === 0 && at.minute === 0)
      return `${at.minus({ days: 1 }).toFormat('ccc d LLL')} 24:00`;
    return at.toFormat('ccc d LLL HH:mm');
  };
  return (
    <p className="timeline-inview">
      In sight: {shown(inView.fromMs)} – {shown(inView.toMs, true)}.
      {hiddenBefore && (
        <>
          {' '}
          <span aria-hidden="true">◀</span> Scroll left for {spanOfDays(range.startMs, inView.fromMs, zone)} (
          {windowsCount(before)}).
        </>
      )}
      {hiddenAfter && (
        <>
          {' '}
          Scroll right for {spanOfDays(inView.toMs, range.endMs, zone)} ({windowsCount(after)}){' '}
          <span aria-hidden="true">▶</span>.
        </>
      )}
    </p>
  );
}

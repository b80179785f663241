import type { Virtualizer } from '@tanstack/react-virtual';
import { DateTime } from 'luxon';
import { type RefObject, useEffect, useRef, useState } from 'react';
import type { PlannedWindow } from '../../../electron/api/schemas/planning';
import type { Scale, VisibleRange } from './time';
import { LABEL_WIDTH } from './timeline-geometry';
import type { Lane, Row } from './timeline-rows';

/**
 * A new range or filter starts at today when the range holds it, else at its first window (else its start), from
 * the start of that day; what is then out of sight is said above the timeline (useInView, TimelineInView).
 */
export function useScrollToFirstWindow(
  scroller: RefObject<HTMLElement | null>,
  {
    dataKey,
    windows,
    range,
    scale,
    zone,
    xOf,
    hourPx,
  }: {
    /** Changes when another range or filter is loaded. */
    dataKey: string;
    windows: readonly PlannedWindow[];
    range: VisibleRange;
    scale: Scale;
    zone: string;
    xOf: (ms: number) => number;
    hourPx: number;
  },
) {
  const positioned = useRef('');
  useEffect(() => {
    const element = scroller.current;
    if (!element || positioned.current === dataKey) return;
    positioned.current = dataKey;
    const now = Date.now();
    const first = windows.reduce((min, w) => Math.min(min, Date.parse(w.start)), Number.POSITIVE_INFINITY);
    const target =
      now >= range.startMs && now < range.endMs ? now : Number.isFinite(first) ? first : range.startMs;
    // From the start of that day (the day before, on the month scale), so the axis begins with a whole day.
    const day = DateTime.fromMillis(target, { zone })
      .startOf('day')
      .minus({ days: scale === 'month' ? 1 : 0 });
    element.scrollLeft = Math.max(0, scale === 'day' ? xOf(target) - 2 * hourPx : xOf(day.toMillis()));
    element.scrollTop = 0;
  });
}

/** A window chosen elsewhere (the conflicts list, the dialog): scroll to it and give it focus. */
export function useRevealSelected(
  scroller: RefObject<HTMLElement | null>,
  {
    selectedId,
    reveal,
    rows,
    virtualizer,
    xOf,
  }: {
    selectedId: number | null;
    /** Goes up by one each time the selected window should be brought into view. */
    reveal: number;
    rows: readonly Row[];
    virtualizer: Virtualizer<HTMLElement, Element>;
    xOf: (ms: number) => number;
  },
) {
  const revealed = useRef(0);
  useEffect(() => {
    if (reveal === revealed.current || selectedId === null) return;
    const index = rows.findIndex(
      (row) => row.type === 'lane' && row.windows.some((w) => w.id === selectedId),
    );
    const element = scroller.current;
    if (index < 0 || !element) return;
    revealed.current = reveal;
    virtualizer.scrollToIndex(index, { align: 'center' });
    const w = (rows[index] as Lane).windows.find((x) => x.id === selectedId) as PlannedWindow;
    element.scrollLeft = Math.max(0, xOf(Date.parse(w.start)) - (element.clientWidth - LABEL_WIDTH) * 0.3);
    let tries = 0;
    const focus = () => {
      const bar = element.querySelector<HTMLElement>(`[data-window-id="${selectedId}"]`);
      if (bar) bar.focus();
      else if (tries++ < 20) requestAnimationFrame(focus);
    };
    requestAnimationFrame(focus);
  });
}

export interface InView {
  /** The instants at the left and right edges of the lanes in sight. */
  readonly fromMs: number;
  readonly toMs: number;
}

/** What part of the range the timeline shows as it scrolls sideways (and as the window is resized). */
export function useInView(
  scroller: RefObject<HTMLElement | null>,
  { range, pxPerMs }: { range: VisibleRange; pxPerMs: number },
): InView | null {
  const [inView, setInView] = useState<InView | null>(null);
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const fromMs = Math.max(range.startMs, range.startMs + element.scrollLeft / pxPerMs);
      const toMs = Math.min(
        range.endMs,
        range.startMs + (element.scrollLeft + element.clientWidth - LABEL_WIDTH) / pxPerMs,
      );
      setInView((was) => (was && was.fromMs === fromMs && was.toMs === toMs ? was : { fromMs, toMs }));
    };
    const later = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    element.addEventListener('scroll', later, { passive: true });
    const observer = new ResizeObserver(later);
    observer.observe(element);
    later();
    return () => {
      element.removeEventListener('scroll', later);
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scroller, range.startMs, range.endMs, pxPerMs]);
  return inView;
}

import type { Virtualizer } from '@tanstack/react-virtual';
import { DateTime } from 'luxon';
import { type RefObject, useEffect, useRef } from 'react';
import type { PlannedWindow } from '../../../electron/api/schemas/planning';
import type { Scale, VisibleRange } from './time';
import { LABEL_WIDTH } from './timeline-geometry';
import type { Lane, Row } from './timeline-rows';

/** A new range or filter starts at its first window (or now), not at midnight. */
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
    const target = Number.isFinite(first)
      ? first
      : now > range.startMs && now < range.endMs
        ? now
        : range.startMs;
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

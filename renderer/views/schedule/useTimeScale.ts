import { type RefObject, useLayoutEffect, useState } from 'react';
import { HOUR_MS, type Scale, type VisibleRange } from './time';
import { LABEL_WIDTH } from './timeline-geometry';

/** Pixels per hour: the week and the month scroll sideways; the day fits the width when it can. */
const HOUR_PX: Record<Exclude<Scale, 'day'>, number> = { week: 16, month: 3 };
const MIN_DAY_HOUR_PX = 36;

export interface TimeScale {
  readonly pxPerMs: number;
  readonly trackWidth: number;
  /** Where an instant is on the track, in pixels. */
  readonly xOf: (ms: number) => number;
  readonly hourPx: number;
  /** Hours between two hour ticks; 0 for none (the month). */
  readonly hourEvery: number;
}

/** How wide time is on the track, for the scale and (on the day scale) the width of the scroller. */
export function useTimeScale(
  scroller: RefObject<HTMLElement | null>,
  range: VisibleRange,
  scale: Scale,
): TimeScale {
  const [viewWidth, setViewWidth] = useState(1000);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewWidth(element.clientWidth));
    observer.observe(element);
    setViewWidth(element.clientWidth);
    return () => observer.disconnect();
  }, [scroller]);

  const span = range.endMs - range.startMs;
  const pxPerMs =
    scale === 'day'
      ? Math.max(viewWidth - LABEL_WIDTH - 2, 24 * MIN_DAY_HOUR_PX) / span
      : HOUR_PX[scale] / HOUR_MS;
  const trackWidth = Math.round(span * pxPerMs);
  const xOf = (ms: number) => (ms - range.startMs) * pxPerMs;
  const hourPx = HOUR_MS * pxPerMs;
  const hourEvery = scale === 'month' ? 0 : ([1, 2, 3, 6, 12].find((n) => n * hourPx >= 56) ?? 12);
  return { pxPerMs, trackWidth, xOf, hourPx, hourEvery };
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { type RefObject, useEffect, useMemo } from 'react';
import type { PlannedWindow } from '../../../electron/api/schemas/planning';
import { AXIS_HEIGHT, DEPARTMENT_HEIGHT, laneHeight } from './timeline-geometry';
import { rowsOf, tracksOf } from './timeline-rows';

/**
 * The timeline's rows (department headings and device lanes), each lane's tracks, and the virtualizer that
 * draws only the rows in sight.
 */
export function useTimelineRows(
  windows: readonly PlannedWindow[],
  scroller: RefObject<HTMLElement | null>,
  xOf: (ms: number) => number,
  pxPerMs: number,
  rangeStart: number,
  trackWidth: number,
) {
  const rows = useMemo(() => rowsOf(windows), [windows]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: xOf follows from the range start and the scale
  const layout = useMemo(
    () => rows.map((row) => (row.type === 'lane' ? tracksOf(row.windows, xOf, trackWidth) : null)),
    [rows, pxPerMs, rangeStart, trackWidth],
  );
  const heights = layout.map((l) => l?.count ?? 0).join(',');
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => {
      const lane = layout[index];
      return lane ? laneHeight(lane.count) : DEPARTMENT_HEIGHT;
    },
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 6,
    scrollMargin: AXIS_HEIGHT,
  });
  // Lanes grow and shrink with their tracks: the virtualizer measures again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `heights` sums up what changed
  useEffect(() => virtualizer.measure(), [heights]);
  return { rows, layout, virtualizer };
}

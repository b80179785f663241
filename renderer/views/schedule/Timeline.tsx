import { useRef } from 'react';
import type { PlannedWindow } from '../../../electron/api/schemas/planning';
import { ScrollRegion } from '../../components/ScrollRegion';
import { useScheduleStore } from '../../stores/schedule';
import { DepartmentRow } from './DepartmentRow';
import { DeviceLane } from './DeviceLane';
import { TimelineAxis, TimelineGrid } from './TimelineAxis';
import { TimelineInView } from './TimelineInView';
import { TimelineLegend } from './TimelineLegend';
import { TimelineToolbar } from './TimelineToolbar';
import { rangeText, type Scale, type VisibleRange } from './time';
import { AXIS_HEIGHT, LABEL_WIDTH } from './timeline-geometry';
import type { Row } from './timeline-rows';
import { useTimelineRows } from './useTimelineRows';
import { useInView, useRevealSelected, useScrollToFirstWindow } from './useTimelineScroll';
import { useTimeScale } from './useTimeScale';

interface Props {
  readonly windows: readonly PlannedWindow[];
  /** Changes when another range or filter is loaded (the view then scrolls to the first window). */
  readonly dataKey: string;
  readonly range: VisibleRange;
  readonly scale: Scale;
  readonly zone: string;
  /** Maintenance slots of a department in the range, for the light bands behind its lanes. */
  readonly slotsOf: (
    site: string,
    department: string,
  ) => readonly { start: number; end: number; label: string }[];
  onFindNext(): void;
}

export function Timeline({ windows, dataKey, range, scale, zone, slotsOf, onFindNext }: Props) {
  const selectedId = useScheduleStore((state) => state.selectedId);
  const reveal = useScheduleStore((state) => state.reveal);
  const message = useScheduleStore((state) => state.message);
  const { openForm, change, select } = useScheduleStore.getState();
  const scroller = useRef<HTMLElement>(null);
  const { pxPerMs, trackWidth, xOf, hourPx, hourEvery } = useTimeScale(scroller, range, scale);
  const { rows, layout, virtualizer } = useTimelineRows(
    windows,
    scroller,
    xOf,
    pxPerMs,
    range.startMs,
    trackWidth,
  );
  const total = virtualizer.getTotalSize();
  useScrollToFirstWindow(scroller, { dataKey, windows, range, scale, zone, xOf, hourPx });
  useRevealSelected(scroller, { selectedId, reveal, rows, virtualizer, xOf });
  const inView = useInView(scroller, { range, pxPerMs });

  const ticks = { range, scale, zone, trackWidth, xOf, hourEvery };
  return (
    <section className="panel timeline-panel" aria-labelledby="timeline-heading">
      <TimelineToolbar range={range} scale={scale} zone={zone} />
      <p className="timeline-hint">
        Drag a window to move it and its right edge to change its end (in steps of 15 minutes); drag across an
        empty part of a device's row to plan a new window. Keyboard: Tab to a window, <kbd>←</kbd>{' '}
        <kbd>→</kbd> move it by 15 minutes (with <kbd>Shift</kbd> by an hour), <kbd>+</kbd> <kbd>−</kbd>{' '}
        lengthen or shorten it by 15 minutes, <kbd>Enter</kbd> opens it. Every change is saved at once; a
        window that breaks a rule is saved and marked.
      </p>
      <TimelineLegend />
      <p role="status" className={`timeline-status${message?.problem ? ' problem' : ''}`}>
        {message?.text}
      </p>
      {rows.length === 0 && (
        <div className="timeline-empty">
          <p>
            No windows {scale === 'day' ? 'on' : 'in'} {rangeText(scale, range, zone)}.
          </p>
          <button type="button" className="button-quiet" onClick={onFindNext}>
            Go to the next planned window
          </button>
        </div>
      )}
      {rows.length > 0 && <TimelineInView inView={inView} range={range} zone={zone} windows={windows} />}
      <ScrollRegion
        ref={scroller}
        className="timeline-scroll"
        label={`Timeline, ${rangeText(scale, range, zone)}`}
      >
        <div
          className="timeline-canvas"
          style={{ width: LABEL_WIDTH + trackWidth, height: AXIS_HEIGHT + total }}
        >
          <TimelineAxis {...ticks} />
          <TimelineGrid {...ticks} height={total} />
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index] as Row;
            const style = { transform: `translateY(${item.start}px)`, height: item.size };
            if (row.type === 'department')
              return <DepartmentRow key={item.key} department={row} style={style} />;
            return (
              <DeviceLane
                key={item.key}
                lane={row}
                style={style}
                trackWidth={trackWidth}
                xOf={xOf}
                pxPerMs={pxPerMs}
                rangeStart={range.startMs}
                tracks={layout[item.index]?.track ?? new Map()}
                slots={slotsOf(row.site, row.department)}
                selectedId={selectedId}
                onChange={change}
                onOpen={(w) => {
                  select(w.id);
                  openForm({ mode: 'edit', window: w });
                }}
                onCreate={(start, end) =>
                  openForm({
                    mode: 'create',
                    deviceId: row.deviceId,
                    deviceLabel: `${row.assetTag}${row.model ? ` (${row.model})` : ''}`,
                    zone: row.zone,
                    start,
                    end,
                  })
                }
              />
            );
          })}
        </div>
      </ScrollRegion>
    </section>
  );
}

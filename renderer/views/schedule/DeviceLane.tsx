import type { CSSProperties } from 'react';
import type { PlannedWindow } from '../../../electron/api/schemas/planning';
import { spanText } from './time';
import { BAR_GAP, BAR_HEIGHT, LABEL_WIDTH, LANE_PADDING } from './timeline-geometry';
import { barKey, type Lane } from './timeline-rows';
import { useDrawWindow } from './useDrawWindow';
import { WindowBar } from './WindowBar';

interface Props {
  readonly lane: Lane;
  readonly style: CSSProperties;
  readonly trackWidth: number;
  readonly xOf: (ms: number) => number;
  readonly pxPerMs: number;
  readonly rangeStart: number;
  /** The track of each bar (by its key), from tracksOf. */
  readonly tracks: ReadonlyMap<string | number, number>;
  readonly slots: readonly { start: number; end: number; label: string }[];
  readonly selectedId: number | null;
  onChange(w: PlannedWindow, start: number, end: number): void;
  onOpen(w: PlannedWindow): void;
  onCreate(start: number, end: number): void;
}

/** One device's row: its label, its department's maintenance slots, and its windows on their tracks. */
export function DeviceLane({
  lane,
  style,
  trackWidth,
  xOf,
  pxPerMs,
  rangeStart,
  tracks,
  slots,
  selectedId,
  onChange,
  onOpen,
  onCreate,
}: Props) {
  const draw = useDrawWindow(rangeStart, pxPerMs, onCreate);
  const ghost = draw.ghost;

  return (
    <div className="timeline-row timeline-lane" style={style}>
      <div className="lane-label" style={{ width: LABEL_WIDTH }}>
        <span className="lane-tag">{lane.assetTag}</span>
        <span className="lane-model">{[lane.model, lane.modality].filter(Boolean).join(' · ')}</span>
      </div>
      <div
        className="lane-track"
        style={{ width: trackWidth }}
        onPointerDown={draw.onPointerDown}
        onPointerMove={draw.onPointerMove}
        onPointerUp={draw.onPointerUp}
        onPointerCancel={draw.onPointerCancel}
      >
        {slots.map((slot) => (
          <span
            key={slot.start}
            className="slot-band"
            title={slot.label}
            style={{ left: xOf(slot.start), width: xOf(slot.end) - xOf(slot.start) }}
          />
        ))}
        {ghost && (
          <span
            className="lane-ghost"
            style={{ left: xOf(ghost.start), width: xOf(ghost.end) - xOf(ghost.start) }}
          >
            {spanText(ghost.start, ghost.end, lane.zone)}
          </span>
        )}
        {lane.windows.map((w) => (
          <WindowBar
            key={barKey(w)}
            window={w}
            top={LANE_PADDING + (tracks.get(barKey(w)) ?? 0) * (BAR_HEIGHT + BAR_GAP)}
            height={BAR_HEIGHT}
            xOf={xOf}
            pxPerMs={pxPerMs}
            trackWidth={trackWidth}
            selected={w.id !== null && w.id === selectedId}
            onChange={onChange}
            onOpen={onOpen}
          />
        ))}
      </div>
    </div>
  );
}

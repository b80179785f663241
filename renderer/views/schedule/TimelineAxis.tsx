import { dayTicks, hourTicks, type Scale, type VisibleRange } from './time';
import { AXIS_HEIGHT, LABEL_WIDTH } from './timeline-geometry';

interface Props {
  readonly range: VisibleRange;
  readonly scale: Scale;
  readonly zone: string;
  readonly trackWidth: number;
  readonly xOf: (ms: number) => number;
  /** Hours between two hour ticks; 0 for none. */
  readonly hourEvery: number;
}

/** The header above the lanes: days, and hours when they fit. */
export function TimelineAxis({ range, scale, zone, trackWidth, xOf, hourEvery }: Props) {
  return (
    <div className="timeline-axis" style={{ height: AXIS_HEIGHT }}>
      <div className="timeline-corner" style={{ width: LABEL_WIDTH }}>
        Device
      </div>
      <div className="timeline-axis-track" style={{ left: LABEL_WIDTH, width: trackWidth }}>
        {dayTicks(range, scale, zone).map((tick) => (
          <span key={tick.ms} className="tick-day" style={{ left: xOf(tick.ms) }}>
            {tick.label}
          </span>
        ))}
        {hourEvery > 0 &&
          hourTicks(range, zone, hourEvery).map((tick) => (
            <span key={tick.ms} className="tick-hour" style={{ left: xOf(tick.ms) }}>
              {tick.label}
            </span>
          ))}
      </div>
    </div>
  );
}

/** The lines behind the lanes: hours, days, and now. */
export function TimelineGrid({
  range,
  scale,
  zone,
  trackWidth,
  xOf,
  hourEvery,
  height,
}: Props & { readonly height: number }) {
  const now = Date.now();
  return (
    <div
      className="timeline-grid"
      aria-hidden="true"
      style={{ left: LABEL_WIDTH, width: trackWidth, height }}
    >
      {hourEvery > 0 &&
        hourTicks(range, zone, scale === 'day' ? 1 : hourEvery).map((tick) => (
          <span key={tick.ms} className="grid-hour" style={{ left: xOf(tick.ms) }} />
        ))}
      {dayTicks(range, scale, zone).map((tick) => (
        <span key={tick.ms} className="grid-day" style={{ left: xOf(tick.ms) }} />
      ))}
      {now > range.startMs && now < range.endMs && <span className="grid-now" style={{ left: xOf(now) }} />}
    </div>
  );
}

import { useScheduleStore } from '../../stores/schedule';
import { rangeText, type Scale, stepAnchor, type VisibleRange } from './time';

const SCALES: readonly { id: Scale; label: string }[] = [
  { id: 'day', label: 'Day' },
  { id: 'week', label: 'Week' },
  { id: 'month', label: 'Month' },
];

/** The timeline's heading, its scale, the steps back and forth in time, and the range shown. */
export function TimelineToolbar({ range, scale, zone }: { range: VisibleRange; scale: Scale; zone: string }) {
  const { setScale, goTo } = useScheduleStore.getState();
  const unit = scale === 'day' ? 'day' : scale === 'week' ? 'week' : 'month';
  return (
    <div className="timeline-toolbar">
      <h2 id="timeline-heading">Timeline</h2>
      <fieldset className="segmented">
        <legend className="visually-hidden">Scale</legend>
        {SCALES.map((s) => (
          <button
            key={s.id}
            type="button"
            className="button-quiet"
            aria-pressed={scale === s.id}
            onClick={() => setScale(s.id)}
          >
            {s.label}
          </button>
        ))}
      </fieldset>
      <fieldset className="segmented">
        <legend className="visually-hidden">Move in time</legend>
        <button type="button" className="button-quiet" onClick={() => goTo(stepOf(-1))}>
          <span aria-hidden="true">‹ </span>Previous {unit}
        </button>
        <button type="button" className="button-quiet" onClick={() => goTo(null)}>
          Today
        </button>
        <button type="button" className="button-quiet" onClick={() => goTo(stepOf(1))}>
          Next {unit}
          <span aria-hidden="true"> ›</span>
        </button>
      </fieldset>
      <p className="timeline-range">
        <strong>{rangeText(scale, range, zone)}</strong>{' '}
        <span className="timeline-zone">times in {zone}</span>
      </p>
    </div>
  );

  function stepOf(direction: -1 | 1) {
    return stepAnchor(scale, range.from, direction, zone);
  }
}

import { DoneIcon, LockIcon, WarningIcon } from './Icons';
import { KIND_LABELS } from './time';

export function TimelineLegend() {
  return (
    <ul className="timeline-legend" aria-label="Legend">
      {(['isolation', 'patch', 'qc', 'reconnection'] as const).map((kind) => (
        <li key={kind}>
          <span className={`legend-swatch bar-${kind}`} /> {KIND_LABELS[kind]}
        </li>
      ))}
      <li>
        <LockIcon /> locked: placed by hand, the auto-planner leaves it
      </li>
      <li>
        <DoneIcon /> done
      </li>
      <li>
        <span className="legend-conflict">
          <WarningIcon />
        </span>{' '}
        breaks a rule (see Conflicts)
      </li>
      <li>
        <span className="legend-swatch slot-band-swatch" /> maintenance slot
      </li>
      <li>
        <span className="legend-beside" aria-hidden="true">
          QC
        </span>{' '}
        a short window's name beside its bar (every bar spans its true time)
      </li>
    </ul>
  );
}

import type { PlannedWindow } from '../../../electron/api/schemas/planning';
import { WarningIcon } from './Icons';
import { spanText } from './time';

/** What the dialog says about an existing window: when, what, where, who, its state and the rules it breaks. */
export function WindowFacts({ window: w }: { window: PlannedWindow }) {
  const zone = w.timeZone;
  return (
    <>
      <dl className="facts window-facts">
        <dt>When</dt>
        <dd>
          {spanText(Date.parse(w.start), Date.parse(w.end), zone)}{' '}
          <span className="field-help">({zone})</span>
        </dd>
        <dt>Device</dt>
        <dd>{[w.assetTag, w.model, w.modality].filter(Boolean).join(' · ')}</dd>
        <dt>Where</dt>
        <dd>{[w.site, w.department, w.location].filter(Boolean).join(' · ')}</dd>
        <dt>Team</dt>
        <dd>{w.team ? `${w.team}${w.teamContact ? ` (${w.teamContact})` : ''}` : 'none assigned'}</dd>
        <dt>Status</dt>
        <dd>
          {w.status === 'in-progress' ? 'in progress' : w.status}
          {w.status === 'planned' &&
            (w.locked ? ', locked (placed by hand)' : ', placed by the auto-planner')}
          {w.status === 'done' &&
            w.plannedStart &&
            w.plannedEnd &&
            `, planned for ${spanText(Date.parse(w.plannedStart), Date.parse(w.plannedEnd), zone)}`}
        </dd>
        {w.note && (
          <>
            <dt>Note</dt>
            <dd>{w.note}</dd>
          </>
        )}
      </dl>
      {w.conflicts.length > 0 && (
        <div className="dialog-conflicts">
          <h3>
            <WarningIcon /> Breaks {w.conflicts.length === 1 ? 'a rule' : `${w.conflicts.length} rules`}
          </h3>
          <ul className="issue-list">
            {w.conflicts.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

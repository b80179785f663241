import type { PlannedWindow } from '../../../electron/api/schemas/planning';
import { call } from '../../api';
import { useLiveQuery } from '../../live-query';
import { useScheduleStore, windowTitle } from '../../stores/schedule';
import { WarningIcon } from './Icons';
import { dateOfIso } from './time';

interface Props {
  /** The windows in the visible range (with unsaved moves applied). */
  readonly windows: readonly PlannedWindow[];
  /** Windows with a conflict anywhere in time, in every department. */
  readonly conflictCount: number;
  readonly department: string;
}

/**
 * Every window that breaks a rule, with the rules in words. Choosing one shows it on the timeline. When some
 * lie outside the visible range, the whole plan of the department is read to find them.
 */
export function ConflictsList({ windows, conflictCount, department }: Props) {
  const overrides = useScheduleStore((state) => state.overrides);
  const { select, goTo } = useScheduleStore.getState();
  const here = windows.filter((w) => w.conflicts.length > 0);
  const needAll = conflictCount > here.length;
  const everywhere = useLiveQuery(
    () =>
      needAll
        ? call('listWindows', department ? { department } : {})
        : Promise.resolve({ ok: true as const, value: null, changed: [] }),
    ['planning', 'devices'],
    `conflicts|${needAll}|${department}|${conflictCount}`,
  );
  const all = everywhere.value
    ? everywhere.value.windows.map((w) => (w.id !== null && overrides.get(w.id)) || w)
    : [];
  const shown = (needAll && everywhere.value ? all : here)
    .filter((w) => w.conflicts.length > 0)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const elsewhere = Math.max(0, conflictCount - shown.length);

  return (
    <section className="panel conflicts-panel" aria-labelledby="conflicts-heading">
      <h2 id="conflicts-heading">Conflicts ({shown.length})</h2>
      {shown.length === 0 ? (
        <p className="field-help">
          {elsewhere > 0
            ? `No window ${department ? `in ${department} ` : ''}breaks a rule.`
            : 'No window breaks a rule: every window fits its department’s availability rules and its team’s hours.'}
        </p>
      ) : (
        <ul className="conflict-list">
          {shown.map((w) => (
            <li key={w.id}>
              <WarningIcon />{' '}
              <button
                type="button"
                className="link-button conflict-window"
                onClick={() => {
                  goTo(dateOfIso(w.start, w.timeZone));
                  select(w.id, true);
                }}
              >
                {windowTitle(w)}
              </button>
              <span className="conflict-department"> · {w.department}</span>
              <ul className="conflict-reasons">
                {w.conflicts.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {elsewhere > 0 && (
        <p className="field-help">
          {elsewhere} more {elsewhere === 1 ? 'window breaks' : 'windows break'} a rule in other departments.
        </p>
      )}
    </section>
  );
}

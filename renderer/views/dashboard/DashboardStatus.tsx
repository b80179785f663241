import { DEVICE_GROUP_LABELS, type DeviceGroup } from '../../../electron/api/device-groups';
import type { Dashboard, StatusFigures } from '../../../electron/api/schemas/dashboard';
import { OverflowScroll } from '../../components/ScrollRegion';
import { Term } from '../../components/Term';
import { groupHref, hrefOf } from '../../stores/navigation';
import '../../styles/dashboard.css';

const TILES: readonly { key: keyof StatusFigures; group: DeviceGroup; label: string; help: string }[] = [
  { key: 'affected', group: 'affected', label: 'Affected', help: 'devices an advisory affects' },
  { key: 'exposed', group: 'exposed', label: 'Exposed', help: 'affected, neither isolated nor patched' },
  { key: 'isolatedAwaitingPatch', group: 'isolated', label: 'Isolated', help: 'not yet patched' },
  { key: 'patched', group: 'patched', label: 'Patched', help: 'QC still to do' },
  { key: 'verified', group: 'verified', label: 'Verified', help: 'QC passed' },
  { key: 'riskAccepted', group: 'risk-accepted', label: 'Risk accepted', help: 'with a review date' },
  { key: 'notAffected', group: 'not-affected', label: 'Not affected', help: 'decided, with a reason' },
];

/** The first windows of the week; the schedule has them all. */
const NEXT_SHOWN = 8;

const TASK: Record<Dashboard['nextWindows'][number]['kind'], string> = {
  isolation: 'Isolation',
  patch: 'Patch',
  qc: 'Quality control',
  reconnection: 'Reconnection',
};

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/**
 * "Mon 2026-11-30 18:00–19:00": the weekday, the ISO date the reports use, and the times (the end's date too when
 * the window ends on another day). Local times of the site, as the core gives them ('YYYY-MM-DD HH:mm').
 */
export function whenText(start: string, end: string): string {
  const day = start.slice(0, 10);
  const weekday = WEEKDAYS[new Date(`${day}T12:00:00Z`).getUTCDay()];
  return `${weekday} ${start}–${end.slice(0, 10) === day ? end.slice(11) : end}`;
}

/** "Mon 2026-11-30 18:00–19:00", which breaks between the date and the times in a narrow panel. */
function WhenText({ start, end }: { start: string; end: string }) {
  const text = whenText(start, end);
  const at = text.indexOf(' ', text.indexOf(' ') + 1);
  if (at < 0) return <>{text}</>;
  return (
    <>
      <span className="nowrap">{text.slice(0, at)}</span> <span className="nowrap">{text.slice(at + 1)}</span>
    </>
  );
}

/** The status report's figures as tiles, what needs action, the burn-down and the next seven days. */
export function DashboardStatus({ figures }: { figures: Dashboard }) {
  const { status } = figures;
  return (
    <>
      <section className="dashboard-alerts" aria-labelledby="dashboard-alerts-title">
        <h2 id="dashboard-alerts-title">Needs action</h2>
        {figures.alerts.length === 0 && figures.conflictingWindows === 0 ? (
          <p className="view-intro">Nothing needs action now.</p>
        ) : (
          <ul>
            {figures.alerts.map((alert) => (
              <li key={alert.group} className="dashboard-alert" data-testid={`alert-${alert.group}`}>
                <a href={groupHref(alert.group)}>{alert.text}</a>
              </li>
            ))}
            {figures.conflictingWindows > 0 && (
              <li className="dashboard-alert" data-testid="alert-conflicts">
                <a href={hrefOf('schedule')}>
                  {figures.conflictingWindows === 1
                    ? '1 planned window breaks a rule'
                    : `${figures.conflictingWindows} planned windows break a rule`}{' '}
                  (the conflicts list in the schedule says which and why).
                </a>
              </li>
            )}
          </ul>
        )}
      </section>
      <section aria-labelledby="dashboard-status-title">
        <h2 id="dashboard-status-title">
          Status: {status.percentComplete} % complete{' '}
          <span className="dashboard-note">(patched or verified, of the affected devices)</span>
        </h2>
        <ul className="tiles status-tiles" aria-label="Devices by status">
          {TILES.map((tile) => (
            <li key={tile.key}>
              <a
                className="tile tile-link"
                href={groupHref(tile.group)}
                title={DEVICE_GROUP_LABELS[tile.group]}
                data-testid={`status-${tile.group}`}
              >
                <span className="tile-figure">{status[tile.key]}</span>
                <span className="tile-label">{tile.label}</span>
                <span className="tile-help">{tile.help}</span>
              </a>
              {tile.key === 'exposed' && <Term term="exposure" label="What “exposed” means" />}
            </li>
          ))}
        </ul>
      </section>
      <div className="dashboard-columns">
        <section className="panel" aria-labelledby="dashboard-burn-down-title">
          <h2 id="dashboard-burn-down-title">Burn-down</h2>
          <div
            className="dashboard-chart"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: an <svg> from the core's escaping HTML builder (electron/core/reports/chart.ts), with figures and dates only
            dangerouslySetInnerHTML={{ __html: figures.burnDown.svg }}
          />
        </section>
        <section className="panel" aria-labelledby="dashboard-next-title">
          <h2 id="dashboard-next-title">Next 7 days</h2>
          {figures.nextWindows.length === 0 ? (
            <p className="view-intro">
              Nothing planned for the next 7 days. The <a href={hrefOf('schedule')}>schedule</a> plans the
              work.
            </p>
          ) : (
            <OverflowScroll label="Next 7 days, scrolls sideways">
              <table className="table table-compact dashboard-next">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Task</th>
                    <th scope="col">Device</th>
                    <th scope="col">Department</th>
                  </tr>
                </thead>
                <tbody>
                  {figures.nextWindows.slice(0, NEXT_SHOWN).map((w) => (
                    <tr key={w.id}>
                      <td className="cell-wraps">
                        <WhenText start={w.start} end={w.end} />
                      </td>
                      <td>{TASK[w.kind]}</td>
                      <td>{w.assetTag}</td>
                      <td className="cell-wraps">{w.department}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {figures.nextWindows.length > NEXT_SHOWN && (
                <p className="dashboard-note">
                  And {figures.nextWindows.length - NEXT_SHOWN} more in the{' '}
                  <a href={hrefOf('schedule')}>schedule</a>.
                </p>
              )}
            </OverflowScroll>
          )}
        </section>
      </div>
    </>
  );
}

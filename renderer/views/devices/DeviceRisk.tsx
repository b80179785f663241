import { type FormEvent, useEffect, useId, useState } from 'react';
import type { CompensatingControls, DeviceDetail } from '../../../electron/api/schemas/devices';
import { call } from '../../api';
import { SeverityBadge } from '../../components/SeverityBadge';
import { hrefOf } from '../../stores/navigation';
import { RiskAcceptance } from './RiskAcceptance';

const CONTROLS: [keyof CompensatingControls, string][] = [
  ['dedicatedSegment', 'In a dedicated network segment'],
  ['firewallBlocksPorts', 'Firewall rules block the affected ports'],
  ['vpnOnlyRemoteAccess', 'Remote access only through a VPN'],
  ['notInternetReachable', 'Not reachable from the internet'],
];
const STATUS = {
  confirmed: 'Affected',
  'needs-review': 'Affected, needs review',
  suggested: 'Suggested',
  rejected: 'Rejected',
};

/** A match's status in words; an uncertain one a person has assessed since is no longer waiting for review. */
const statusOf = (match: DeviceDetail['matches'][number]) =>
  match.status === 'needs-review' && !match.awaitingPerson
    ? 'Affected, assessed by a person'
    : STATUS[match.status];

/**
 * Why the device is affected, how urgent it is, and what protects it until the patch; for a risk-accepted device,
 * the acceptance after it.
 */
export function DeviceRisk({ detail }: { detail: DeviceDetail }) {
  const [network, setNetwork] = useState(detail.networkState);
  const [controls, setControls] = useState<CompensatingControls>(detail.controls);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  const ids = { network: useId(), reason: useId() };
  // Reset for another device or a newer version of it, not for a reload of the same one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on identity and version on purpose
  useEffect(() => {
    setNetwork(detail.networkState);
    setControls(detail.controls);
  }, [detail.id, detail.updatedAt]);

  async function save(changes: Record<string, unknown>) {
    const result = await call('updateDevice', { id: detail.id, changes });
    setMessage(result.ok ? 'Saved.' : result.error.message);
  }
  const saveProtection = (event: FormEvent) => {
    event.preventDefault();
    void save({ networkState: network, controls });
  };
  const markNotAffected = (event: FormEvent) => {
    event.preventDefault();
    void save({ state: 'not-affected', stateReason: reason });
  };
  // Matching makes a device affected only when it is sure; an uncertain match waits for this decision.
  const toAssess = detail.state === 'unassessed' && detail.matches.some((m) => m.status === 'needs-review');

  return (
    <>
      <section aria-labelledby="risk-heading">
        <h3 id="risk-heading">
          Advisories
          {detail.priority !== null && <span className="priority"> · priority {detail.priority}</span>}
        </h3>
        {detail.matches.length === 0 ? (
          <p className="field-help">No advisory matches this device.</p>
        ) : (
          <ul className="issue-list">
            {detail.matches.map((m) => (
              <li key={m.advisory}>
                <a href={hrefOf('advisories', encodeURIComponent(m.advisory))}>{m.advisory}</a> ({statusOf(m)}
                , CVSS <SeverityBadge score={m.maxCvss} />, patch {m.patch.replace(/-/g, ' ')}
                ): {m.reason}
              </li>
            ))}
          </ul>
        )}
        <form className="edit-form" onSubmit={saveProtection} aria-label="Network and compensating controls">
          <div className="field">
            <label htmlFor={ids.network}>Network</label>
            <select
              id={ids.network}
              value={network}
              onChange={(event) => setNetwork(event.target.value as typeof network)}
            >
              <option value="connected">Connected</option>
              <option value="isolated">Isolated in a dedicated segment</option>
              <option value="disconnected">Disconnected, stand-alone</option>
            </select>
          </div>
          <fieldset className="controls">
            <legend>Compensating controls</legend>
            {CONTROLS.map(([key, label]) => (
              <label key={key} className="checkbox">
                <input
                  type="checkbox"
                  checked={controls[key] === true}
                  onChange={(event) => setControls({ ...controls, [key]: event.target.checked })}
                />
                {label}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button-quiet">
            Save protection
          </button>
        </form>
        {toAssess && (
          <div className="edit-form">
            <p className="field-help">
              Whether this device is affected needs a person: check what the reason above leaves open (its
              software version or operating system), then decide.
            </p>
            <button type="button" className="button-quiet" onClick={() => void save({ state: 'affected' })}>
              Mark affected
            </button>
          </div>
        )}
        {detail.state !== 'not-affected' && detail.matches.length > 0 && (
          <form className="edit-form" onSubmit={markNotAffected} aria-label="Mark not affected">
            <div className="field">
              <label htmlFor={ids.reason}>Why this device is not affected</label>
              <textarea
                id={ids.reason}
                value={reason}
                rows={2}
                onChange={(event) => setReason(event.target.value)}
              />
            </div>
            <button type="submit" className="button-quiet" disabled={reason.trim() === ''}>
              Mark not affected
            </button>
          </form>
        )}
        {detail.state === 'not-affected' && <p>Marked not affected: {detail.stateReason}</p>}
        <p role="status">{message}</p>
      </section>
      {detail.state === 'risk-accepted' && <RiskAcceptance detail={detail} />}
    </>
  );
}

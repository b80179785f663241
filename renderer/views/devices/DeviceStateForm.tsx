import { type FormEvent, useEffect, useId, useState } from 'react';
import {
  canMove,
  isSideState,
  NEXT_STATES,
  needsApproval,
  needsReason,
  SIDE_STATES,
} from '../../../electron/api/device-lifecycle';
import type { DeviceDetail, DeviceState } from '../../../electron/api/schemas/devices';
import { call } from '../../api';
import { STATE_LABELS } from '../../labels';
import { todayIn } from '../../site-time';
import { useSettingsStore } from '../../stores/settings';
import { ApprovalFields } from './ApprovalFields';
import { ReasonField } from './ReasonField';

const LABEL: Record<DeviceState, string> = { ...STATE_LABELS, verified: 'Verified (QC passed)' };

/** What each step means for the device, shown under the choice. */
const EFFECT: Partial<Record<DeviceState, string>> = {
  isolated: 'The device counts as isolated in a dedicated network segment from now on.',
  reconnected: 'The device counts as connected to the clinical network again.',
  'risk-accepted': 'Its open windows are cancelled; the risk is looked at again on the review date.',
  'not-affected': 'Its open windows are cancelled.',
  decommissioned: 'Its open windows are cancelled.',
};

/** The lifecycle's next steps from a state, and the side states it may enter instead (the core decides). */
export const stateTargets = (from: DeviceState) => ({
  steps: NEXT_STATES[from].filter((to) => !isSideState(to)),
  side: SIDE_STATES.filter((to) => canMove(from, to)),
});

/** Moves the device along its lifecycle through `setDeviceState`; the core's refusal is shown as it says it. */
export function DeviceStateForm({ detail }: { detail: DeviceDetail }) {
  const { steps, side } = stateTargets(detail.state);
  const first = steps[0] ?? side[0] ?? detail.state;
  const [to, setTo] = useState<DeviceState>(first);
  const [reason, setReason] = useState('');
  const [approver, setApprover] = useState('');
  const [reviewDate, setReviewDate] = useState('');
  const [refusal, setRefusal] = useState('');
  const [message, setMessage] = useState('');
  const ids = {
    heading: useId(),
    to: useId(),
    effect: useId(),
  };
  // Another device, or this one in a new state: start again from its own choices.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on identity and state on purpose, not on a reload
  useEffect(() => {
    setTo(first);
    setReason('');
    setApprover('');
    setReviewDate('');
    setRefusal('');
  }, [detail.id, detail.state]);

  const reasonNeeded = needsReason(to);
  const approvalNeeded = needsApproval(to);
  const today = todayIn(useSettingsStore((state) => state.settings?.siteTimeZone) ?? 'UTC');
  const device = detail.assetTag ?? detail.serial ?? `Device ${detail.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage('');
    const result = await call('setDeviceState', {
      deviceId: detail.id,
      state: to,
      ...(reasonNeeded && reason.trim() && { reason: reason.trim() }),
      ...(approvalNeeded && approver.trim() && { approver: approver.trim() }),
      ...(approvalNeeded && reviewDate && { reviewDate }),
    });
    if (result.ok) {
      setRefusal('');
      setMessage(`${device} is now ${LABEL[result.value.to].toLowerCase()}.`);
    } else {
      setRefusal(result.error.message);
    }
  }

  return (
    <form className="edit-form device-state-form" onSubmit={submit} aria-labelledby={ids.heading} noValidate>
      <h3 id={ids.heading}>State</h3>
      <p className="field-help">
        Now {LABEL[detail.state].toLowerCase()}. Only the steps its lifecycle allows from here are offered:
        isolate first, patch, verify (QC), then reconnect.
        {detail.state === 'risk-accepted' &&
          ' To extend the review date, use "Renew or change the acceptance" above: the device stays risk accepted.'}
      </p>
      <div className="field">
        <label htmlFor={ids.to}>New state</label>
        <select
          id={ids.to}
          value={to}
          aria-describedby={EFFECT[to] ? ids.effect : undefined}
          onChange={(event) => setTo(event.target.value as DeviceState)}
        >
          {steps.length > 0 && (
            <optgroup label="Next steps">
              {steps.map((state) => (
                <option key={state} value={state}>
                  {LABEL[state]}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label="Instead">
            {side.map((state) => (
              <option key={state} value={state}>
                {LABEL[state]}
              </option>
            ))}
          </optgroup>
        </select>
        {EFFECT[to] && (
          <p id={ids.effect} className="field-help">
            {EFFECT[to]}
          </p>
        )}
      </div>
      {reasonNeeded && <ReasonField value={reason} onChange={setReason} />}
      {approvalNeeded && (
        <ApprovalFields
          approver={approver}
          onApprover={setApprover}
          reviewDate={reviewDate}
          onReviewDate={setReviewDate}
          reviewLabel="Review date"
          today={today}
        />
      )}
      {refusal && (
        <p role="alert" className="problem">
          {refusal}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button-primary">
          Change state
        </button>
        <span role="status">{message}</span>
      </div>
    </form>
  );
}

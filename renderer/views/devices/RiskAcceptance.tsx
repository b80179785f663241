import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { REVIEW_NOTICE_DAYS } from '../../../electron/api/device-lifecycle';
import type { DeviceDetail } from '../../../electron/api/schemas/devices';
import { call } from '../../api';
import { BadgeShape } from '../../components/BadgeShape';
import { todayIn } from '../../site-time';
import { useSettingsStore } from '../../stores/settings';
import { ApprovalFields } from './ApprovalFields';
import { ReasonField } from './ReasonField';

export interface Acceptance {
  readonly reason: string | null;
  readonly approver: string | null;
  readonly reviewDate: string | null;
}

const DAY_MS = 86_400_000;

/** The acceptance in force, as the device records it. */
export const acceptanceOf = (detail: DeviceDetail): Acceptance => ({
  reason: detail.stateReason,
  approver: detail.riskApprover,
  reviewDate: detail.riskReviewDate,
});

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** Where the review stands, in words: passed, today, within the dashboard's notice, or not yet. */
function reviewNote(reviewDate: string, today: string): { words: string; overdue: boolean } | null {
  const days = daysBetween(today, reviewDate);
  if (days < 0)
    return {
      words: `Due for review: the date passed ${-days} day${days === -1 ? '' : 's'} ago`,
      overdue: true,
    };
  if (days === 0) return { words: 'Due for review today', overdue: true };
  if (days <= REVIEW_NOTICE_DAYS)
    return { words: `Due for review in ${days} day${days === 1 ? '' : 's'}`, overdue: false };
  return null;
}

/**
 * A risk-accepted device's acceptance: reason, approver and review date, with "due for review" once the date is
 * near or has passed, and "Renew or change the acceptance", which saves a new review date (and reason or
 * approver if they changed) as the same state again: `setDeviceState` risk accepted -> risk accepted, audited, as
 * `isopatch set-state ... risk-accepted` does.
 */
export function RiskAcceptance({ detail }: { detail: DeviceDetail }) {
  const zone = useSettingsStore((state) => state.settings?.siteTimeZone) ?? 'UTC';
  const today = todayIn(zone);
  const current = acceptanceOf(detail);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [approver, setApprover] = useState('');
  const [reviewDate, setReviewDate] = useState('');
  const [refusal, setRefusal] = useState('');
  const [message, setMessage] = useState('');
  const toggle = useRef<HTMLButtonElement>(null);
  const ids = {
    heading: useId(),
    form: useId(),
  };
  // Another device: closed, and no word left from the last one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on identity on purpose, not on a reload
  useEffect(() => {
    setOpen(false);
    setRefusal('');
    setMessage('');
  }, [detail.id]);

  const device = detail.assetTag ?? detail.serial ?? `Device ${detail.id}`;
  const note = current.reviewDate ? reviewNote(current.reviewDate, today) : null;

  function start() {
    setReason(current.reason ?? '');
    setApprover(current.approver ?? '');
    setReviewDate('');
    setRefusal('');
    setMessage('');
    setOpen(true);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const result = await call('setDeviceState', {
      deviceId: detail.id,
      state: 'risk-accepted',
      ...(reason.trim() && { reason: reason.trim() }),
      ...(approver.trim() && { approver: approver.trim() }),
      ...(reviewDate && { reviewDate }),
    });
    if (!result.ok) {
      setRefusal(
        result.error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ') || result.error.message,
      );
      return;
    }
    close();
    setMessage(`The risk acceptance of ${device} is renewed; it is due for review on ${reviewDate}.`);
  }

  /** Closes the form and gives the focus back to its button (which stays drawn). */
  function close() {
    setOpen(false);
    toggle.current?.focus();
  }

  return (
    <section aria-labelledby={ids.heading} className="risk-acceptance">
      <h3 id={ids.heading}>Risk acceptance</h3>
      <dl className="facts">
        <div className="fact">
          <dt>Reason</dt>
          <dd>{current.reason ?? '—'}</dd>
        </div>
        <div className="fact">
          <dt>Approved by</dt>
          <dd>{current.approver ?? '—'}</dd>
        </div>
        <div className="fact">
          <dt>Review date</dt>
          <dd>
            {current.reviewDate ? <time dateTime={current.reviewDate}>{current.reviewDate}</time> : '—'}
            {note && (
              <>
                {' '}
                <span
                  className={`status-badge ${note.overdue ? 'tone-danger' : 'tone-warning'}`}
                  data-testid="review-due"
                >
                  <BadgeShape shape={note.overdue ? 'triangle' : 'clock'} />
                  <span className="badge-words">{note.words}</span>
                </span>
              </>
            )}
          </dd>
        </div>
      </dl>
      <button
        ref={toggle}
        type="button"
        className="button-quiet"
        aria-expanded={open}
        aria-controls={open ? ids.form : undefined}
        onClick={() => (open ? close() : start())}
      >
        Renew or change the acceptance
      </button>
      {open && (
        <form
          id={ids.form}
          className="edit-form"
          aria-label="Renew or change the acceptance"
          onSubmit={save}
          noValidate
        >
          <p className="field-help">
            Saved as a new acceptance of the same risk: the device stays risk accepted, and the history keeps
            the old reason, approver and review date.
          </p>
          <ReasonField value={reason} onChange={setReason} />
          <ApprovalFields
            approver={approver}
            onApprover={setApprover}
            reviewDate={reviewDate}
            onReviewDate={setReviewDate}
            reviewLabel="New review date"
            today={today}
          />
          {refusal && (
            <p role="alert" className="problem">
              {refusal}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button-primary">
              Save the acceptance
            </button>
            <button type="button" className="button-quiet" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <p role="status">{message}</p>
    </section>
  );
}

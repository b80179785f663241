import { useId } from 'react';
import { PLANNING_REACH_DAYS } from '../../../electron/api/device-lifecycle';
import { plusDays } from '../../site-time';

interface Props {
  readonly approver: string;
  readonly onApprover: (value: string) => void;
  readonly reviewDate: string;
  readonly onReviewDate: (value: string) => void;
  /** "Review date", or "New review date" for a renewal. */
  readonly reviewLabel: string;
  /** The site's today: the date picker offers the days the core accepts. */
  readonly today: string;
}

/** Who approves a risk acceptance and when it is looked at again: the state form's and the renewal's fields. */
export function ApprovalFields({
  approver,
  onApprover,
  reviewDate,
  onReviewDate,
  reviewLabel,
  today,
}: Props) {
  const ids = { approver: useId(), review: useId(), help: useId() };
  return (
    <>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={ids.approver}>Approved by (required)</label>
          <input
            id={ids.approver}
            value={approver}
            maxLength={200}
            required
            onChange={(event) => onApprover(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.review}>{reviewLabel} (required)</label>
          <input
            id={ids.review}
            type="date"
            value={reviewDate}
            min={plusDays(today, 1)}
            max={plusDays(today, PLANNING_REACH_DAYS)}
            required
            aria-describedby={ids.help}
            onChange={(event) => onReviewDate(event.target.value)}
          />
        </div>
      </div>
      <p id={ids.help} className="field-help">
        The review date lies after today and at most two years ahead.
      </p>
    </>
  );
}

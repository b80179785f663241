import { type FormEvent, useRef, useState } from 'react';
import type { MatchSuggestion } from '../../../electron/api/schemas/advisories';
import { call } from '../../api';
import { counted } from '../../labels';
import { useLiveQuery } from '../../live-query';
import { reportError } from '../../stores/errors';
import { groupHref } from '../../stores/navigation';

/**
 * Suggested matches by model: one confirmation covers every device of the model and becomes a rule. A model
 * proposed for an advisory product outside the catalog (GE, Philips) is confirmed as that product, which becomes
 * a product family with its own patch availability.
 */
export function MatchReview() {
  const { value: suggestions } = useLiveQuery(
    () => call('listMatchSuggestions', {}),
    ['devices', 'advisories'],
    'suggestions',
  );
  const [message, setMessage] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  // The decided row leaves the table: focus goes to the section, whose status says what happened.
  const decided = (text: string) => {
    setMessage(text);
    heading.current?.focus();
  };

  async function confirm(suggestion: MatchSuggestion) {
    if (!suggestion.family) return;
    const result = await call('confirmMatch', { model: suggestion.model, family: suggestion.family });
    if (result.ok)
      decided(
        `${result.value.model} is now in ${result.value.family}${suggestion.newFamily ? ', a new product family' : ''}; ${counted(result.value.devices, 'device follows', 'devices follow')} the rule.`,
      );
    else reportError(result.error);
  }

  if (!suggestions) return null;
  return (
    <section className="panel" aria-labelledby="review-heading">
      <h2 id="review-heading" ref={heading} tabIndex={-1}>
        Matches to confirm
      </h2>
      <p role="status">{message}</p>
      <p className="field-help">
        A device whose match needs review (its software version or operating system leaves it open) is decided
        one by one: open it from{' '}
        <a href={groupHref('match-to-confirm')}>the devices waiting for a decision</a> and mark it affected or
        not affected.
      </p>
      {suggestions.length === 0 ? (
        <p className="field-help">No suggested matches wait for a decision.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Vendor</th>
                <th scope="col">Model</th>
                <th scope="col">Proposed family</th>
                <th scope="col">Advisories</th>
                <th scope="col">Devices</th>
                <th scope="col">Why</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {suggestions.map((s) => (
                <tr key={`${s.vendor}|${s.model}|${s.family}`}>
                  <td>{s.vendor}</td>
                  <th scope="row">{s.model}</th>
                  <td>
                    {s.family ?? '—'}
                    {s.newFamily && (
                      <span className="field-help">
                        {' '}
                        (the advisory's product; confirming makes it a product family)
                      </span>
                    )}
                  </td>
                  <td>{s.advisories.join(', ')}</td>
                  <td>{s.devices}</td>
                  <td className="cell-sample">{s.reason}</td>
                  <td>
                    {s.family && (
                      <button type="button" className="button-quiet" onClick={() => void confirm(s)}>
                        Confirm {s.model} as {s.family}
                      </button>
                    )}
                    <NotAffectedForm suggestion={s} onDone={decided} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A person's "this model is not affected", with the reason the audit and the rule keep. */
function NotAffectedForm({
  suggestion,
  onDone,
}: {
  suggestion: MatchSuggestion;
  onDone: (message: string) => void;
}) {
  const [reason, setReason] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await call('rejectModel', { vendor: suggestion.vendor, model: suggestion.model, reason });
    if (result.ok)
      onDone(
        `${suggestion.model} is not affected; ${counted(result.value.devices, 'device follows', 'devices follow')} the rule.`,
      );
    else reportError(result.error);
  }
  return (
    <details className="not-affected">
      <summary>Not affected…</summary>
      <form onSubmit={submit} className="inline-form">
        <label className="field">
          <span>Why {suggestion.model} is not affected</span>
          <input value={reason} maxLength={2000} onChange={(event) => setReason(event.target.value)} />
        </label>
        <button type="submit" className="button-quiet" disabled={reason.trim() === ''}>
          Mark {suggestion.model} not affected
        </button>
      </form>
    </details>
  );
}

import { useId } from 'react';
import type { Blackout } from '../../../../electron/api/schemas/site-model';
import { PlanningField, RemoveRowButton, useFocusOnAdded } from './fields';

interface Props {
  readonly heading: string;
  /** Who the dates are for, in the help text: "Nuclear Medicine", "all of Main site". */
  readonly owner: string;
  readonly blackouts: readonly Blackout[];
  /** `model.sites.0.blackouts` or a department's. */
  readonly path: string;
  readonly change: (recipe: (list: Blackout[]) => void, reshapes?: boolean) => void;
}

/** Blackout dates: whole local days on which nothing is planned, with the reason people will read. */
export function BlackoutList({ heading, owner, blackouts, path, change }: Props) {
  const headingId = useId();
  const { listRef, added } = useFocusOnAdded<HTMLOListElement>(blackouts.length);
  const set = (index: number, field: keyof Blackout, value: string) =>
    change((list) => {
      const item = list[index];
      if (item) item[field] = value;
    });
  return (
    <section aria-labelledby={headingId} className="planning-part">
      <h4 id={headingId}>{heading}</h4>
      <p className="field-help">
        A blackout is a stretch of whole days (first and last included, local time) on which no work is
        planned for {owner}: holidays, audits, a clinical event.
      </p>
      {blackouts.length === 0 && <p>No blackout dates.</p>}
      <ol className="planning-rows" ref={listRef}>
        {blackouts.map((blackout, index) => {
          const context = `Blackout ${index + 1} `;
          const at = `${path}.${index}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: blackouts have no identity beyond their place in the list
            <li key={index} className="planning-row">
              <PlanningField label="From" context={context} path={`${at}.from`}>
                {(control) => (
                  <input
                    {...control}
                    type="date"
                    value={blackout.from}
                    onChange={(event) => {
                      const from = event.target.value;
                      change((list) => {
                        const item = list[index];
                        if (!item) return;
                        // A one-day blackout is the common case: the end follows until it is set on its own.
                        if (item.to === '' || item.to === item.from || item.to < from) item.to = from;
                        item.from = from;
                      });
                    }}
                  />
                )}
              </PlanningField>
              <PlanningField label="To" context={context} path={`${at}.to`}>
                {(control) => (
                  <input
                    {...control}
                    type="date"
                    value={blackout.to}
                    min={blackout.from || undefined}
                    onChange={(event) => set(index, 'to', event.target.value)}
                  />
                )}
              </PlanningField>
              <PlanningField label="Reason" context={context} path={`${at}.reason`} className="planning-grow">
                {(control) => (
                  <input
                    {...control}
                    value={blackout.reason}
                    maxLength={500}
                    onChange={(event) => set(index, 'reason', event.target.value)}
                  />
                )}
              </PlanningField>
              <RemoveRowButton
                what="blackout"
                index={index}
                onRemove={() => change((list) => void list.splice(index, 1), true)}
              />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button-quiet"
        onClick={() => {
          added();
          change((list) => void list.push({ from: '', to: '', reason: '' }), true);
        }}
      >
        Add blackout<span className="visually-hidden"> for {owner}</span>
      </button>
    </section>
  );
}

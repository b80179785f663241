import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useSiteModelStore } from '../../../stores/site-model';
import { plainMessage } from './issue-words';

/** The problem the last save found at exactly this path, in plain words, or '' when there is none. */
export function useIssue(path: string): string {
  return useSiteModelStore((state) =>
    state.issues
      .filter((issue) => issue.path === path)
      .map((issue) => plainMessage(issue.message))
      .join('; '),
  );
}

export interface ControlProps {
  readonly id: string;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-describedby': string | undefined;
}

interface FieldProps {
  /** The visible label, also the start of the error sentence ("Start must be a time of day as HH:MM"). */
  readonly label: string;
  /** Said before the label to screen readers only, where rows repeat the label: "Slot 1 ". */
  readonly context?: string;
  /** Where in the model this value is, as the core names it in a validation issue. */
  readonly path: string;
  readonly hint?: ReactNode;
  readonly className?: string;
  readonly children: (props: ControlProps) => ReactNode;
}

/** A labelled control with its hint and, after a refused save, its problem right under it. */
export function PlanningField({ label, context, path, hint, className, children }: FieldProps) {
  const id = useId();
  const issue = useIssue(path);
  const described = [hint ? `${id}-hint` : '', issue ? `${id}-issue` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>
        {context && <span className="visually-hidden">{context}</span>}
        {label}
      </label>
      {children({
        id,
        'aria-invalid': issue ? true : undefined,
        'aria-describedby': described || undefined,
      })}
      {hint && (
        <p id={`${id}-hint`} className="field-help">
          {hint}
        </p>
      )}
      {issue && (
        <p id={`${id}-issue`} className="field-error">
          {label} {issue}.
        </p>
      )}
    </div>
  );
}

/** A 24-hour local time typed as HH:MM (the browser's time input would show AM/PM in some languages). */
export function TimeInput({
  value,
  onChange,
  ...control
}: ControlProps & { value: string; onChange: (value: string) => void }) {
  return (
    <input
      {...control}
      className="planning-time"
      value={value}
      placeholder="HH:MM"
      maxLength={5}
      autoComplete="off"
      spellCheck={false}
      onChange={(event) => onChange(event.target.value.trim())}
    />
  );
}

/** A number; an empty field is sent as it is and the core says it must be a number. */
export function NumberInput({
  value,
  onChange,
  min,
  max,
  step,
  ...control
}: ControlProps & {
  value: number;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  step?: number;
}) {
  return (
    <input
      {...control}
      className="planning-number"
      type="number"
      value={Number.isFinite(value) ? value : ''}
      min={min}
      max={max}
      step={step ?? 1}
      onChange={(event) => onChange(event.target.value === '' ? Number.NaN : Number(event.target.value))}
    />
  );
}

/** Fri 22:00-06:00 ends on Saturday: a slot or working hours whose end comes before the start. */
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const crossesMidnight = (start: string, end: string) =>
  TIME.test(start) && TIME.test(end) && end < start;

/**
 * After "Add ...", the keyboard goes on in the new row: `added()` before the change, `listRef` on the list.
 * Only an add moves focus, never a reload.
 */
export function useFocusOnAdded<T extends HTMLElement>(length: number) {
  const listRef = useRef<T>(null);
  const pending = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the list grows, which `length` tells
  useEffect(() => {
    if (!pending.current) return;
    pending.current = false;
    listRef.current?.querySelector<HTMLElement>(':scope > :last-child :is(input, select)')?.focus();
  }, [length]);
  return {
    listRef,
    added: () => {
      pending.current = true;
    },
  };
}

/** Removes one row of a list (slot, blackout, rule); the hidden words say which, for a screen reader. */
export function RemoveRowButton({
  what,
  index,
  onRemove,
}: {
  what: string;
  index: number;
  onRemove: () => void;
}) {
  return (
    <button type="button" className="button-quiet planning-remove" onClick={onRemove}>
      Remove
      <span className="visually-hidden">
        {' '}
        {what} {index + 1}
      </span>
    </button>
  );
}

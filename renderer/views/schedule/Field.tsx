import { type ReactNode, useId } from 'react';

/** A labelled control of the window dialog; `children` gets the id that ties the label to it. */
export function Field({
  label,
  children,
  help,
}: {
  label: string;
  children: (id: string) => ReactNode;
  help?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {help && <p className="field-help">{help}</p>}
    </div>
  );
}

export function Problem({ text }: { text: string | null }) {
  return text ? (
    <p className="problem" role="alert">
      {text}
    </p>
  ) : null;
}

/** A required local date and time to the minute, in the site's time zone (the label says which). */
export function TimeField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label}>
      {(fid) => (
        <input
          id={fid}
          type="datetime-local"
          step={60}
          required
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

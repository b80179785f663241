import { useId } from 'react';

/** Why a device's state changes or its risk is accepted: required, and kept in the device's history. */
export function ReasonField({
  value,
  onChange,
}: {
  readonly value: string;
  readonly onChange: (v: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Reason (required)</label>
      <textarea
        id={id}
        value={value}
        rows={2}
        maxLength={2000}
        required
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

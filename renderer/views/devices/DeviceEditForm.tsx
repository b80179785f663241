import { type FormEvent, type Ref, useEffect, useId, useRef, useState } from 'react';
import { DEVICE_FIELD_LABELS, DEVICE_FIELDS } from '../../../electron/api/device-fields';
import type { DeviceDetail } from '../../../electron/api/schemas/devices';
import { call } from '../../api';
import { COLUMN_LABELS } from '../../labels';

const EDITABLE = DEVICE_FIELDS;
type Editable = (typeof EDITABLE)[number];

const BAD_DATE = `The ${DEVICE_FIELD_LABELS.installDate} is not a complete, valid date: correct it, or clear it to remove the date.`;

function EditField({
  field,
  value,
  onChange,
  inputRef,
  invalid = false,
}: {
  field: Editable;
  value: string;
  onChange: (v: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  invalid?: boolean;
}) {
  const id = useId();
  // A native date input: the picker and the typing order follow the user's locale (13.02.2011, 02/13/2011),
  // and its value is always YYYY-MM-DD, the form the core takes.
  const isDate = field === 'installDate';
  return (
    <div className="field">
      <label htmlFor={id}>{COLUMN_LABELS[field]}</label>
      <input
        id={id}
        ref={inputRef}
        type={isDate ? 'date' : 'text'}
        value={value}
        aria-invalid={invalid || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** Edit by hand; the core validates as for an import but refuses bad values instead of flagging them. */
export function DeviceEditForm({ detail }: { detail: DeviceDetail }) {
  const initial = () =>
    Object.fromEntries(EDITABLE.map((f) => [f, detail[f] ?? ''])) as Record<Editable, string>;
  const [values, setValues] = useState(initial);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState('');
  const [badDate, setBadDate] = useState(false);
  const dateInput = useRef<HTMLInputElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only for another device or a newer version of it, never for a reload of the same one (it would wipe what is being typed)
  useEffect(() => {
    setValues(initial());
    setProblem('');
    setBadDate(false);
  }, [detail.id, detail.updatedAt]);

  async function save(event: FormEvent) {
    event.preventDefault();
    // A date input holding an impossible (31.02.2020) or half-typed date reads as empty, as a cleared one does:
    // saving it would erase the install date. Asked of the input at the moment of saving, because React reports a
    // change only when the value changes, and '' -> '' (a clear after a bad date, or a bad date after a clear) is none.
    if (dateInput.current?.validity.badInput) {
      setMessage('');
      setBadDate(true);
      setProblem(BAD_DATE);
      dateInput.current.focus();
      return;
    }
    setBadDate(false);
    const changes = Object.fromEntries(
      EDITABLE.filter((f) => values[f] !== (detail[f] ?? '')).map((f) => [
        f,
        values[f].trim() === '' ? null : values[f],
      ]),
    );
    if (Object.keys(changes).length === 0) {
      setProblem('');
      return setMessage('Nothing to save.');
    }
    const result = await call('updateDevice', { id: detail.id, changes });
    if (result.ok) {
      setProblem('');
      setMessage('Saved.');
    } else {
      setMessage('');
      setProblem(result.error.message);
    }
  }

  // noValidate: the form says what is wrong in its own words (the browser's bubble names no field and is gone at once).
  return (
    <form className="edit-form" onSubmit={save} aria-labelledby="edit-heading" noValidate>
      <h3 id="edit-heading">Edit</h3>
      <div className="format-grid">
        {EDITABLE.map((field) => (
          <EditField
            key={field}
            field={field}
            value={values[field]}
            onChange={(v) => {
              setValues({ ...values, [field]: v });
              if (field === 'installDate') setBadDate(false);
            }}
            {...(field === 'installDate' && { inputRef: dateInput, invalid: badDate })}
          />
        ))}
      </div>
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button-primary">
          Save changes
        </button>
        <span role="status">{message}</span>
      </div>
    </form>
  );
}

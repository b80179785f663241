import { type FormEvent, useEffect, useId, useState } from 'react';
import { DEVICE_FIELDS } from '../../../electron/api/device-fields';
import type { DeviceDetail } from '../../../electron/api/schemas/devices';
import { call } from '../../api';
import { COLUMN_LABELS } from '../../labels';

const EDITABLE = DEVICE_FIELDS;
type Editable = (typeof EDITABLE)[number];

function EditField({
  field,
  value,
  onChange,
}: {
  field: Editable;
  value: string;
  /** incomplete: a date input holding a date not yet whole (its value then reads as empty). */
  onChange: (v: string, incomplete: boolean) => void;
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
        type={isDate ? 'date' : 'text'}
        value={value}
        onChange={(event) => onChange(event.target.value, isDate && event.target.validity.badInput)}
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
  /** A date input half typed reads as empty: saving then would erase the install date. */
  const [dateIncomplete, setDateIncomplete] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only for another device or a newer version of it, never for a reload of the same one (it would wipe what is being typed)
  useEffect(() => {
    setValues(initial());
    setProblem('');
    setDateIncomplete(false);
  }, [detail.id, detail.updatedAt]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (dateIncomplete) {
      setMessage('');
      return setProblem(`${COLUMN_LABELS.installDate} is not a whole date: complete it, or clear it.`);
    }
    const changes = Object.fromEntries(
      EDITABLE.filter((f) => values[f] !== (detail[f] ?? '')).map((f) => [
        f,
        values[f].trim() === '' ? null : values[f],
      ]),
    );
    if (Object.keys(changes).length === 0) return setMessage('Nothing to save.');
    const result = await call('updateDevice', { id: detail.id, changes });
    if (result.ok) {
      setProblem('');
      setMessage('Saved.');
    } else {
      setMessage('');
      setProblem(result.error.message);
    }
  }

  return (
    <form className="edit-form" onSubmit={save} aria-labelledby="edit-heading">
      <h3 id="edit-heading">Edit</h3>
      <div className="format-grid">
        {EDITABLE.map((field) => (
          <EditField
            key={field}
            field={field}
            value={values[field]}
            onChange={(v, incomplete) => {
              setValues({ ...values, [field]: v });
              if (field === 'installDate') setDateIncomplete(incomplete);
            }}
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

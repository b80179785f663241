import { type FormEvent, useId, useState } from 'react';
import type { AdvisoryDetail } from '../../../electron/api/schemas/advisories';
import { call } from '../../api';

const STATUSES = [
  ['none-available', 'None available'],
  ['announced', 'Announced'],
  ['available', 'Available'],
  ['superseded', 'Superseded'],
  ['no-fix-planned', 'No fix planned'],
] as const;
type Patch = AdvisoryDetail['patches'][number];

function PatchRow({ advisory, patch }: { advisory: string; patch: Patch }) {
  const [status, setStatus] = useState(patch.status);
  const [availableFrom, setAvailableFrom] = useState(patch.availableFrom ?? '');
  const [updateId, setUpdateId] = useState(patch.updateId ?? '');
  const [message, setMessage] = useState('');
  const ids = { status: useId(), from: useId(), update: useId() };
  async function save(event: FormEvent) {
    event.preventDefault();
    const result = await call('setPatchStatus', {
      advisory,
      family: patch.family,
      status,
      ...(availableFrom && { availableFrom }),
      ...(updateId.trim() && { updateId: updateId.trim() }),
    });
    setMessage(result.ok ? 'Saved.' : result.error.message);
  }
  return (
    <form className="inline-form patch-row" onSubmit={save} aria-label={`Patch for ${patch.family}`}>
      <strong className="patch-family">{patch.family}</strong>
      <div className="field">
        <label htmlFor={ids.status}>Patch status</label>
        <select
          id={ids.status}
          value={status}
          onChange={(event) => setStatus(event.target.value as Patch['status'])}
        >
          {STATUSES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.from}>Available from</label>
        <input
          id={ids.from}
          type="date"
          value={availableFrom}
          onChange={(event) => setAvailableFrom(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.update}>Vendor's update</label>
        <input
          id={ids.update}
          value={updateId}
          placeholder="VB22A-UD03"
          onChange={(event) => setUpdateId(event.target.value)}
        />
      </div>
      <button type="submit" className="button-quiet">
        Save {patch.family}
      </button>
      <span role="status">{message}</span>
    </form>
  );
}

/** Patch availability per product family; every change is in the audit log. */
export function PatchEditor({ advisory, patches }: { advisory: string; patches: readonly Patch[] }) {
  if (patches.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="patch-heading">
      <h2 id="patch-heading">Patch availability</h2>
      {patches.map((patch) => (
        <PatchRow key={patch.family} advisory={advisory} patch={patch} />
      ))}
    </section>
  );
}

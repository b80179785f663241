import { useId, useState } from 'react';
import { DEVICE_STATES } from '../../../electron/api/device-fields';
import type { DeviceState } from '../../../electron/api/schemas/devices';
import { call } from '../../api';
import { counted, STATE_LABELS } from '../../labels';
import { useDevicesStore } from '../../stores/devices';
import { reportError } from '../../stores/errors';

/** One department or state for every selected device, in one transaction. */
export function BulkBar() {
  const selected = useDevicesStore((state) => state.selected);
  const departments = useDevicesStore((state) => state.facets?.departments ?? []);
  const [department, setDepartment] = useState('');
  const [state, setState] = useState<DeviceState | ''>('');
  const [message, setMessage] = useState('');
  const ids = { department: useId(), state: useId(), list: useId() };

  async function apply() {
    const changes = { ...(department.trim() && { department: department.trim() }), ...(state && { state }) };
    const result = await call('bulkUpdateDevices', { ids: [...selected], changes });
    if (!result.ok) return reportError(result.error);
    setMessage(
      `${counted(result.value.updated, 'device')} changed, ${result.value.unchanged.toLocaleString()} already so.`,
    );
  }

  return (
    <section className="bulk-bar" aria-label="Change selected devices">
      <strong>{selected.size} selected</strong>
      <div className="field field-inline">
        <label htmlFor={ids.department}>Department</label>
        <input
          id={ids.department}
          list={ids.list}
          value={department}
          onChange={(event) => setDepartment(event.target.value)}
        />
        <datalist id={ids.list}>
          {departments.map((d) => (
            <option key={d} value={d} />
          ))}
        </datalist>
      </div>
      <div className="field field-inline">
        <label htmlFor={ids.state}>State</label>
        <select
          id={ids.state}
          value={state}
          onChange={(event) => setState(event.target.value as DeviceState | '')}
        >
          <option value="">Keep</option>
          {DEVICE_STATES.map((s) => (
            <option key={s} value={s}>
              {STATE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="button-primary"
        disabled={!department.trim() && !state}
        onClick={() => void apply()}
      >
        Apply to {counted(selected.size, 'device')}
      </button>
      <button
        type="button"
        className="button-quiet"
        onClick={() => useDevicesStore.getState().selectAllLoaded(false)}
      >
        Clear selection
      </button>
      <span role="status">{message}</span>
    </section>
  );
}

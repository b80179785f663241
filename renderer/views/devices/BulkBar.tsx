import { useId, useState } from 'react';
import { DEVICE_STATES } from '../../../electron/api/device-fields';
import { needsApproval, needsReason } from '../../../electron/api/device-lifecycle';
import type { DeviceState } from '../../../electron/api/schemas/devices';
import { counted, STATE_LABELS } from '../../labels';
import { useDevicesStore } from '../../stores/devices';

// A risk acceptance needs its own approver and review date for each device: the bar does not offer it.
const OFFERED = DEVICE_STATES.filter((s) => !needsApproval(s));

/** Whether the register shows fewer devices than the database has (a search, a filter or a group). */
export function useFiltering(): boolean {
  const query = useDevicesStore((state) => state.query);
  return query.search.trim() !== '' || Object.values(query.filters).some((v) => v !== undefined);
}

/** Where focus goes once the bar is gone: the header's box, where a new selection starts. */
function focusSelectAll() {
  document.querySelector<HTMLElement>('.device-table thead .cell-check input')?.focus();
}

/**
 * One department or state for every selected device, in one transaction. With every loaded row ticked, it offers
 * every device matching the filter, as a mail client offers every conversation.
 */
export function BulkBar() {
  const selected = useDevicesStore((state) => state.selected);
  const allMatching = useDevicesStore((state) => state.allMatching);
  const problem = useDevicesStore((state) => state.bulkProblem);
  const total = useDevicesStore((state) => state.total) ?? 0;
  const pages = useDevicesStore((state) => state.pages);
  const departments = useDevicesStore((state) => state.facets?.departments ?? []);
  const filtering = useFiltering();
  const [department, setDepartment] = useState('');
  const [state, setState] = useState<DeviceState | ''>('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const ids = { department: useId(), state: useId(), list: useId(), reason: useId(), perDevice: useId() };
  const reasonNeeded = state !== '' && needsReason(state);

  const loaded = [...pages.values()].flat();
  const everyLoaded = loaded.length > 0 && loaded.every((device) => selected.has(device.id));
  const count = allMatching ? total : selected.size;
  const matching = `${counted(total, 'device')}${filtering ? ' matching this filter' : ''}`;

  async function apply() {
    const changes = {
      ...(department.trim() && { department: department.trim() }),
      ...(state && { state }),
      ...(reasonNeeded && { stateReason: reason.trim() }),
    };
    setBusy(true);
    const done = await useDevicesStore.getState().applyBulk(changes);
    setBusy(false);
    if (done) focusSelectAll();
  }

  return (
    <section className="bulk-bar" aria-label="Change selected devices">
      <p className="bulk-selection">
        <strong>
          {allMatching ? `All ${matching} are selected.` : `${selected.size.toLocaleString()} selected`}
        </strong>
        {!allMatching && everyLoaded && total > selected.size && (
          <>
            {' '}
            <button
              type="button"
              className="link-button"
              onClick={() => useDevicesStore.getState().selectAllMatching()}
            >
              Select all {matching}
            </button>
          </>
        )}
      </p>
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
          aria-describedby={ids.perDevice}
          onChange={(event) => setState(event.target.value as DeviceState | '')}
        >
          <option value="">Keep</option>
          {OFFERED.map((s) => (
            <option key={s} value={s}>
              {STATE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {reasonNeeded && (
        <div className="field field-inline bulk-reason">
          <label htmlFor={ids.reason}>Reason (required)</label>
          <input
            id={ids.reason}
            value={reason}
            maxLength={2000}
            required
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
      )}
      <button
        type="button"
        className="button-primary"
        disabled={busy || (!department.trim() && !state) || (reasonNeeded && !reason.trim())}
        onClick={() => void apply()}
      >
        {busy ? `Applying to ${counted(count, 'device')}…` : `Apply to ${counted(count, 'device')}`}
      </button>
      <button
        type="button"
        className="button-quiet"
        onClick={() => {
          useDevicesStore.getState().clearSelection();
          focusSelectAll();
        }}
      >
        Clear selection
      </button>
      <p id={ids.perDevice} className="field-help">
        A risk acceptance needs its approver and review date for each device: record it in the device's
        drawer.
      </p>
      {problem && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}
    </section>
  );
}

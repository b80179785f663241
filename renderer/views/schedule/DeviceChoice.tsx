import { Field } from './Field';
import type { usePlannableDevices } from './usePlannableDevices';

/** The search and the list to choose the device of a new window from. */
export function DeviceChoice({ choice }: { choice: ReturnType<typeof usePlannableDevices> }) {
  const { search, setSearch, devices, deviceId, setDeviceId } = choice;
  return (
    <div className="dialog-grid">
      <Field label="Find a device" help="Asset tag, model, department…">
        {(fid) => <input id={fid} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />}
      </Field>
      <Field label="Device">
        {(fid) => (
          <select
            id={fid}
            value={deviceId ?? ''}
            onChange={(e) => setDeviceId(e.target.value ? Number(e.target.value) : null)}
          >
            {devices.length === 0 && <option value="">No device to plan matches</option>}
            {devices.map((d) => (
              <option key={d.id} value={d.id}>
                {[d.assetTag ?? d.serial ?? `#${d.id}`, d.model, d.department].filter(Boolean).join(' · ')}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}

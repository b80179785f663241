import { capitalized, DEVICE_FIELD_LABELS, DEVICE_FIELDS } from '../electron/api/device-fields';
import type { DeviceState } from '../electron/api/schemas/devices';
import type { SortField } from './stores/devices';

export const STATE_LABELS: Record<DeviceState, string> = {
  unassessed: 'Not assessed',
  affected: 'Affected',
  'isolation-planned': 'Isolation planned',
  isolated: 'Isolated',
  'patch-planned': 'Patch planned',
  patched: 'Patched',
  verified: 'Verified',
  reconnected: 'Reconnected',
  'risk-accepted': 'Risk accepted',
  'not-affected': 'Not affected',
  decommissioned: 'Decommissioned',
};

export const COLUMN_LABELS: Record<SortField, string> = {
  ...(Object.fromEntries(
    Object.entries(DEVICE_FIELD_LABELS).map(([field, label]) => [field, capitalized(label)]),
  ) as Record<keyof typeof DEVICE_FIELD_LABELS, string>),
  vendor: 'Vendor',
  state: 'State',
  networkState: 'Network',
  priority: 'Priority',
  patchStatus: 'Patch',
  advisories: 'Advisories',
  updatedAt: 'Last change',
};

/** Every field of a device in display order, the canonical vendor beside the manufacturer as written. */
export const DEVICE_COLUMNS: readonly SortField[] = DEVICE_FIELDS.flatMap((field) =>
  field === 'manufacturer' ? (['manufacturer', 'vendor'] as const) : [field],
);

export { counted } from '../electron/api/words';

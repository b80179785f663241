import type { z } from 'zod';
import { capitalized, DEVICE_FIELD_LABELS, DEVICE_FIELDS } from '../electron/api/device-fields';
import type { patchStatus } from '../electron/api/schemas/advisories';
import type { DeviceState, networkState } from '../electron/api/schemas/devices';
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

/** Where the vendor's fix stands, in words (the register's Patch filter, the advisory's patch editor). */
export const PATCH_STATUS_LABELS: Record<z.infer<typeof patchStatus>, string> = {
  'none-available': 'None available',
  announced: 'Announced',
  available: 'Available',
  superseded: 'Superseded',
  'no-fix-planned': 'No fix planned',
};

export const NETWORK_STATE_LABELS: Record<z.infer<typeof networkState>, string> = {
  connected: 'Connected',
  isolated: 'Isolated',
  disconnected: 'Disconnected',
};

/** A stored value in words from its labels; one they do not know yet at least loses its hyphens. */
export const labelOf = (labels: Readonly<Record<string, string>>, value: string): string =>
  Object.hasOwn(labels, value) ? (labels[value] as string) : value.replace(/-/g, ' ');

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

/**
 * The groups of devices the status report counts and the dashboard links to (`#/devices?group=exposed`).
 * Plain data without zod, so the renderer can import it at run time (like device-fields.ts); the core holds
 * what each group means (electron/core/dashboard/device-groups.ts).
 */

/** Each affected or decided device is in exactly one of these. */
export const STATUS_CATEGORIES = [
  'exposed',
  'isolated',
  'patched',
  'verified',
  'risk-accepted',
  'not-affected',
] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

/** What needs someone's action. */
export const ALERTS = [
  'patch-available',
  'isolation-overdue',
  'patch-overdue',
  'planned-late',
  'risk-review-due',
  'match-to-confirm',
] as const;
export type AlertKind = (typeof ALERTS)[number];

export const DEVICE_GROUPS = ['affected', ...STATUS_CATEGORIES, ...ALERTS] as const;
export type DeviceGroup = (typeof DEVICE_GROUPS)[number];

/** The group in words, as a filter of the Devices view shows it. */
export const DEVICE_GROUP_LABELS: Readonly<Record<DeviceGroup, string>> = {
  affected: 'Affected devices',
  exposed: 'Exposed devices (affected, neither isolated nor patched)',
  isolated: 'Isolated devices, not yet patched',
  patched: 'Patched devices awaiting QC',
  verified: 'Verified devices (QC passed)',
  'risk-accepted': 'Devices with an accepted risk',
  'not-affected': 'Devices decided not affected',
  'patch-available': 'Devices with a patch available and no patch planned',
  'isolation-overdue': 'Exposed devices past their isolation deadline',
  'patch-overdue': 'Devices past their patch deadline, not yet patched',
  'planned-late': 'Devices planned to be isolated or patched after their deadline',
  'risk-review-due': 'Risk acceptances due for review',
  'match-to-confirm': 'Devices with matches waiting for confirmation',
};

export const isDeviceGroup = (value: string): value is DeviceGroup =>
  (DEVICE_GROUPS as readonly string[]).includes(value);

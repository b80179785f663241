/**
 * Names of the canonical device fields in words, for messages and the UI. Plain data without zod, so the
 * renderer can import it at run time (like operations.ts).
 */
/** The canonical fields an inventory column can map to, in the order the app shows them. */
export const DEVICE_FIELDS = [
  'assetTag',
  'serial',
  'manufacturer',
  'model',
  'modality',
  'department',
  'location',
  'ip',
  'mac',
  'hostname',
  'os',
  'softwareVersion',
  'installDate',
] as const;

export type DeviceFieldName = (typeof DEVICE_FIELDS)[number];

export const DEVICE_FIELD_LABELS: Readonly<Record<DeviceFieldName, string>> = {
  assetTag: 'asset tag',
  serial: 'serial number',
  manufacturer: 'manufacturer',
  model: 'model',
  modality: 'modality',
  department: 'department',
  location: 'location',
  ip: 'IP address',
  mac: 'MAC address',
  hostname: 'host name',
  os: 'operating system',
  softwareVersion: 'software version',
  installDate: 'install date',
};

export const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Where a device is in its isolate-then-patch life, and the side states. */
export const DEVICE_STATES = [
  'unassessed',
  'affected',
  'isolation-planned',
  'isolated',
  'patch-planned',
  'patched',
  'verified',
  'reconnected',
  'risk-accepted',
  'not-affected',
  'decommissioned',
] as const;

import type { Device, DeviceField, FieldFlag } from '../../api/schemas/devices';

/** The columns an import or an edit can change: what "Undo import" restores and what decides "unchanged". */
export interface DeviceSnapshot {
  asset_tag: string | null;
  serial: string | null;
  manufacturer: string | null;
  vendor_id: number | null;
  model: string | null;
  modality: string | null;
  department_id: number | null;
  location: string | null;
  ip: string | null;
  mac: string | null;
  hostname: string | null;
  os: string | null;
  software_version: string | null;
  install_date: string | null;
  extra_json: string;
  flags_json: string;
}

export const SNAPSHOT_COLUMNS = [
  'asset_tag',
  'serial',
  'manufacturer',
  'vendor_id',
  'model',
  'modality',
  'department_id',
  'location',
  'ip',
  'mac',
  'hostname',
  'os',
  'software_version',
  'install_date',
  'extra_json',
  'flags_json',
] as const satisfies readonly (keyof DeviceSnapshot)[];

const SNAPSHOT_COLUMNS_SQL = SNAPSHOT_COLUMNS.map((c) => `d.${c}`).join(', ');

export interface DeviceRecord extends DeviceSnapshot {
  id: number;
  revision: number;
  import_batch_id: number | null;
  state: Device['state'];
  network_state: Device['networkState'];
  state_reason: string | null;
  controls_json: string;
  created_at: string;
  updated_at: string;
}

/** A device row with the names of its vendor and department, as the queries below select it. */
export interface DeviceRow extends DeviceRecord {
  vendor_name: string | null;
  department_name: string | null;
  risk_advisories: string | null;
  risk_patch_status: string | null;
  risk_priority: number | null;
}

export const DEVICE_COLUMNS = `d.id, ${SNAPSHOT_COLUMNS_SQL}, d.state, d.network_state, d.state_reason, d.controls_json,
  d.revision, d.import_batch_id,
  d.created_at, d.updated_at, v.name AS vendor_name, dep.name AS department_name,
  r.advisories AS risk_advisories, r.patch_status AS risk_patch_status, r.priority AS risk_priority`;
export const DEVICE_JOINS = `device d LEFT JOIN vendor v ON v.id = d.vendor_id
  LEFT JOIN department dep ON dep.id = d.department_id LEFT JOIN device_risk r ON r.device_id = d.id`;

/** Text fields and their columns; department and manufacturer are resolved to ids beside their text. */
export const TEXT_COLUMNS = {
  assetTag: 'asset_tag',
  serial: 'serial',
  manufacturer: 'manufacturer',
  model: 'model',
  modality: 'modality',
  location: 'location',
  ip: 'ip',
  mac: 'mac',
  hostname: 'hostname',
  os: 'os',
  softwareVersion: 'software_version',
  installDate: 'install_date',
} as const satisfies Partial<Record<DeviceField, keyof DeviceSnapshot>>;

export function snapshotOf(record: DeviceSnapshot): DeviceSnapshot {
  return Object.fromEntries(
    SNAPSHOT_COLUMNS.map((column) => [column, record[column]]),
  ) as unknown as DeviceSnapshot;
}

export function toDevice(row: DeviceRow): Device {
  return {
    id: row.id,
    assetTag: row.asset_tag,
    serial: row.serial,
    manufacturer: row.manufacturer,
    vendor: row.vendor_name,
    model: row.model,
    modality: row.modality,
    department: row.department_name,
    location: row.location,
    ip: row.ip,
    mac: row.mac,
    hostname: row.hostname,
    os: row.os,
    softwareVersion: row.software_version,
    installDate: row.install_date,
    state: row.state,
    networkState: row.network_state,
    stateReason: row.state_reason,
    controls: JSON.parse(row.controls_json) as Device['controls'],
    advisories: row.risk_advisories ? row.risk_advisories.split(' ') : [],
    patchStatus: row.risk_patch_status,
    priority: row.risk_priority,
    extra: JSON.parse(row.extra_json) as Record<string, string>,
    flags: JSON.parse(row.flags_json) as FieldFlag[],
    updatedAt: row.updated_at,
  };
}

import type { ReportInput } from '../../api/schemas/reports';
import type { CoreContext } from '../context';
import { STATE_LABEL } from '../devices/lifecycle';
import type { Column, ReportDocument } from './model';
import { fileStemOf, resolveScope } from './scope';
import { TASK_LABEL, windowsBetween } from './windows-query';

const COLUMNS: readonly Column[] = [
  { label: 'Asset tag', type: 'text', group: 'device' },
  { label: 'Serial', type: 'text', group: 'device' },
  { label: 'Manufacturer', type: 'text', group: 'product' },
  { label: 'Vendor', type: 'text', group: 'product' },
  { label: 'Model', type: 'text', group: 'product' },
  { label: 'Modality', type: 'text', group: 'product' },
  { label: 'Department', type: 'text', group: 'place' },
  { label: 'Location', type: 'text', group: 'place' },
  { label: 'IP address', type: 'text', group: 'network' },
  { label: 'MAC address', type: 'text', group: 'network' },
  { label: 'Host name', type: 'text', group: 'network' },
  { label: 'Operating system', type: 'text', group: 'software' },
  { label: 'Software version', type: 'text', group: 'software' },
  { label: 'Install date', type: 'date', group: 'software' },
  { label: 'State', type: 'text', group: 'state' },
  { label: 'Network', type: 'text', group: 'state' },
  { label: 'Priority', type: 'number', group: 'state' },
  { label: 'Matches', type: 'text', width: 'wide' },
  { label: 'Windows', type: 'text', width: 'wide' },
  { label: 'Other attributes', type: 'text', width: 'wide' },
];

interface DeviceRow {
  id: number;
  asset_tag: string | null;
  serial: string | null;
  manufacturer: string | null;
  vendor: string | null;
  model: string | null;
  modality: string | null;
  department: string | null;
  location: string | null;
  ip: string | null;
  mac: string | null;
  hostname: string | null;
  os: string | null;
  software_version: string | null;
  install_date: string | null;
  state: keyof typeof STATE_LABEL;
  network_state: string;
  priority: number | null;
  extra_json: string;
}

/** Every device with its fields, its matches, its state and its windows (the dates limit the windows listed). */
export function registerReport(ctx: CoreContext, input: ReportInput): ReportDocument {
  const scope = resolveScope(ctx, input);
  const { sql: inScope, params } = scope.deviceFilter;
  const matches = new Map<number, string[]>();
  for (const m of ctx.db
    .prepare(
      `SELECT m.device_id AS id, a.tracking_id AS advisory, m.status, m.basis FROM device_match m
       JOIN advisory a ON a.id = m.advisory_id JOIN device d ON d.id = m.device_id
       WHERE ${inScope} ORDER BY a.tracking_id`,
    )
    .all(...params) as { id: number; advisory: string; status: string; basis: string }[]) {
    const list = matches.get(m.id) ?? [];
    list.push(`${m.advisory}: ${m.status.replace('-', ' ')} (${m.basis})`);
    matches.set(m.id, list);
  }
  const windows = new Map<number, string[]>();
  for (const w of windowsBetween(ctx, scope, scope.from, scope.to)) {
    const list = windows.get(w.deviceId) ?? [];
    list.push(`${TASK_LABEL[w.kind]} ${w.start}-${w.end.slice(11)} ${w.status}`);
    windows.set(w.deviceId, list);
  }
  const devices = ctx.db
    .prepare(
      `SELECT d.id, d.asset_tag, d.serial, d.manufacturer, v.name AS vendor, d.model, d.modality, dep.name AS department,
         d.location, d.ip, d.mac, d.hostname, d.os, d.software_version, d.install_date, d.state, d.network_state,
         r.priority, d.extra_json
       FROM device d LEFT JOIN vendor v ON v.id = d.vendor_id LEFT JOIN department dep ON dep.id = d.department_id
       LEFT JOIN device_risk r ON r.device_id = d.id
       WHERE ${inScope} ORDER BY d.asset_tag IS NULL, d.asset_tag, d.serial, d.id`,
    )
    .all(...params) as DeviceRow[];
  const rows = devices.map((d) => {
    const extra = Object.entries(JSON.parse(d.extra_json) as Record<string, string>).map(
      ([key, value]) => `${key}: ${value}`,
    );
    return [
      d.asset_tag,
      d.serial,
      d.manufacturer,
      d.vendor,
      d.model,
      d.modality,
      d.department,
      d.location,
      d.ip,
      d.mac,
      d.hostname,
      d.os,
      d.software_version,
      d.install_date,
      STATE_LABEL[d.state],
      d.network_state,
      d.priority,
      matches.get(d.id) ?? [],
      windows.get(d.id) ?? [],
      extra,
    ];
  });
  const title = 'Device register';
  return {
    report: 'devices',
    title,
    fileStem: fileStemOf(title, scope.today),
    header: scope.header(
      scope.from || scope.to
        ? `windows listed ${scope.from ?? 'from the first'} to ${scope.to ?? 'the last'}`
        : 'all windows',
    ),
    defaultOrientation: 'landscape',
    sections: [
      {
        kind: 'table',
        title: `${devices.length} devices`,
        sheet: 'Devices',
        columns: COLUMNS,
        rows,
        empty: 'No device is in the register.',
      },
    ],
  };
}

import type { DeviceFacets, DevicePage, ListDevicesInput } from '../../api/schemas/devices';
import type { CoreContext } from '../context';
import { groupCondition } from '../dashboard/device-groups';
import { DEVICE_COLUMNS, DEVICE_JOINS, type DeviceRow, toDevice } from './device-record';

const SORT_COLUMNS: Record<ListDevicesInput['sort']['field'], string> = {
  assetTag: 'd.asset_tag',
  serial: 'd.serial',
  manufacturer: 'd.manufacturer',
  vendor: 'v.name',
  model: 'd.model',
  modality: 'd.modality',
  department: 'dep.name',
  location: 'd.location',
  ip: 'd.ip',
  mac: 'd.mac',
  hostname: 'd.hostname',
  os: 'd.os',
  softwareVersion: 'd.software_version',
  installDate: 'd.install_date',
  state: 'd.state',
  networkState: 'd.network_state',
  priority: 'r.priority',
  patchStatus: 'r.patch_status',
  advisories: 'r.advisories',
  updatedAt: 'd.updated_at',
};

// device.search_text holds the device's own fields; the department's name lives in its table.
const SEARCHED = ['d.search_text', 'dep.name'];

/** One page of the device register, filtered, searched and sorted in SQLite so 100,000 devices stay fast. */
export function listDevices(ctx: CoreContext, input: ListDevicesInput): DevicePage {
  const where: string[] = [];
  const params: unknown[] = [];
  const anyOf = (column: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  anyOf('dep.name', input.filters.department);
  anyOf('v.name', input.filters.vendor);
  anyOf('(SELECT f.name FROM product_family f WHERE f.id = d.family_id)', input.filters.family);
  anyOf('d.os', input.filters.os);
  anyOf('d.state', input.filters.state);
  anyOf('d.network_state', input.filters.networkState);
  anyOf('r.patch_status', input.filters.patchStatus);
  for (const advisory of input.filters.advisory ?? []) {
    where.push("(' ' || r.advisories || ' ') LIKE ?");
    params.push(`% ${advisory} %`);
  }
  if (input.filters.flagged) where.push("d.flags_json <> '[]'");
  if (input.filters.group) {
    const group = groupCondition(ctx, input.filters.group);
    where.push(`(${group.sql})`);
    params.push(...group.params);
  }
  const term = input.search.trim();
  if (term !== '') {
    // Every word must appear in some field; LIKE's wildcards in the term are taken literally.
    for (const word of term.split(/\s+/)) {
      const spellings = [word, macSpelling(word)].filter((w): w is string => w !== null);
      const patterns = spellings.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(${patterns.flatMap(() => SEARCHED.map((c) => `${c} LIKE ? ESCAPE '\\'`)).join(' OR ')})`);
      params.push(...patterns.flatMap((pattern) => SEARCHED.map(() => pattern)));
    }
  }
  const from = `FROM ${DEVICE_JOINS} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`;
  const column = SORT_COLUMNS[input.sort.field];
  const direction = input.sort.direction === 'desc' ? 'DESC' : 'ASC';
  // The asset tag has a unique index: ordering by it plainly lets SQLite stop after one page. Other columns sort
  // without regard to case, blanks last.
  const order =
    input.sort.field === 'assetTag'
      ? `${column} ${direction}, d.id`
      : `${column} IS NULL, ${column} COLLATE NOCASE ${direction}, d.id`;
  const rows = ctx.db
    .prepare(`SELECT ${DEVICE_COLUMNS} ${from} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...params, input.limit, input.offset) as DeviceRow[];
  // A first page that is not full is the whole result: no second scan to count it (the slow case of a search).
  const total =
    input.offset === 0 && rows.length < input.limit
      ? rows.length
      : (ctx.db
          .prepare(`SELECT count(*) ${from}`)
          .pluck()
          .get(...params) as number);
  return { total, offset: input.offset, rows: rows.map(toDevice) };
}

export function deviceFacets(ctx: CoreContext): DeviceFacets {
  const distinct = (sql: string) => ctx.db.prepare(sql).pluck().all() as string[];
  return {
    departments: distinct(
      'SELECT DISTINCT dep.name FROM device d JOIN department dep ON dep.id = d.department_id ORDER BY dep.name COLLATE NOCASE',
    ),
    vendors: distinct(
      'SELECT DISTINCT v.name FROM device d JOIN vendor v ON v.id = d.vendor_id ORDER BY v.name COLLATE NOCASE',
    ),
    families: distinct(
      'SELECT DISTINCT f.name FROM device d JOIN product_family f ON f.id = d.family_id ORDER BY f.name COLLATE NOCASE',
    ),
    oses: distinct('SELECT DISTINCT os FROM device WHERE os IS NOT NULL ORDER BY os COLLATE NOCASE'),
    states: distinct('SELECT DISTINCT state FROM device ORDER BY state') as DeviceFacets['states'],
    advisories: distinct(
      'SELECT DISTINCT a.tracking_id FROM device_match m JOIN advisory a ON a.id = m.advisory_id ORDER BY 1',
    ),
    patchStatuses: distinct('SELECT DISTINCT patch_status FROM device_risk ORDER BY 1'),
    networkStates: distinct(
      'SELECT DISTINCT network_state FROM device ORDER BY 1',
    ) as DeviceFacets['networkStates'],
  };
}

/**
 * A MAC address, or part of one, as the register stores it (AA:BB:CC:...), from the spellings exports use:
 * "f7-8c-eb", "f78c.eb74.004a", "f78ceb74004a". Null for a word that is no such spelling.
 */
export function macSpelling(word: string): string | null {
  if (/^[0-9a-f]{2}([-.][0-9a-f]{2})+$/i.test(word)) return word.replace(/[-.]/g, ':');
  const hex = /^([0-9a-f]{4}\.){1,2}[0-9a-f]{4}$/i.test(word) ? word.replace(/\./g, '') : word;
  if (/^[0-9a-f]{12}$/i.test(hex)) return hex.match(/../g)?.join(':') ?? null;
  return null;
}

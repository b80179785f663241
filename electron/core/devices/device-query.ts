import type { DeviceFacets, DeviceFilters, DevicePage, ListDevicesInput } from '../../api/schemas/devices';
import type { CoreContext } from '../context';
import { groupCondition } from '../dashboard/device-groups';
import { prepared } from '../db/prepared';
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

/**
 * Columns that sort by a key rather than as text: addresses by number (10.0.0.2 before 10.0.0.10), versions in
 * natural order (2.3.5 before 12.2.8.410). The keys are computed by functions registered on the connection.
 */
const SORT_KEYS: Partial<Record<ListDevicesInput['sort']['field'], string>> = {
  ip: 'isopatch_ip_key(d.ip)',
  softwareVersion: 'isopatch_natural_key(d.software_version)',
};

// device.search_text holds the device's own fields; the department's name lives in its table, searched there
// once rather than joined for every device scanned.
const SEARCHED = [
  "d.search_text LIKE ? ESCAPE '\\'",
  "d.department_id IN (SELECT id FROM department WHERE name LIKE ? ESCAPE '\\')",
];

/** The register's search and filters as one SQL condition over DEVICE_JOINS (empty when nothing narrows). */
function deviceCondition(
  ctx: CoreContext,
  search: string,
  filters: DeviceFilters,
): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const anyOf = (column: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  anyOf('dep.name', filters.department);
  anyOf('v.name', filters.vendor);
  anyOf('(SELECT f.name FROM product_family f WHERE f.id = d.family_id)', filters.family);
  anyOf('d.os', filters.os);
  anyOf('d.state', filters.state);
  anyOf('d.network_state', filters.networkState);
  anyOf('r.patch_status', filters.patchStatus);
  for (const advisory of filters.advisory ?? []) {
    where.push("(' ' || r.advisories || ' ') LIKE ?");
    params.push(`% ${advisory} %`);
  }
  if (filters.flagged) where.push("d.flags_json <> '[]'");
  if (filters.group) {
    const group = groupCondition(ctx, filters.group);
    where.push(`(${group.sql})`);
    params.push(...group.params);
  }
  const term = search.trim();
  if (term !== '') {
    // Every word must appear in some field; LIKE's wildcards in the term are taken literally.
    for (const word of term.split(/\s+/)) {
      const spellings = [word, macSpelling(word)].filter((w): w is string => w !== null);
      const patterns = spellings.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(${patterns.flatMap(() => SEARCHED).join(' OR ')})`);
      params.push(...patterns.flatMap((pattern) => SEARCHED.map(() => pattern)));
    }
  }
  return { where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

/**
 * The ids of every device the register's search and filters match, in asset tag order: what "Select all devices
 * matching this filter" changes. Called inside the write's transaction, so it is the set the change applies to.
 */
export function matchingDeviceIds(
  ctx: CoreContext,
  query: { readonly search: string; readonly filters: DeviceFilters },
): number[] {
  const { where, params } = deviceCondition(ctx, query.search, query.filters);
  return ctx.db
    .prepare(`SELECT d.id FROM ${DEVICE_JOINS} ${where} ORDER BY d.asset_tag, d.id`)
    .pluck()
    .all(...params) as number[];
}

/** One page of the device register, filtered, searched and sorted in SQLite so 100,000 devices stay fast. */
export function listDevices(ctx: CoreContext, input: ListDevicesInput): DevicePage {
  registerSortKeys(ctx.db);
  const { where, params } = deviceCondition(ctx, input.search, input.filters);
  const from = `FROM ${DEVICE_JOINS} ${where}`;
  const column = SORT_KEYS[input.sort.field] ?? SORT_COLUMNS[input.sort.field];
  const direction = input.sort.direction === 'desc' ? 'DESC' : 'ASC';
  // The asset tag has a unique index: ordering by it plainly lets SQLite stop after one page. Other columns sort
  // without regard to case (the keys are in lower case already), blanks last.
  const order =
    input.sort.field === 'assetTag'
      ? `${column} ${direction}, d.id`
      : SORT_KEYS[input.sort.field]
        ? `${SORT_COLUMNS[input.sort.field]} IS NULL, ${column} ${direction}, d.id`
        : `${column} IS NULL, ${column} COLLATE NOCASE ${direction}, d.id`;
  // The page's ids first, then their rows: sorting narrow rows is cheaper than sorting whole devices (and much
  // cheaper when every row read beats the page kept so far, as in descending order of the import's own order).
  const ids = ctx.db
    .prepare(`SELECT d.id ${from} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...params, input.limit, input.offset) as number[];
  const byId = new Map(
    (
      ctx.db
        .prepare(
          `SELECT ${DEVICE_COLUMNS} FROM ${DEVICE_JOINS} WHERE d.id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(ids)) as DeviceRow[]
    ).map((row) => [row.id, row]),
  );
  const rows = ids.map((id) => byId.get(id)).filter((row): row is DeviceRow => row !== undefined);
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

/** What the devices use, each distinct combination once: one pass over the device table instead of one per facet. */
const USED = `used AS MATERIALIZED (
  SELECT DISTINCT department_id, vendor_id, family_id, os, state, network_state FROM device)`;

/** Each facet's values, named and ordered as the filter lists them. */
const FACETS_FROM_DEVICES = `WITH ${USED}
  SELECT 'departments' AS facet, name AS value FROM department WHERE id IN (SELECT department_id FROM used)
  UNION SELECT 'vendors', name FROM vendor WHERE id IN (SELECT vendor_id FROM used)
  UNION SELECT 'families', name FROM product_family WHERE id IN (SELECT family_id FROM used)
  UNION SELECT 'oses', os FROM used WHERE os IS NOT NULL
  UNION SELECT 'states', state FROM used
  UNION SELECT 'networkStates', network_state FROM used
  ORDER BY facet, value COLLATE NOCASE, value`;

export function deviceFacets(ctx: CoreContext): DeviceFacets {
  const lists = new Map<string, string[]>();
  const rows = prepared(ctx.db, FACETS_FROM_DEVICES).all() as { facet: string; value: string }[];
  for (const { facet, value } of rows) {
    const list = lists.get(facet) ?? [];
    list.push(value);
    lists.set(facet, list);
  }
  const distinct = (sql: string) => prepared(ctx.db, sql).pluck().all() as string[];
  const of = (facet: string) => lists.get(facet) ?? [];
  return {
    departments: of('departments'),
    vendors: of('vendors'),
    families: of('families'),
    oses: of('oses'),
    states: of('states') as DeviceFacets['states'],
    networkStates: of('networkStates') as DeviceFacets['networkStates'],
    advisories: distinct(
      'SELECT a.tracking_id FROM advisory a WHERE EXISTS (SELECT 1 FROM device_match m WHERE m.advisory_id = a.id) ORDER BY 1',
    ),
    patchStatuses: distinct('SELECT DISTINCT patch_status FROM device_risk ORDER BY 1'),
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

/** A run of digits by its value: its length without leading zeros, then the digits ("410" is "03410", after "0212"). */
const numberKey = (digits: string) => {
  const significant = digits.replace(/^0+(?=\d)/, '');
  return `${String(significant.length).padStart(2, '0')}${significant}`;
};

/** Keys of the values met lately: a register repeats its versions, and a key is computed once each. */
const naturalKeys = new Map<string, string>();

/**
 * A text's key for natural order, in lower case: each run of digits compares by its value, so "2.3.5" comes before
 * "12.2.8.410" and "v9" before "v10". Null stays null (blanks sort last).
 */
export function naturalSortKey(value: string | null): string | null {
  if (value === null) return null;
  const known = naturalKeys.get(value);
  if (known !== undefined) return known;
  const key = value.toLowerCase().replace(/\d+/g, numberKey);
  if (naturalKeys.size >= 10_000) naturalKeys.clear();
  naturalKeys.set(value, key);
  return key;
}

/**
 * Four dotted numbers of up to three digits ("10.0.0.12", or "10.300.1.1" as a flagged import kept it) as one
 * number, each part a digit of base 1000; null for anything else. Read by hand: it runs for every device sorted.
 */
function ipv4Number(text: string, end: number): number | null {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3) return null;
    } else if (c === 46 && digits > 0 && dots < 3) {
      value = value * 1000 + part;
      part = 0;
      digits = 0;
      dots++;
    } else return null;
  }
  return digits > 0 && dots === 3 ? value * 1000 + part : null;
}

/** The 32 hex digits of an IPv6 address (with "::" and a trailing IPv4 part), or null for anything else. */
function ipv6Digits(address: string): string | null {
  let text = address.toLowerCase();
  const v4 = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (v4) {
    const octets = (v4[2] ?? '').split('.').map(Number);
    if (octets.some((o) => o > 255)) return null;
    const hex = octets.map((o) => o.toString(16).padStart(2, '0')).join('');
    text = `${v4[1]}${hex.slice(0, 4)}:${hex.slice(4)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string | undefined) => (half ? half.split(':') : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill('0'), ...tail];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return all.map((g) => g.padStart(4, '0')).join('');
}

/**
 * An IP address's key for numeric order. IPv4 addresses come first, as numbers (10.0.0.2 before 10.0.0.10; with a
 * prefix length, "10.0.0.0/24", right after the bare address); SQLite sorts every number before any text. Then
 * IPv6 addresses by their 128 bits (a zone or prefix after the bare address), then anything else written in the
 * IP field, in natural order. Null stays null (blanks sort last).
 */
export function ipSortKey(value: string | null): number | string | null {
  if (value === null) return null;
  const text = value.trim();
  const slash = text.indexOf('/');
  const bare = ipv4Number(text, slash < 0 ? text.length : slash);
  if (bare !== null) {
    if (slash < 0) return bare * 1000;
    const prefix = text.slice(slash + 1);
    if (/^\d{1,3}$/.test(prefix)) return bare * 1000 + Number(prefix) + 1;
  }
  const [address = '', suffix = ''] = /^([^/%]*)(.*)$/.exec(text)?.slice(1) ?? [];
  if (address.includes(':')) {
    const v6 = ipv6Digits(address);
    if (v6) return `6${v6}${naturalSortKey(suffix)}`;
  }
  return `9${naturalSortKey(text)}`;
}

const withSortKeys = new WeakSet<CoreContext['db']>();
/** `isopatch_ip_key(text)` and `isopatch_natural_key(text)` on this connection, for ORDER BY. */
function registerSortKeys(db: CoreContext['db']): void {
  if (withSortKeys.has(db)) return;
  const options = { deterministic: true };
  db.function('isopatch_ip_key', options, (value) => ipSortKey(value === null ? null : String(value)));
  db.function('isopatch_natural_key', options, (value) =>
    naturalSortKey(value === null ? null : String(value)),
  );
  withSortKeys.add(db);
}

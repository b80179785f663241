import { DateTime } from 'luxon';
import type { CoreContext } from '../context';
import { categoryOf, UNPATCHED_CATEGORIES } from '../dashboard/device-groups';
import type { BurnDownPoint } from './model';
import { addDays, type ReportScope } from './scope';

/** At most this many points: a longer history is drawn from every n-th day. */
const MAX_POINTS = 400;
/** Without dates asked for, the chart shows at least two weeks, and at most the last year. */
const MIN_DAYS = 14;
const MAX_DEFAULT_DAYS = 365;

interface Tracked {
  state: string;
  network: string;
  exists: boolean;
}

interface Event {
  at: string;
  id: number;
  /** The order of recording among changes at the same instant: the audit row's id (creations have 0). */
  seq: number;
  state: string | null;
  network: string | null;
  /** The device was created then: before it, it did not exist. */
  created: boolean;
}

/** The dates the chart covers: those asked for, or from when the first device became affected to today. */
export function burnDownRange(ctx: CoreContext, scope: ReportScope): { from: string; to: string } {
  const earlier = (a: string, b: string) => (a <= b ? a : b);
  const to = scope.to ? earlier(scope.to, scope.today) : scope.today;
  if (scope.from) return { from: earlier(scope.from, to), to };
  const first = ctx.db
    .prepare(`SELECT min(d.affected_at) FROM device d WHERE ${scope.deviceFilter.sql}`)
    .pluck()
    .get(...scope.deviceFilter.params) as string | null;
  const firstDate = first ? (DateTime.fromISO(first, { zone: scope.zone }).toISODate() as string) : to;
  const earliest = addDays(to, -MAX_DEFAULT_DAYS);
  const latest = addDays(to, -(MIN_DAYS - 1));
  // The middle of the three: the first affected date, kept within [earliest, latest].
  const from = [earliest, firstDate, latest].sort()[1] as string;
  return { from, to };
}

/**
 * Exposed and unpatched devices at the end of each day, rebuilt from the audit history: start from the devices as
 * they are now and walk the audit log backwards, undoing each recorded state and network change (every change
 * of a device's state is audited with what it was before), and dropping devices before they were created.
 * Devices count under the department they are in now.
 */
export function burnDown(ctx: CoreContext, scope: ReportScope, from: string, to: string): BurnDownPoint[] {
  const devices = new Map<number, Tracked>();
  const counts = { exposed: 0, unpatched: 0 };
  const count = (device: Tracked, sign: 1 | -1) => {
    if (!device.exists) return;
    const category = categoryOf(device.state, device.network);
    if (category === 'exposed') counts.exposed += sign;
    if (category && UNPATCHED_CATEGORIES.includes(category)) counts.unpatched += sign;
  };
  const earliestBoundary = new Date(dayEnd(from, scope)).toISOString();
  const events: Event[] = [];
  for (const row of ctx.db
    .prepare(
      `SELECT d.id, d.state, d.network_state AS network, d.created_at FROM device d WHERE ${scope.deviceFilter.sql}`,
    )
    .iterate(...scope.deviceFilter.params) as Iterable<{
    id: number;
    state: string;
    network: string;
    created_at: string;
  }>) {
    const device = { state: row.state, network: row.network, exists: true };
    devices.set(row.id, device);
    count(device, 1);
    if (row.created_at > earliestBoundary)
      events.push({ at: row.created_at, id: row.id, seq: 0, state: null, network: null, created: true });
  }
  for (const row of ctx.db
    .prepare(
      `SELECT at, CAST(entity_id AS INTEGER) AS id, audit_log.id AS seq, json_extract(before_json, '$.state') AS state,
         json_extract(before_json, '$.network_state') AS network
       FROM audit_log WHERE entity = 'device' AND at > ? AND before_json IS NOT NULL
         AND (json_extract(before_json, '$.state') IS NOT NULL OR json_extract(before_json, '$.network_state') IS NOT NULL)
       ORDER BY at DESC, audit_log.id DESC`,
    )
    .iterate(earliestBoundary) as Iterable<Omit<Event, 'created'>>) {
    if (devices.has(row.id)) events.push({ ...row, created: false });
  }
  // Newest first. At the same instant (one action often records several steps, such as "not assessed" to
  // "affected" to "isolation planned"), the changes are undone last-recorded first, and before the creation.
  events.sort((a, b) =>
    a.at !== b.at
      ? a.at < b.at
        ? 1
        : -1
      : a.created !== b.created
        ? Number(a.created) - Number(b.created)
        : b.seq - a.seq,
  );

  const dates = datesBetween(from, to);
  const points: BurnDownPoint[] = [];
  let next = 0;
  for (let i = dates.length - 1; i >= 0; i--) {
    const date = dates[i] as string;
    const boundary = new Date(Math.min(dayEnd(date, scope), scope.nowMs)).toISOString();
    for (; next < events.length && (events[next] as Event).at > boundary; next++) {
      const event = events[next] as Event;
      const device = devices.get(event.id) as Tracked;
      count(device, -1);
      if (event.created) device.exists = false;
      if (event.state !== null) device.state = event.state;
      if (event.network !== null) device.network = event.network;
      count(device, 1);
    }
    points.push({ date, ...counts });
  }
  return points.reverse();
}

const dayEnd = (date: string, scope: ReportScope) =>
  DateTime.fromISO(date, { zone: scope.zone }).plus({ days: 1 }).startOf('day').toMillis();

/** Every day from `from` to `to`, or every n-th (the last always) when there are too many to draw. */
function datesBetween(from: string, to: string): string[] {
  const all: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) all.push(date);
  if (all.length <= MAX_POINTS) return all;
  const step = Math.ceil(all.length / MAX_POINTS);
  return all.filter((_, i) => (all.length - 1 - i) % step === 0);
}

import { DateTime } from 'luxon';
import { WEEKDAYS, type Weekday } from '../../api/schemas/site-model';

/**
 * Local times of day in a time zone, made into instants (epoch milliseconds) honestly: a local time that does
 * not exist on a spring-forward night becomes the first instant that does, and says so.
 */

export interface Instant {
  readonly ms: number;
  /** Set when the local time did not exist that day. */
  readonly shiftedFrom?: string;
}

const wallMinutes = (dt: DateTime) => dt.hour * 60 + dt.minute;

// Time-zone arithmetic is the planner's costliest step (measured: most of a 10,000-device plan), and the same
// local times recur across departments and teams, so each answer is kept for the process's life (bounded).
const instants = new Map<string, Instant>();
const CACHE_LIMIT = 500_000;

/** The instant of `time` (HH:MM) on the local `date` (YYYY-MM-DD) in `zone`. */
export function localInstant(date: string, time: string, zone: string): Instant {
  const key = `${zone} ${date} ${time}`;
  const known = instants.get(key);
  if (known) return known;
  if (instants.size >= CACHE_LIMIT) instants.clear();
  const instant = computeInstant(date, time, zone);
  instants.set(key, instant);
  return instant;
}

function computeInstant(date: string, time: string, zone: string): Instant {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const dt = DateTime.fromObject({ year, month, day, hour, minute }, { zone });
  if (dt.hour === hour && dt.minute === minute && dt.day === day) return { ms: dt.toMillis() };
  // In the gap: Luxon moved forward by the gap's length. The first instant whose wall time is at or past the
  // requested one is the transition itself; find it to the minute.
  const wanted = hour * 60 + minute;
  let low = dt.toMillis() - 4 * 3_600_000;
  let high = dt.toMillis();
  while (high - low > 60_000) {
    const mid = low + Math.floor((high - low) / 120_000) * 60_000;
    const local = DateTime.fromMillis(mid, { zone });
    if (local.day === day && wallMinutes(local) < wanted) low = mid;
    else high = mid;
  }
  return { ms: high, shiftedFrom: time };
}

/** 1 = Monday ... 7 = Sunday, as ISO and Luxon count. */
export const weekdayNumber = (day: Weekday) => WEEKDAYS.indexOf(day) + 1;

const dayLists = new Map<string, readonly { date: string; weekday: number }[]>();

/** Local dates from the day before `fromMs` to the day after `toMs`, each with its ISO weekday. */
export function localDays(
  fromMs: number,
  toMs: number,
  zone: string,
): readonly { date: string; weekday: number }[] {
  const key = `${zone} ${fromMs} ${toMs}`;
  const known = dayLists.get(key);
  if (known) return known;
  if (dayLists.size > 1000) dayLists.clear();
  const days: { date: string; weekday: number }[] = [];
  let day = DateTime.fromMillis(fromMs, { zone }).startOf('day').minus({ days: 1 });
  const last = DateTime.fromMillis(toMs, { zone }).startOf('day').plus({ days: 1 });
  while (day <= last) {
    days.push({ date: day.toISODate() as string, weekday: day.weekday });
    day = day.plus({ days: 1 });
  }
  dayLists.set(key, days);
  return days;
}

/** The calendar date after `date` (YYYY-MM-DD): plain date arithmetic, the same in every zone. */
export function nextDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

const dayStarts = new Map<string, number>();

/** The start of a local day as an instant (a day may start at 01:00 where midnight does not exist). */
export function startOfLocalDay(date: string, zone: string): number {
  const key = `${zone} ${date}`;
  const known = dayStarts.get(key);
  if (known !== undefined) return known;
  if (dayStarts.size >= CACHE_LIMIT) dayStarts.clear();
  const start = DateTime.fromISO(date, { zone }).startOf('day').toMillis();
  dayStarts.set(key, start);
  return start;
}

export const toLocalIso = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toISO() as string;

export const localDateOf = (ms: number, zone: string) =>
  DateTime.fromMillis(ms, { zone }).toISODate() as string;

/** "Sat 12 Dec 07:40" in the zone's local time. */
export const describeInstant = (ms: number, zone: string) =>
  DateTime.fromMillis(ms, { zone }).toFormat('ccc d LLL HH:mm');

/** "Sat 12 Dec 07:00-09:00" in the zone's local time, for conflict messages. */
export function describeSpan(startMs: number, endMs: number, zone: string): string {
  const start = DateTime.fromMillis(startMs, { zone });
  const end = DateTime.fromMillis(endMs, { zone });
  const sameDay = start.toISODate() === end.toISODate();
  return `${start.toFormat('ccc d LLL HH:mm')}-${end.toFormat(sameDay ? 'HH:mm' : 'ccc d LLL HH:mm')}`;
}

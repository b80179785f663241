import type { Blackout, Weekday } from '../../api/schemas/site-model';
import { localDays, localInstant, nextDate, startOfLocalDay, weekdayNumber } from './local-time';

/** A stretch of time, epoch milliseconds, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One occurrence of a weekly recurring period (a maintenance slot, a team's working day). */
export interface Occurrence extends Span {
  /** What a person should know about it: a daylight-saving change moved its start or end. */
  readonly note: string | null;
}

export interface WeeklyPeriod {
  readonly days: readonly Weekday[];
  readonly start: string;
  readonly end: string;
}

/**
 * Every occurrence of weekly local periods between two instants, in a time zone; a period whose end is at or before
 * its start crosses midnight. Occurrences are sorted and may overlap only if the periods do.
 */
export function occurrences(
  periods: readonly WeeklyPeriod[],
  zone: string,
  from: number,
  to: number,
): Occurrence[] {
  const result: Occurrence[] = [];
  for (const day of localDays(from, to, zone)) {
    for (const period of periods) {
      if (!period.days.some((d) => weekdayNumber(d) === day.weekday)) continue;
      const start = localInstant(day.date, period.start, zone);
      const end = localInstant(period.end <= period.start ? nextDate(day.date) : day.date, period.end, zone);
      if (end.ms <= start.ms || end.ms <= from || start.ms >= to) continue;
      const moved = [start, end].filter((i) => i.shiftedFrom !== undefined);
      result.push({
        start: start.ms,
        end: end.ms,
        note:
          moved.length === 0
            ? null
            : `${moved.map((i) => i.shiftedFrom).join(' and ')} did not exist on ${day.date} (clocks went forward); this window used the local times that did`,
      });
    }
  }
  return result.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Blackouts as spans: whole local days, from the start of the first to the start of the day after the last. */
export function blackoutSpans(blackouts: readonly Blackout[], zone: string): (Span & { reason: string })[] {
  return blackouts.map((b) => ({
    start: startOfLocalDay(b.from, zone),
    end: startOfLocalDay(nextDate(b.to), zone),
    reason: b.reason || `blackout ${b.from}${b.to === b.from ? '' : ` to ${b.to}`}`,
  }));
}

/** The parts of the occurrences that no blackout covers. */
export function withoutBlackouts(list: readonly Occurrence[], blackouts: readonly Span[]): Occurrence[] {
  if (blackouts.length === 0) return [...list];
  const result: Occurrence[] = [];
  for (const occurrence of list) {
    let pieces: Occurrence[] = [occurrence];
    for (const b of blackouts) {
      pieces = pieces.flatMap((p) => {
        if (b.end <= p.start || b.start >= p.end) return [p];
        const kept: Occurrence[] = [];
        if (b.start > p.start) kept.push({ ...p, end: b.start });
        if (b.end < p.end) kept.push({ ...p, start: b.end });
        return kept;
      });
    }
    result.push(...pieces);
  }
  return result;
}

/** The occurrence that wholly contains [start, end), if one does (binary search over sorted occurrences). */
export function containing<T extends Span>(list: readonly T[], start: number, end: number): T | undefined {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((list[mid] as T).start <= start) low = mid + 1;
    else high = mid;
  }
  // Occurrences may overlap (two slots on one evening): look back over the ones that start before.
  for (let i = low - 1; i >= 0 && i >= low - 8; i--) {
    const o = list[i] as T;
    if (o.start <= start && o.end >= end) return o;
  }
  return undefined;
}

/** Index of the first occurrence that ends after `at`. */
export function firstEndingAfter(list: readonly Span[], at: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((list[mid] as Span).end <= at) low = mid + 1;
    else high = mid;
  }
  return low;
}

import { DateTime } from 'luxon';
import type { TaskKind } from '../../../electron/api/schemas/site-model';

/**
 * Times on the schedule are shown in the site's local time, whatever the computer's own time zone: a window at
 * 07:00 in Berlin reads 07:00 on a laptop set to UTC. Luxon does the zone arithmetic (as the core does).
 */

export type Scale = 'day' | 'week' | 'month';

const LOCALE = 'en-GB';
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
/** Drag and keyboard steps: windows start and end on quarter hours. */
export const SNAP_MS = 15 * MINUTE_MS;

export const KIND_LABELS: Record<TaskKind, string> = {
  isolation: 'Isolation',
  patch: 'Patch',
  qc: 'QC',
  reconnection: 'Reconnection',
};
/** As a sentence says it: "NM-1 isolation", "NM-1 QC". */
export const kindWord = (kind: TaskKind) => (kind === 'qc' ? 'QC' : kind);

const local = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone, locale: LOCALE });

/** "Sat 5 Dec 07:00-07:30", or with both dates when it crosses midnight (as the core's conflict messages say). */
export function spanText(startMs: number, endMs: number, zone: string): string {
  const start = local(startMs, zone);
  const end = local(endMs, zone);
  const sameDay = start.toISODate() === end.toISODate();
  return `${start.toFormat('ccc d LLL HH:mm')}-${end.toFormat(sameDay ? 'HH:mm' : 'ccc d LLL HH:mm')}`;
}

/** "Sat 5 Dec 2026" */
export const dateText = (ms: number, zone: string) => local(ms, zone).toFormat('ccc d LLL yyyy');
export const dateOfIso = (iso: string, zone: string) => local(Date.parse(iso), zone).toISODate() as string;

/** An instant as the core takes it: ISO 8601 with the site's offset. */
export const toInstant = (ms: number, zone: string) => local(ms, zone).toISO() as string;

/** The value of an <input type="datetime-local"> in the site's time zone. */
export const toLocalInput = (ms: number, zone: string) => local(ms, zone).toFormat("yyyy-LL-dd'T'HH:mm");

export function fromLocalInput(value: string, zone: string): number | null {
  if (!value) return null;
  const dt = DateTime.fromISO(value, { zone });
  return dt.isValid ? dt.toMillis() : null;
}

export const snap = (ms: number) => Math.round(ms / SNAP_MS) * SNAP_MS;

export interface VisibleRange {
  /** First and last local day shown (YYYY-MM-DD), as listWindows takes them. */
  readonly from: string;
  readonly to: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly days: number;
}

function firstDay(scale: Scale, anchor: string, zone: string): DateTime {
  const day = DateTime.fromISO(anchor, { zone, locale: LOCALE }).startOf('day');
  if (scale === 'week') return day.startOf('week');
  if (scale === 'month') return day.startOf('month');
  return day;
}

export function visibleRange(scale: Scale, anchor: string, zone: string): VisibleRange {
  const first = firstDay(scale, anchor, zone);
  const next = first.plus(scale === 'day' ? { days: 1 } : scale === 'week' ? { weeks: 1 } : { months: 1 });
  const last = next.minus({ days: 1 });
  return {
    from: first.toISODate() as string,
    to: last.toISODate() as string,
    startMs: first.toMillis(),
    endMs: next.startOf('day').toMillis(),
    days: Math.round(next.diff(first, 'days').days),
  };
}

/** The anchor one day, week or month earlier or later. */
export function stepAnchor(scale: Scale, anchor: string, direction: -1 | 1, zone: string): string {
  const first = firstDay(scale, anchor, zone);
  const unit =
    scale === 'day' ? { days: direction } : scale === 'week' ? { weeks: direction } : { months: direction };
  return first.plus(unit).toISODate() as string;
}

/** "Sat 5 Dec 2026", "Mon 30 Nov – Sun 6 Dec 2026", "December 2026". */
export function rangeText(scale: Scale, range: VisibleRange, zone: string): string {
  const first = local(range.startMs, zone);
  if (scale === 'day') return first.toFormat('cccc d LLLL yyyy');
  if (scale === 'month') return first.toFormat('LLLL yyyy');
  const last = DateTime.fromISO(range.to, { zone, locale: LOCALE });
  return `${first.toFormat('ccc d LLL')} – ${last.toFormat('ccc d LLL yyyy')}`;
}

export interface Tick {
  readonly ms: number;
  readonly label: string;
}

/** Local midnights in the range, labelled for the scale. */
export function dayTicks(range: VisibleRange, scale: Scale, zone: string): Tick[] {
  const ticks: Tick[] = [];
  let day = local(range.startMs, zone).startOf('day');
  while (day.toMillis() < range.endMs) {
    ticks.push({
      ms: day.toMillis(),
      label: day.toFormat(scale === 'month' ? 'ccc d' : scale === 'week' ? 'cccc d LLL' : 'cccc d LLLL'),
    });
    day = day.plus({ days: 1 });
  }
  return ticks;
}

/** Hours of the day, every `every` hours, in local time. */
export function hourTicks(range: VisibleRange, zone: string, every: number): Tick[] {
  const ticks: Tick[] = [];
  let at = local(range.startMs, zone).startOf('day');
  while (at.toMillis() < range.endMs) {
    if (at.hour % every === 0 && at.minute === 0)
      ticks.push({ ms: at.toMillis(), label: at.toFormat('HH:mm') });
    at = at.plus({ hours: 1 });
  }
  return ticks;
}

const WEEKDAY_NUMBER = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 } as const;

/** The weekly maintenance slots of a department as spans in the range (an end at or before the start crosses midnight). */
export function slotSpans(
  slots: readonly { day: keyof typeof WEEKDAY_NUMBER; start: string; end: string }[],
  zone: string,
  range: VisibleRange,
): { start: number; end: number; label: string }[] {
  const spans: { start: number; end: number; label: string }[] = [];
  // From the day before, for a slot that crosses midnight into the range.
  let day = local(range.startMs, zone).startOf('day').minus({ days: 1 });
  while (day.toMillis() < range.endMs) {
    for (const slot of slots) {
      if (WEEKDAY_NUMBER[slot.day] !== day.weekday) continue;
      const [sh, sm] = slot.start.split(':').map(Number) as [number, number];
      const [eh, em] = slot.end.split(':').map(Number) as [number, number];
      const start = day.set({ hour: sh, minute: sm });
      let end = day.set({ hour: eh, minute: em });
      if (end <= start) end = end.plus({ days: 1 });
      if (end.toMillis() > range.startMs && start.toMillis() < range.endMs)
        spans.push({
          start: start.toMillis(),
          end: end.toMillis(),
          label: `Maintenance slot ${slot.day} ${slot.start}-${slot.end}`,
        });
    }
    day = day.plus({ days: 1 });
  }
  return spans;
}

/** The local day after `date`. */
export const nextDay = (date: string, zone: string) =>
  DateTime.fromISO(date, { zone }).plus({ days: 1 }).toISODate() as string;

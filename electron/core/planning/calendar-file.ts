import { DateTime } from 'luxon';
import type { PlannedWindow } from '../../api/schemas/planning';
import type { TaskKind } from '../../api/schemas/site-model';

/**
 * Planned windows as an iCalendar file (RFC 5545), written by hand. ical-generator (the maintained library for
 * this) was measured first: its 11.1.2 writes the calendar name unescaped, so an organization or department name
 * with a line break injects property lines and ical.js refuses the file, and it requires Node 22 while Isopatch
 * supports Node 20.19. What the export needs (escaping, folding, UTC times) is the few lines below, checked against
 * Mozilla's strict parser (ical.js) in the tests.
 */

export interface CalendarMeta {
  /** Whose plan it is; shown in the calendar's description and each event's. */
  readonly organization: string;
  /** Stable per database, so that UIDs are unique across databases and the same on every export. */
  readonly instanceId: string;
  readonly generatedAt: Date;
  /** The calendar's name in the user's calendar program. */
  readonly title: string;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

const VERB: Readonly<Record<TaskKind, string>> = {
  isolation: 'Isolate',
  patch: 'Patch',
  qc: 'QC after patch',
  reconnection: 'Reconnect',
};

const TASK: Readonly<Record<TaskKind, string>> = {
  isolation: 'isolate the device in its dedicated network segment until it is patched',
  patch: "install the vendor's patch",
  qc: 'quality control after the patch: check the device works as before',
  reconnection: 'reconnect the patched device to the hospital network',
};

/**
 * A window that was in the plan and is no longer: removed by a new plan or by hand, or cancelled with its device.
 * A calendar that imported it earlier keeps the event until a file cancels it under the same UID.
 */
export interface WithdrawnWindow {
  readonly id: number;
  readonly kind: TaskKind;
  readonly assetTag: string;
  readonly department: string;
  readonly start: string;
  readonly end: string;
}

/** A cancelled window is no work to do; a plan preview's task has no id and so no stable UID. */
export const inCalendar = (w: PlannedWindow): w is PlannedWindow & { id: number } =>
  w.id !== null && w.status !== 'cancelled';

/**
 * TEXT escaping (RFC 5545 3.3.11). A line break of any kind becomes `\n`, so imported text can never start a
 * property line of its own; other control characters are not allowed in TEXT at all and become spaces.
 */
export function escapeText(value: string): string {
  return value
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[^\P{Cc}\t]/gu, ' ');
}

const utf8Length = (codePoint: number) =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

/** Folds a content line at 75 octets of UTF-8 (RFC 5545 3.1), never inside a character. */
export function foldLine(line: string): string {
  let folded = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > MAX_OCTETS) {
      folded += `${CRLF} `;
      octets = 1;
    }
    folded += char;
    octets += size;
  }
  return folded;
}

/** 20261212T060000Z: UTC needs no VTIMEZONE and means the same instant in every calendar program. */
function utcDateTime(iso: string | Date, what: string): string {
  const ms = typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
  if (Number.isNaN(ms)) throw new Error(`${what} is not a date and time: ${String(iso)}`);
  return new Date(ms)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1);

/**
 * Calendar programs apply a re-imported event only when its SEQUENCE is higher than the one they have. The
 * windows carry no revision number, so the export's own time is used (seconds since 2020, fits the 32-bit INTEGER
 * until 2088): a window moved since the last export always comes with a higher number. Unchanged events are
 * re-applied too, which changes nothing.
 */
const sequenceOf = (generatedAt: Date) =>
  Math.max(0, Math.floor((generatedAt.getTime() - SEQUENCE_EPOCH) / 1000));

const present = (...parts: (string | null | undefined)[]) =>
  parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '');

/** An instant in the site's time zone (UTC when the zone is unknown), in English whatever the computer's language. */
function local(iso: string, timeZone: string): DateTime {
  const inZone = DateTime.fromISO(iso, { zone: timeZone, locale: 'en-GB' });
  return inZone.isValid ? inZone : DateTime.fromISO(iso, { zone: 'UTC', locale: 'en-GB' });
}

const DAY_TIME = 'ccc d LLL yyyy HH:mm';
const offsetOf = (t: DateTime) => `UTC${t.toFormat('ZZ')}`;

/** "Sun 29 Mar 2026 01:30 to 04:00 Europe/Berlin time (UTC+01:00 to UTC+02:00)". */
function localSpan(start: string, end: string, timeZone: string): string {
  const from = local(start, timeZone);
  const to = local(end, timeZone);
  const until = to.hasSame(from, 'day') ? to.toFormat('HH:mm') : to.toFormat(DAY_TIME);
  const offsets = from.offset === to.offset ? offsetOf(from) : `${offsetOf(from)} to ${offsetOf(to)}`;
  return `${from.toFormat(DAY_TIME)} to ${until} ${from.zoneName ?? 'UTC'} time (${offsets})`;
}

function localMoment(at: string, timeZone: string): string {
  const t = local(at, timeZone);
  return `${t.toFormat(DAY_TIME)} ${t.zoneName ?? 'UTC'} time (${offsetOf(t)})`;
}

function summaryOf(w: PlannedWindow): string {
  const model = w.model?.trim() ? ` (${w.model.trim()})` : '';
  return `${VERB[w.kind]} ${w.assetTag}${model} - ${w.department}`;
}

function descriptionOf(w: PlannedWindow & { id: number }, organization: string): string {
  const device = present(w.model, w.modality).join(', ');
  const lines = [
    `Device: ${w.assetTag}${device ? ` (${device})` : ''}`,
    `Task: ${TASK[w.kind]}`,
    `Where: ${present(w.site, w.department, w.location).join(', ')}`,
    // A done window's start and end are the actual times (the event sits there); the plan stays on record.
    `Planned: ${localSpan(w.plannedStart ?? w.start, w.plannedEnd ?? w.end, w.timeZone)}`,
  ];
  if (w.actualStart && w.actualEnd) lines.push(`Done: ${localSpan(w.actualStart, w.actualEnd, w.timeZone)}`);
  else if (w.actualStart) lines.push(`Started: ${localMoment(w.actualStart, w.timeZone)}`);
  const team = w.team?.trim() ? w.team.trim() : 'not assigned yet';
  lines.push(`Team: ${team}${w.teamContact?.trim() ? `, contact ${w.teamContact.trim()}` : ''}`);
  lines.push(`Status: ${w.status}${w.locked ? ', locked' : ''}`);
  if (w.conflicts.length > 0) lines.push('Conflicts:', ...w.conflicts.map((c) => `- ${c}`));
  if (w.note?.trim()) lines.push(`Note: ${w.note.trim()}`);
  lines.push(`Isopatch window ${w.id}${organization.trim() ? ` of ${organization.trim()}` : ''}.`);
  return lines.join('\n');
}

const uidOf = (id: number, meta: CalendarMeta) =>
  `UID:${escapeText(`window-${id}-${meta.instanceId}@isopatch`)}`;

/** The same UID as the event it was, so the calendar program takes the event out. */
function cancellationOf(w: WithdrawnWindow, meta: CalendarMeta, stamp: string): string[] {
  return [
    'BEGIN:VEVENT',
    uidOf(w.id, meta),
    `DTSTAMP:${stamp}`,
    `DTSTART:${utcDateTime(w.start, `The start of withdrawn window ${w.id}`)}`,
    `DTEND:${utcDateTime(w.end, `The end of withdrawn window ${w.id}`)}`,
    `SEQUENCE:${sequenceOf(meta.generatedAt)}`,
    `SUMMARY:${escapeText(`Cancelled: ${VERB[w.kind]} ${w.assetTag} - ${w.department}`)}`,
    `DESCRIPTION:${escapeText(`No longer planned: Isopatch window ${w.id} was removed from the plan.`)}`,
    'STATUS:CANCELLED',
    'END:VEVENT',
  ];
}

function eventOf(w: PlannedWindow & { id: number }, meta: CalendarMeta, stamp: string): string[] {
  const where = present(w.site, w.department, w.location).join(', ');
  return [
    'BEGIN:VEVENT',
    uidOf(w.id, meta),
    `DTSTAMP:${stamp}`,
    `DTSTART:${utcDateTime(w.start, `The start of window ${w.id}`)}`,
    `DTEND:${utcDateTime(w.end, `The end of window ${w.id}`)}`,
    `SEQUENCE:${sequenceOf(meta.generatedAt)}`,
    `SUMMARY:${escapeText(summaryOf(w))}`,
    ...(where ? [`LOCATION:${escapeText(where)}`] : []),
    `DESCRIPTION:${escapeText(descriptionOf(w, meta.organization))}`,
    `CATEGORIES:${escapeText(w.kind)}`,
    // A window that breaks a rule is not settled, even when placed by hand.
    `STATUS:${w.status === 'done' || (w.locked && w.conflicts.length === 0) ? 'CONFIRMED' : 'TENTATIVE'}`,
    'END:VEVENT',
  ];
}

/**
 * One VEVENT per window that is work to do, sorted by start, then one cancelled VEVENT per withdrawn window. With
 * neither the calendar has no component, which RFC 5545's grammar does not allow: callers refuse that case.
 */
export function calendarOf(
  windows: readonly PlannedWindow[],
  meta: CalendarMeta,
  withdrawn: readonly WithdrawnWindow[] = [],
): string {
  const stamp = utcDateTime(meta.generatedAt, 'The export time');
  const events = windows
    .filter(inCalendar)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id - b.id);
  const organization = meta.organization.trim();
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Isopatch//Isolation and patch windows//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(meta.title)}`,
    `X-WR-CALDESC:${escapeText(`Isolation and patch windows planned with Isopatch${organization ? ` for ${organization}` : ''}`)}`,
    ...events.flatMap((w) => eventOf(w, meta, stamp)),
    ...withdrawn.flatMap((w) => cancellationOf(w, meta, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

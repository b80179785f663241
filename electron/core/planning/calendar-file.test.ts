import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { PlannedWindow } from '../../api/schemas/planning';
import { calendarOf, foldLine } from './calendar-file';

const window = (
  fields: Partial<PlannedWindow> & Pick<PlannedWindow, 'id' | 'start' | 'end'>,
): PlannedWindow => ({
  deviceId: 1,
  assetTag: 'SPECT-0042',
  model: 'Symbia T16',
  modality: 'NM',
  location: 'Room 0.12',
  kind: 'isolation',
  team: 'Imaging IT',
  teamContact: '+49 30 1234-567',
  department: 'Nuclear Medicine',
  site: 'Main site',
  timeZone: 'Europe/Berlin',
  locked: false,
  status: 'planned',
  actualStart: null,
  actualEnd: null,
  plannedStart: null,
  plannedEnd: null,
  conflicts: [],
  note: null,
  ...fields,
});

/** Across the spring-forward night: 02:00-03:00 does not exist in Berlin on 29 March 2026. */
const berlin = window({
  id: 7,
  start: '2026-03-29T01:30:00.000+01:00',
  end: '2026-03-29T04:00:00.000+02:00',
  note: '02:00 did not exist on 2026-03-29 (clocks went forward); this window used the local times that did',
});

/** Across the fall-back night: 01:00-02:00 happens twice in New York on 1 November 2026. */
const newYork = window({
  id: 8,
  deviceId: 2,
  assetTag: 'PET-0007',
  model: 'Biograph mCT',
  modality: 'PT',
  kind: 'patch',
  start: '2026-11-01T01:00:00.000-04:00',
  end: '2026-11-01T03:00:00.000-05:00',
  department: 'Radiology',
  site: 'Brooklyn campus',
  timeZone: 'America/New_York',
  team: 'Siemens field service',
  teamContact: 'fse@example.com',
  locked: true,
  conflicts: ['Radiology would have 2 PT devices down at once; at most 1 may be'],
});

const HOSTILE_LOCATION = 'Room 1\r\nBEGIN:VEVENT\r\nUID:evil; , \\ end';
const hostile = window({
  id: 9,
  deviceId: 3,
  assetTag: 'CT;1,2\\3',
  model: `Füße ${'Größe 😀 '.repeat(12)}`,
  modality: null,
  location: HOSTILE_LOCATION,
  kind: 'qc',
  start: '2026-12-12T07:00:00.000+01:00',
  end: '2026-12-12T09:00:00.000+01:00',
  status: 'done',
  actualStart: '2026-12-12T07:05:00.000+01:00',
  actualEnd: '2026-12-12T08:40:00.000+01:00',
  team: 'Biomed\nnight shift',
  teamContact: null,
  note: 'bell\u0007 null\u0000 tab\tkept',
});

const reconnect = window({
  id: 10,
  deviceId: 4,
  assetTag: 'SPECT-0043',
  model: null,
  modality: null,
  location: null,
  kind: 'reconnection',
  start: '2026-12-19T07:00:00.000+01:00',
  end: '2026-12-19T07:30:00.000+01:00',
  team: null,
  teamContact: null,
  status: 'in-progress',
  locked: true,
  actualStart: '2026-12-19T07:02:00.000+01:00',
});

const cancelled = window({
  id: 11,
  start: '2026-12-20T07:00:00.000+01:00',
  end: '2026-12-20T08:00:00.000+01:00',
  status: 'cancelled',
});

const preview = window({
  id: null,
  start: '2026-12-21T07:00:00.000+01:00',
  end: '2026-12-21T08:00:00.000+01:00',
});

const META = {
  organization: 'St. Mary; Hospital, Berlin',
  instanceId: '3f2a9c1b0d4e5f60',
  generatedAt: new Date('2026-11-29T10:00:00.250Z'),
  title: 'St. Mary: all departments\r\nMETHOD:CANCEL',
};

const ALL = [hostile, newYork, berlin, reconnect, cancelled, preview];

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar
    .getAllSubcomponents('vevent')
    .map((c) => ({ component: c, event: new ICAL.Event(c) }));
  return { calendar, events };
}

function eventFor(text: string, id: number) {
  const found = parse(text).events.find((e) => e.event.uid === `window-${id}-${META.instanceId}@isopatch`);
  if (!found) throw new Error(`no event for window ${id}`);
  return found;
}

describe('calendarOf', () => {
  const text = calendarOf(ALL, META);

  it('loads in a strict parser with the calendar properties', () => {
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Isopatch//Isolation and patch windows//EN');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    // ical.js keeps the value of an X- property as written (its type is unknown to it): compare escaped text.
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('St. Mary: all departments\\nMETHOD:CANCEL');
    expect(calendar.getFirstPropertyValue('x-wr-caldesc')).toBe(
      'Isolation and patch windows planned with Isopatch for St. Mary\\; Hospital\\, Berlin',
    );
    expect(events.map((e) => e.event.uid)).toEqual(
      [berlin, newYork, hostile, reconnect].map((w) => `window-${w.id}-3f2a9c1b0d4e5f60@isopatch`),
    );
  });

  it('gives every event the instants of its window, in UTC, and the export time as DTSTAMP', () => {
    for (const w of [berlin, newYork, hostile, reconnect]) {
      const { component, event } = eventFor(text, w.id as number);
      expect(event.startDate.toJSDate().getTime()).toBe(Date.parse(w.start));
      expect(event.endDate.toJSDate().getTime()).toBe(Date.parse(w.end));
      expect(event.startDate.zone?.tzid).toBe('UTC');
      expect((component.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe(
        '2026-11-29T10:00:00.000Z',
      );
    }
    expect(text).toContain('\r\nDTSTART:20260329T003000Z\r\nDTEND:20260329T020000Z\r\n');
    expect(text).toContain('\r\nDTSTART:20261101T050000Z\r\nDTEND:20261101T080000Z\r\n');
  });

  it('names the task, device and department in the summary', () => {
    expect(eventFor(text, 7).event.summary).toBe('Isolate SPECT-0042 (Symbia T16) - Nuclear Medicine');
    expect(eventFor(text, 8).event.summary).toBe('Patch PET-0007 (Biograph mCT) - Radiology');
    expect(eventFor(text, 9).event.summary).toBe(
      `QC after patch CT;1,2\\3 (${hostile.model?.trim()}) - Nuclear Medicine`,
    );
    expect(eventFor(text, 10).event.summary).toBe('Reconnect SPECT-0043 - Nuclear Medicine');
  });

  it('describes what to do, where, when in local time, with whom, and what is wrong', () => {
    const { event, component } = eventFor(text, 7);
    expect(event.location).toBe('Main site, Nuclear Medicine, Room 0.12');
    expect(event.description.split('\n')).toEqual([
      'Device: SPECT-0042 (Symbia T16, NM)',
      'Task: isolate the device in its dedicated network segment until it is patched',
      'Where: Main site, Nuclear Medicine, Room 0.12',
      'Planned: Sun 29 Mar 2026 01:30 to 04:00 Europe/Berlin time (UTC+01:00 to UTC+02:00)',
      'Team: Imaging IT, contact +49 30 1234-567',
      'Status: planned',
      `Note: ${berlin.note}`,
      'Isopatch window 7 of St. Mary; Hospital, Berlin.',
    ]);
    expect(component.getFirstPropertyValue('categories')).toBe('isolation');
    expect(component.getFirstPropertyValue('status')).toBe('TENTATIVE');

    const ny = eventFor(text, 8);
    expect(ny.event.description).toContain(
      'Planned: Sun 1 Nov 2026 01:00 to 03:00 America/New_York time (UTC-04:00 to UTC-05:00)',
    );
    expect(ny.event.description).toContain('Team: Siemens field service, contact fse@example.com');
    expect(ny.event.description).toContain(
      'Conflicts:\n- Radiology would have 2 PT devices down at once; at most 1 may be',
    );
    expect(ny.event.description).toContain('Status: planned, locked');
    // Placed by hand but breaking a rule: not settled.
    expect(ny.component.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(ny.component.getFirstPropertyValue('categories')).toBe('patch');

    const done = eventFor(text, 9);
    expect(done.event.description).toContain(
      'Done: Sat 12 Dec 2026 07:05 to 08:40 Europe/Berlin time (UTC+01:00)',
    );
    expect(done.component.getFirstPropertyValue('status')).toBe('CONFIRMED');

    const started = eventFor(text, 10);
    expect(started.event.location).toBe('Main site, Nuclear Medicine');
    expect(started.event.description).toContain('Team: not assigned yet');
    expect(started.event.description).toContain(
      'Started: Sat 19 Dec 2026 07:02 Europe/Berlin time (UTC+01:00)',
    );
  });

  it('leaves out cancelled windows and previews without an id', () => {
    expect(text).not.toContain('window-11-');
    expect(text).not.toContain('window-null-');
    expect(parse(text).events).toHaveLength(4);
  });

  it('keeps imported text as text: no injected line, exact round trip', () => {
    const { event } = eventFor(text, 9);
    expect(event.location).toBe(`Main site, Nuclear Medicine, ${HOSTILE_LOCATION.replace(/\r\n/g, '\n')}`);
    expect(event.description).toContain('Device: CT;1,2\\3');
    expect(event.description).toContain('Team: Biomed\nnight shift');
    // Control characters other than tab are not allowed in TEXT: they become spaces.
    expect(event.description).toContain('Note: bell  null  tab\tkept');
    const unfolded = text.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(unfolded.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(4);
    expect(unfolded.filter((l) => l.startsWith('UID:'))).toHaveLength(4);
    expect(unfolded).toContain(
      'LOCATION:Main site\\, Nuclear Medicine\\, Room 1\\nBEGIN:VEVENT\\nUID:evil\\; \\, \\\\ end',
    );
    expect(unfolded.filter((l) => l.startsWith('METHOD:'))).toEqual(['METHOD:PUBLISH']);
  });

  it('ends every line with CRLF and folds at 75 octets without splitting a character', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(lines.filter((l) => Buffer.byteLength(l, 'utf8') === 75).length).toBeGreaterThan(0);
  });

  it('folds multi-byte characters whole', () => {
    const folded = foldLine(`SUMMARY:${'ü'.repeat(40)}😀${'€'.repeat(30)}`).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const line of folded) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    }
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(
      `SUMMARY:${'ü'.repeat(40)}😀${'€'.repeat(30)}`,
    );
  });

  it('gives the same UIDs on every export, and a moved window keeps its UID with a higher SEQUENCE', () => {
    const later = { ...META, generatedAt: new Date('2026-12-01T08:00:00Z') };
    const again = parse(calendarOf(ALL, later)).events.map((e) => e.event.uid);
    expect(again).toEqual(parse(text).events.map((e) => e.event.uid));

    const moved = { ...berlin, start: '2026-04-05T01:30:00.000+02:00', end: '2026-04-05T04:00:00.000+02:00' };
    const movedText = calendarOf([moved], later);
    const before = eventFor(text, 7);
    const after = eventFor(movedText, 7);
    expect(after.event.uid).toBe(before.event.uid);
    expect(after.event.startDate.toJSDate().getTime()).toBe(Date.parse(moved.start));
    expect(after.event.sequence).toBeGreaterThan(before.event.sequence);
  });

  it('is the same text for the same windows and export time', () => {
    expect(calendarOf([...ALL].reverse(), META)).toBe(text);
  });
});

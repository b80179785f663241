import { describe, expect, it } from 'vitest';
import { blackoutSpans, occurrences, withoutBlackouts } from './calendar';
import { localInstant } from './local-time';

const iso = (ms: number) => new Date(ms).toISOString();
const week = (from: string, days = 7) =>
  [Date.parse(`${from}T00:00:00Z`), Date.parse(`${from}T00:00:00Z`) + days * 86_400_000] as const;

describe('maintenance slots in local time', () => {
  it('stay at 07:00 local in Berlin across the spring-forward weekend (UTC moves, local does not)', () => {
    const [from, to] = week('2026-03-27', 10);
    const list = occurrences([{ days: ['Sat'], start: '07:00', end: '09:00' }], 'Europe/Berlin', from, to);
    expect(list.map((o) => [iso(o.start), iso(o.end)])).toEqual([
      ['2026-03-28T06:00:00.000Z', '2026-03-28T08:00:00.000Z'], // CET, UTC+1
      ['2026-04-04T05:00:00.000Z', '2026-04-04T07:00:00.000Z'], // CEST, UTC+2
    ]);
    expect(list.every((o) => o.note === null)).toBe(true);
  });

  it('handle a slot that does not exist on the spring-forward night in Berlin, and say so', () => {
    const [from, to] = week('2026-03-28', 2);
    const [slot] = occurrences([{ days: ['Sun'], start: '02:00', end: '04:00' }], 'Europe/Berlin', from, to);
    // 02:00-03:00 never happens on 29 March 2026: the slot runs from 03:00 CEST (01:00Z) to 04:00 CEST.
    expect(slot && [iso(slot.start), iso(slot.end)]).toEqual([
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T02:00:00.000Z',
    ]);
    expect(slot?.note).toMatch(/02:00 did not exist on 2026-03-29 \(clocks went forward\)/);
  });

  it('move a start in the middle of the New York gap to the first real minute, not by the gap length', () => {
    const moved = localInstant('2026-03-08', '02:30', 'America/New_York');
    expect(iso(moved.ms)).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT, the first minute after the gap
    expect(moved.shiftedFrom).toBe('02:30');
  });

  it('keep the whole length of a slot over the fall-back night in Berlin (01:00-03:00 lasts three hours)', () => {
    const [from, to] = week('2026-10-24', 2);
    const [slot] = occurrences([{ days: ['Sun'], start: '01:00', end: '03:00' }], 'Europe/Berlin', from, to);
    expect(slot && [iso(slot.start), iso(slot.end)]).toEqual([
      '2026-10-24T23:00:00.000Z',
      '2026-10-25T02:00:00.000Z',
    ]);
    expect(slot?.note).toBeNull();
  });

  it('cross midnight over the New York fall-back night (Sat 22:00 EDT to Sun 06:00 EST is nine hours)', () => {
    const [from, to] = week('2026-10-30', 3);
    const [slot] = occurrences(
      [{ days: ['Sat'], start: '22:00', end: '06:00' }],
      'America/New_York',
      from,
      to,
    );
    expect(slot && [iso(slot.start), iso(slot.end)]).toEqual([
      '2026-11-01T02:00:00.000Z',
      '2026-11-01T11:00:00.000Z',
    ]);
  });

  it('cross midnight from Friday to Saturday in Berlin, and stay at 22:00 local after the change', () => {
    const [from, to] = week('2026-03-23', 14);
    const list = occurrences([{ days: ['Fri'], start: '22:00', end: '06:00' }], 'Europe/Berlin', from, to);
    expect(list.map((o) => iso(o.start))).toEqual(['2026-03-27T21:00:00.000Z', '2026-04-03T20:00:00.000Z']);
    expect(list.map((o) => (o.end - o.start) / 3_600_000)).toEqual([8, 8]);
  });
});

describe('blackout dates', () => {
  it('cut whole local days out of a slot, keeping the part before midnight', () => {
    const [from, to] = week('2026-12-21');
    const slots = occurrences([{ days: ['Thu'], start: '20:00', end: '02:00' }], 'Europe/Berlin', from, to);
    const spans = blackoutSpans(
      [{ from: '2026-12-25', to: '2026-12-26', reason: 'Christmas' }],
      'Europe/Berlin',
    );
    const kept = withoutBlackouts(slots, spans);
    expect(kept.map((o) => [iso(o.start), iso(o.end)])).toEqual([
      ['2026-12-24T19:00:00.000Z', '2026-12-24T23:00:00.000Z'],
    ]);
  });
});

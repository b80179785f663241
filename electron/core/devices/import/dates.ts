import type { DateOrder } from '../../../api/schemas/device-import';
import type { Cell } from './table';

const NUMERIC = /^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})(?:[ T].*)?$/;

export type DateOrderEvidence =
  | { order: DateOrder; source: 'inferred' }
  | { order: null; source: 'ask' | 'not-needed' };

/**
 * Reads the order from the values themselves: a first part over 12 means day-first, a second part over 12
 * month-first, a four-digit first part year-first. When no value tells, or values disagree, a person must choose.
 */
export function inferDateOrder(values: readonly Cell[]): DateOrderEvidence {
  let dayFirst = false;
  let monthFirst = false;
  let yearFirstOnly = true;
  let textDates = 0;
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const match = NUMERIC.exec(value.trim());
    if (!match) continue;
    textDates++;
    const first = match[1] ?? '';
    if (first.length === 4) continue; // year-first values read the same whatever the order
    yearFirstOnly = false;
    if (Number(first) > 12) dayFirst = true;
    else if (Number(match[2]) > 12) monthFirst = true;
  }
  if (textDates === 0) return { order: null, source: 'not-needed' };
  if (yearFirstOnly) return { order: 'ymd', source: 'inferred' };
  if (dayFirst !== monthFirst) return { order: dayFirst ? 'dmy' : 'mdy', source: 'inferred' };
  return { order: null, source: 'ask' };
}

export type DateReading = { iso: string; note?: string } | { problem: string };

/** One value to YYYY-MM-DD; never a guessed or 1970 date: an impossible date is a problem, not a default. */
export function readDate(value: Cell, order: DateOrder | null): DateReading {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { problem: 'is not a valid date' };
    return { iso: value.toISOString().slice(0, 10) };
  }
  const text = value.trim();
  const match = NUMERIC.exec(text);
  if (!match) return { problem: 'is not a date this importer can read (use e.g. 2015-06-11 or 11.06.2015)' };
  const [a = '', b = '', c = ''] = [match[1], match[2], match[3]];
  const effective: DateOrder | null = a.length === 4 ? 'ymd' : order;
  if (!effective) return { problem: 'could be day-first or month-first; choose the date order' };
  const [y, m, d] = effective === 'ymd' ? [a, b, c] : effective === 'dmy' ? [c, b, a] : [c, a, b];
  let year = Number(y);
  let note: string | undefined;
  if (y.length === 2) {
    year += year < 50 ? 2000 : 1900;
    note = `two-digit year read as ${year}`;
  } else if (y.length !== 4) return { problem: 'has a year that is neither two nor four digits' };
  const month = Number(m);
  const day = Number(d);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { problem: 'is not a date that exists' };
  }
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return note ? { iso, note } : { iso };
}

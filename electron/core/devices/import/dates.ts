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

/** The values that settle the order each way: the first day-first one (13/04/2015) and month-first one. */
export interface DateOrderClues {
  readonly dayFirst: number | null;
  readonly monthFirst: number | null;
}

/** Which values can only be day-first, which only month-first (their index), for a column that mixes both. */
export function dateOrderClues(values: readonly Cell[]): DateOrderClues {
  let dayFirst: number | null = null;
  let monthFirst: number | null = null;
  values.forEach((value, index) => {
    if (typeof value !== 'string') return;
    const match = NUMERIC.exec(value.trim());
    if (!match || (match[1] ?? '').length === 4) return;
    if (Number(match[1]) > 12) dayFirst ??= index;
    else if (Number(match[2]) > 12) monthFirst ??= index;
  });
  return { dayFirst, monthFirst };
}

export const DATE_ORDER_WORDS: Record<DateOrder, string> = {
  dmy: 'day-first',
  mdy: 'month-first',
  ymd: 'year-first',
};

export type DateReading = { iso: string; note?: string } | { problem: string };

const partsIn = (order: DateOrder, [a, b, c]: readonly [string, string, string]) =>
  order === 'ymd' ? [a, b, c] : order === 'dmy' ? [c, b, a] : [c, a, b];

/**
 * One value to YYYY-MM-DD; never a guessed or 1970 date: an impossible date is a problem, not a default. A value
 * that is a date in another order than the one chosen says so, rather than that it does not exist.
 */
export function readDate(value: Cell, order: DateOrder | null): DateReading {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { problem: 'is not a valid date' };
    return { iso: value.toISOString().slice(0, 10) };
  }
  const text = value.trim();
  const named = readNamedMonth(text);
  if (named) return named;
  const match = NUMERIC.exec(text);
  if (!match) return { problem: 'is not a date this importer can read (use e.g. 2015-06-11 or 11.06.2015)' };
  const parts = [match[1] ?? '', match[2] ?? '', match[3] ?? ''] as const;
  const effective: DateOrder | null = parts[0].length === 4 ? 'ymd' : order;
  if (!effective) {
    // A value only one order reads, in a column no order was read for: the column has values of the other.
    const only = Number(parts[0]) > 12 ? 'dmy' : Number(parts[1]) > 12 ? 'mdy' : null;
    if (only) {
      const other = only === 'dmy' ? 'mdy' : 'dmy';
      return {
        problem: `is ${DATE_ORDER_WORDS[only]}, but the column also has ${DATE_ORDER_WORDS[other]} dates; choose the date order`,
      };
    }
    return { problem: 'could be day-first or month-first; choose the date order' };
  }
  const [y = '', m, d] = partsIn(effective, parts);
  const reading = isoDate(y, Number(m), Number(d));
  if (!('problem' in reading) || effective !== order) return reading;
  const others = (['dmy', 'mdy', 'ymd'] as const).filter((other) => {
    if (other === order) return false;
    const [oy = '', om, od] = partsIn(other, parts);
    return !('problem' in isoDate(oy, Number(om), Number(od)));
  });
  if (others.length === 0) return reading;
  const only = others.length === 1 && others[0] ? `; it reads only as ${DATE_ORDER_WORDS[others[0]]}` : '';
  return { problem: `does not match the chosen date order (${DATE_ORDER_WORDS[order]})${only}` };
}

/** Earlier than this, an install date is a placeholder (1900-01-01, 1970-01-01), not when a device came. */
export const EARLIEST_INSTALL_DATE = '1980-01-01';

/** Why a date that exists is still no install date: a placeholder, or a day still to come (2099-12-31). */
export function implausibleInstallDate(iso: string, today: string): string | null {
  if (iso < EARLIEST_INSTALL_DATE)
    return `is before ${EARLIEST_INSTALL_DATE.slice(0, 4)}, a placeholder rather than an install date`;
  if (iso > today) return `is after today (${today}), so not yet an install date`;
  return null;
}

/** The date of a year as written (two or four digits), a month and a day; a problem when it does not exist. */
function isoDate(y: string, month: number, day: number): DateReading {
  let year = Number(y);
  let note: string | undefined;
  if (y.length === 2) {
    year += year < 50 ? 2000 : 1900;
    note = `two-digit year read as ${year}`;
  } else if (y.length !== 4) return { problem: 'has a year that is neither two nor four digits' };
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { problem: 'is not a date that exists' };
  }
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return note ? { iso, note } : { iso };
}

// Month names of English and German exports, full and abbreviated, lower case: the name settles the order.
const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['jan', 'january', 'januar', 'jän', 'jänner'],
    ['feb', 'february', 'februar'],
    ['mar', 'march', 'mär', 'märz', 'mrz'],
    ['apr', 'april'],
    ['may', 'mai'],
    ['jun', 'june', 'juni'],
    ['jul', 'july', 'juli'],
    ['aug', 'august'],
    ['sep', 'sept', 'september'],
    ['oct', 'october', 'okt', 'oktober'],
    ['nov', 'november'],
    ['dec', 'december', 'dez', 'dezember'],
  ].flatMap((names, index) => names.map((name) => [name, index + 1] as const)),
);
const DAY_MONTH_YEAR = /^(\d{1,2})\.?[\s./-]*([a-zäöü]+)\.?[\s./,-]*(\d{2}|\d{4})$/i;
const MONTH_DAY_YEAR = /^([a-zäöü]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/i;

/** "12-Jan-2010", "12. Januar 2010", "Jan 12, 2010": null when the text has no month name. */
function readNamedMonth(text: string): DateReading | null {
  const dmy = DAY_MONTH_YEAR.exec(text);
  const mdy = dmy ? null : MONTH_DAY_YEAR.exec(text);
  const [day, name, year] = dmy ? [dmy[1], dmy[2], dmy[3]] : mdy ? [mdy[2], mdy[1], mdy[3]] : [];
  const month = name === undefined ? undefined : MONTHS.get(name.toLowerCase());
  if (day === undefined || year === undefined || month === undefined) return null;
  return isoDate(year, month, Number(day));
}

import { isIP } from 'node:net';

// Latin ligatures of typeset vendor text (U+FB00-FB06). Full NFKC would also rewrite ½, ², ™ and more,
// which would change what people typed; only these are unfolded.
const LIGATURES: Record<string, string> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};

const PLAIN_ASCII = /^(?:[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?)?$/;

/** Trimmed, non-breaking and other odd spaces made plain, ligatures (the "fi" ligature) unfolded; '' for nothing. */
export function cleanText(value: string): string {
  if (PLAIN_ASCII.test(value)) return value; // the common case, a hundred thousand times per import
  return value
    .replace(/[\u00a0\u2007\u202f\u2000-\u200a\u3000]/g, ' ')
    .replace(/[\ufb00-\ufb06]/g, (ligature) => LIGATURES[ligature] ?? ligature)
    .replace(/[\u200b\ufeff]/g, '')
    .replaceAll('\u0000', '') // never meant; SQLite's case-insensitive comparison stops at it (found by fuzzing)
    .normalize('NFC')
    .trim();
}

export type Checked = { value: string; problem?: undefined } | { value: string; problem: string };

const CANONICAL_MAC = /^[0-9A-F]{2}(?::[0-9A-F]{2}){5}$/;

/** AA:BB:CC:DD:EE:FF from any of the usual spellings (dashes, dots, no separators, lower case). */
export function normalizeMac(value: string): Checked {
  if (CANONICAL_MAC.test(value)) return { value }; // most exports already write it so
  const hex = value.replace(/[\s:.-]/g, '');
  if (!/^[0-9a-fA-F]{12}$/.test(hex))
    return { value, problem: 'is not a MAC address (12 hexadecimal digits)' };
  return { value: hex.toUpperCase().match(/../g)?.join(':') ?? value };
}

export function checkIp(value: string): Checked {
  return isIP(value) === 0 ? { value, problem: 'is not a valid IPv4 or IPv6 address' } : { value };
}

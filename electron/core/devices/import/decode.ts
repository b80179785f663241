import type { TextEncoding } from '../../../api/schemas/device-import';

/**
 * Bytes that do not fit the encoding the text is read with: each becomes U+FFFD, so the import must not go on.
 * "mixed": the file has UTF-8 text (or a UTF-8 byte-order mark) and bytes that are not UTF-8, such as one
 * Windows-1252 "é" in an otherwise UTF-8 file; read whole as Windows-1252, its UTF-8 text would be garbled
 * ("MÃ¼ller"). "not-utf-8": UTF-8 was chosen for bytes that are not UTF-8.
 */
export interface EncodingProblem {
  readonly kind: 'mixed' | 'not-utf-8';
  /** Where the first byte that is not UTF-8 is in the file. */
  readonly offset: number;
  readonly byte: number;
}

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
  readonly problem: EncodingProblem | null;
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);

const isUtf8 = (bytes: Uint8Array): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** The byte-order mark decides; without one, UTF-8 when the bytes are valid UTF-8, else Windows-1252. */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  return decodeText(bytes).encoding;
}

// Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1, so 0x80-0x9F (€, „, “, ”, –, —, ...) came out
// as control characters; these are the Windows-1252 code points of that range (WHATWG Encoding Standard).
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

/** How a byte reads in Windows-1252, to name it in a message. */
export const windows1252Char = (byte: number): string =>
  String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? (CP1252_80_9F[byte - 0x80] ?? byte) : byte);

function decodeWindows1252(bytes: Uint8Array): string {
  const codes = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    codes[i] = byte >= 0x80 && byte <= 0x9f ? (CP1252_80_9F[byte - 0x80] ?? byte) : byte;
  }
  let text = '';
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCharCode(...codes.subarray(i, i + 8192));
  return text;
}

/**
 * Characters an inventory plausibly has, to tell UTF-8 text from Windows-1252 bytes that happen to form a
 * UTF-8 sequence ("ß“" is the bytes of U+07D3, an N'Ko letter): Latin letters and symbols, Greek, Cyrillic,
 * punctuation, currency and letterlike signs, CJK, Hangul and emoji.
 */
const plausible = (code: number): boolean =>
  (code >= 0xa0 && code <= 0x24f) ||
  (code >= 0x370 && code <= 0x4ff) ||
  (code >= 0x1e00 && code <= 0x1eff) ||
  (code >= 0x2010 && code <= 0x218f) ||
  (code >= 0x3000 && code <= 0x9fff) ||
  (code >= 0xac00 && code <= 0xd7af) ||
  (code >= 0x1f300 && code <= 0x1faff);

const continuation = (byte: number | undefined) => byte !== undefined && byte >= 0x80 && byte <= 0xbf;

/** The length of the UTF-8 sequence at i and its code point, or 0 where the bytes are not UTF-8 (WHATWG rules). */
function sequenceAt(bytes: Uint8Array, i: number): { length: number; code: number } {
  const b0 = bytes[i] ?? 0;
  const b1 = bytes[i + 1];
  const b2 = bytes[i + 2];
  const b3 = bytes[i + 3];
  const none = { length: 0, code: 0 };
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    return continuation(b1) ? { length: 2, code: ((b0 & 0x1f) << 6) | ((b1 ?? 0) & 0x3f) } : none;
  }
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const low = b0 === 0xe0 ? 0xa0 : 0x80;
    const high = b0 === 0xed ? 0x9f : 0xbf;
    if (b1 === undefined || b1 < low || b1 > high || !continuation(b2)) return none;
    return { length: 3, code: ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | ((b2 ?? 0) & 0x3f) };
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const low = b0 === 0xf0 ? 0x90 : 0x80;
    const high = b0 === 0xf4 ? 0x8f : 0xbf;
    if (b1 === undefined || b1 < low || b1 > high || !continuation(b2) || !continuation(b3)) return none;
    return {
      length: 4,
      code: ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | (((b2 ?? 0) & 0x3f) << 6) | ((b3 ?? 0) & 0x3f),
    };
  }
  return none;
}

/**
 * The first byte that is not UTF-8, and whether the bytes hold UTF-8 text: plausible multibyte characters, at
 * least two and more of them than bytes that are not UTF-8. A Windows-1252 file has a stray pair that happens to
 * read as one ("é" before a non-breaking space, "Ä" before a dash) among many accents that do not; a UTF-8 file
 * with a stray Windows-1252 byte has it the other way round.
 */
function scanUtf8(bytes: Uint8Array): { firstInvalid: number; utf8Text: boolean } {
  let firstInvalid = -1;
  let invalid = 0;
  let valid = 0;
  for (let i = 0; i < bytes.length; ) {
    if ((bytes[i] ?? 0) < 0x80) {
      i++;
      continue;
    }
    const sequence = sequenceAt(bytes, i);
    if (sequence.length === 0) {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i++;
    } else {
      if (plausible(sequence.code)) valid++;
      i += sequence.length;
    }
  }
  return { firstInvalid, utf8Text: valid >= 2 && valid > invalid };
}

const utf8Problem = (bytes: Uint8Array, kind: EncodingProblem['kind']): EncodingProblem | null => {
  if (isUtf8(bytes)) return null;
  const { firstInvalid } = scanUtf8(bytes);
  return { kind, offset: firstInvalid, byte: bytes[firstInvalid] ?? 0 };
};

/**
 * Decodes with the detected encoding, or with the one the person chose. A BOM is never part of the text.
 * Bytes that do not fit are a problem to refuse, never replaced silently: UTF-8 chosen for bytes that are not
 * UTF-8, and UTF-8 text with a byte of another encoding in it (read as UTF-8, so the preview shows where).
 */
export function decodeText(bytes: Uint8Array, chosen?: TextEncoding): DecodedText {
  let encoding: TextEncoding;
  let problem: EncodingProblem | null = null;
  if (chosen) {
    encoding = chosen;
    if (chosen === 'utf-8') problem = utf8Problem(bytes, 'not-utf-8');
  } else if (startsWith(bytes, 0xef, 0xbb, 0xbf)) {
    encoding = 'utf-8';
    problem = utf8Problem(bytes, 'mixed');
  } else if (startsWith(bytes, 0xff, 0xfe)) encoding = 'utf-16le';
  else if (startsWith(bytes, 0xfe, 0xff)) encoding = 'utf-16be';
  else if (isUtf8(bytes)) encoding = 'utf-8';
  else {
    const { firstInvalid, utf8Text } = scanUtf8(bytes);
    encoding = utf8Text ? 'utf-8' : 'windows-1252';
    if (utf8Text) problem = { kind: 'mixed', offset: firstInvalid, byte: bytes[firstInvalid] ?? 0 };
  }
  // A UTF-8 byte-order mark read as Windows-1252 would become "ï»¿" before the first header.
  const body = encoding === 'windows-1252' && startsWith(bytes, 0xef, 0xbb, 0xbf) ? bytes.subarray(3) : bytes;
  const text =
    encoding === 'windows-1252'
      ? decodeWindows1252(body)
      : new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding, problem };
}

/** Where a byte of the file is in its text as decoded from UTF-8: the bytes before it are valid UTF-8. */
export const utf8TextOffset = (bytes: Uint8Array, byteOffset: number): number =>
  new TextDecoder('utf-8').decode(bytes.subarray(0, byteOffset)).length;

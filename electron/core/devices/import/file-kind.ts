import { MAX_IMPORT_BYTES } from './limits';

export type FileKind = { kind: 'xlsx' } | { kind: 'delimited' } | { kind: 'refused'; reason: string };

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);

/** Tells a workbook from delimited text, and names what the file is when it is neither. */
export function detectFileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return { kind: 'refused', reason: 'is empty' };
  if (bytes.length > MAX_IMPORT_BYTES) {
    return {
      kind: 'refused',
      reason: `is larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB an import may have`,
    };
  }
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return { kind: 'xlsx' };
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) {
    return {
      kind: 'refused',
      reason: 'is a PDF document, not a table; export the inventory as CSV or Excel instead',
    };
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    return {
      kind: 'refused',
      reason: 'is an old Excel 97-2003 (.xls) workbook; save it as .xlsx or CSV and import that',
    };
  }
  const utf16 = startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff);
  if (!utf16 && bytes.subarray(0, 65536).includes(0)) {
    return { kind: 'refused', reason: 'is a binary file, not a table of text' };
  }
  return { kind: 'delimited' };
}

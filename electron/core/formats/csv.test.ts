import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, unguardedCell } from './csv';

/** A cell as the importer reads it back: parsed as RFC 4180, then the formula guards taken off. */
const readBack = (cell: string) =>
  unguardedCell(Papa.parse<string[]>(cell, { delimiter: ',' }).data[0]?.[0] ?? '');

describe('CSV cells', () => {
  it('guard a value that starts with an apostrophe before a formula sign, so it reads back unchanged', () => {
    expect(["'-5", "'=x", "''+1", "'@a", "'\tb"].map(csvCell)).toEqual([
      "''-5",
      "''=x",
      "'''+1",
      "''@a",
      `"''\tb"`,
    ]);
    expect(["'-5", "'=x", "''+1", "'@a", "'\tb"].map((value) => readBack(csvCell(value)))).toEqual([
      "'-5",
      "'=x",
      "''+1",
      "'@a",
      "'\tb",
    ]);
    // Apostrophes before anything else are no guard: written and read as they are.
    expect(["it's", "'s-Hertogenbosch", "'tis"].map(csvCell)).toEqual(["it's", "'s-Hertogenbosch", "'tis"]);
    expect(unguardedCell("'s-Hertogenbosch")).toBe("'s-Hertogenbosch");
  });

  it('guard the parts after ";" and tab the same way, and those read back unchanged too', () => {
    expect(['a;=1', "a;'=1", 'a;"\'-1', 'a\t\t+1'].map(csvCell)).toEqual([
      `"a;'=1"`,
      `"a;''=1"`,
      `"a;""''-1"`,
      `"a\t'\t'+1"`,
    ]);
    expect(['a;=1', "a;'=1", 'a;"\'-1', 'a\t\t+1'].map((value) => readBack(csvCell(value)))).toEqual([
      'a;=1',
      "a;'=1",
      'a;"\'-1',
      'a\t\t+1',
    ]);
  });

  it('read back every value unchanged', () => {
    const tricky = fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', ';', '"', ',', 'a', ' ', 'ä');
    fc.assert(
      fc.property(fc.string({ unit: tricky, maxLength: 12 }), (value) => {
        expect(readBack(csvCell(value))).toBe(value);
      }),
      { numRuns: 5000 },
    );
  });
});

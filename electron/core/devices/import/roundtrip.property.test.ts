import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../api/router';
import { devices, importFile } from '../../../testing/devices';
import { openTestSession } from '../../../testing/temp';
import { csvCell } from '../../formats/csv';
import { cleanText } from './normalize';

/**
 * Text an importer keeps as it is: what cleanText leaves unchanged (no edge spaces, no NBSP, NFKC-stable), and
 * not a ' before what starts a formula, which the importer reads as the formula guard Isopatch's CSVs write.
 */
const fieldText = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom(',', ';', '"', '\n', '\r\n', '\t', '|', ' ', 'ä', '€', '💉'),
      fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }),
    ),
    maxLength: 40,
  })
  .filter((s) => s !== '' && cleanText(s) === s && !/^'[=+\-@\t\r]/.test(s));

const plainCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

describe('CSV round trip', () => {
  it('any field content written as RFC 4180 CSV imports back unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fieldText, fieldText), { minLength: 1, maxLength: 8 }),
        async (pairs) => {
          const router = createRouter(await openTestSession());
          const lines = [
            'Asset Tag,Model,Notes',
            ...pairs.map(([model, note], i) => [`T-${i}`, model, note].map(plainCell).join(',')),
          ];
          const result = await importFile(router, `${lines.join('\r\n')}\r\n`, { headerRow: 1 });
          expect(result.rejected).toEqual([]);
          const stored = await devices(router, { sort: { field: 'assetTag', direction: 'asc' } });
          const byTag = new Map(stored.map((d) => [d.assetTag, d]));
          pairs.forEach(([model, note], i) => {
            expect(byTag.get(`T-${i}`)?.model).toBe(model);
            expect(byTag.get(`T-${i}`)?.extra.Notes).toBe(note);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('neutralises formula prefixes in exported cells and quotes as RFC 4180 asks', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe(`"'\tx"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('plain')).toBe('plain');
  });
});

/** Generated inventories (CSV in any flavour, workbooks, random bytes) for the fuzzing of electron/testing/fuzz.ts. */
import fc from 'fast-check';
import type { OperationName } from '../api/contract';
import { base64, type FuzzCase } from './fuzz';

// ---- CSV and XLSX inventories -------------------------------------------------------------------------------

const HEADERS = [
  'Asset Tag',
  'Serial Number',
  'Manufacturer',
  'Model',
  'Department',
  'OS',
  'IP Address',
  'MAC',
  'Install Date',
  'Inventarnummer',
  'Hersteller',
  'Standort',
];
const cellText = fc.oneof(
  fc.string({
    unit: fc.constantFrom(
      'a',
      'Z',
      '0',
      '9',
      ',',
      ';',
      '\t',
      '|',
      '"',
      '\r',
      '\n',
      ' ',
      '\u00a0',
      'ä',
      '€',
      '=',
      '+',
      '-',
      '@',
      '\ufeff',
      '\u0000',
      '/',
      ':',
      '💉',
    ),
    maxLength: 24,
  }),
  fc.string({ maxLength: 24 }),
  fc.constantFrom(
    'Siemens',
    'SIEMENS HEALTHINEERS AG',
    'Symbia T16',
    'Windows 7',
    '10.0.0.1',
    '999.1.1.1',
    'AA:BB:CC:DD:EE:FF',
    '31/12/2019',
    '2019-02-30',
    '12/11/10',
    '=1+1',
    '',
  ),
);
const quoted = (text: string, delimiter: string) =>
  text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
const table = fc
  .tuple(
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc.shuffledSubarray(HEADERS, { minLength: 2 }).map((h) => ['Asset Tag', ...h]),
      },
      {
        weight: 1,
        arbitrary: fc.array(fc.oneof(fc.constantFrom(...HEADERS), fc.string({ maxLength: 12 })), {
          maxLength: 8,
        }),
      },
    ),
    fc.array(fc.array(cellText, { maxLength: 10 }), { maxLength: 16 }),
    fc.constantFrom(',', ';', '\t', '|'),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean().chain((q) => (q ? fc.constant(true) : fc.boolean())), // three in four files quote as RFC 4180 asks
  )
  .map(([header, rows, delimiter, newline, quote]) =>
    [header, ...rows]
      .map((row) => row.map((cell) => (quote ? quoted(cell, delimiter) : cell)).join(delimiter))
      .join(newline),
  );
const encodedTable = fc
  .tuple(table, fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom', 'latin1'))
  .map(([text, encoding]) => {
    if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
    if (encoding === 'utf-8-bom')
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    if (encoding === 'latin1') return Buffer.from(text, 'latin1');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    return encoding === 'utf-16le-bom' ? le : Buffer.from(le).swap16();
  });
/** Random bytes, and random bytes behind the signatures the file-kind detection looks at. */
const randomBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc
    .tuple(
      fc.constantFrom(
        'PK\u0003\u0004',
        '%PDF-1.7\n',
        '\ufeff',
        '\u00d0\u00cf\u0011\u00e0',
        'SQLite format 3\u0000',
      ),
      fc.uint8Array({ maxLength: 1024 }),
    )
    .map(([magic, rest]) => Buffer.concat([Buffer.from(magic, 'latin1'), rest])),
);
/** Real workbooks, whole, or with bytes changed here and there, or cut short. */
const workbooks = (books: readonly Uint8Array[]) =>
  fc.constantFrom(...books).chain((book) =>
    fc.oneof(
      fc.constant(book),
      fc
        .tuple(
          fc.array(fc.tuple(fc.nat({ max: book.length - 1 }), fc.integer({ min: 0, max: 255 })), {
            minLength: 1,
            maxLength: 6,
          }),
          fc.option(fc.nat({ max: book.length }), { nil: undefined }),
        )
        .map(([flips, cut]) => {
          const bytes = Buffer.from(book);
          for (const [at, value] of flips) bytes[at] = value;
          return cut === undefined ? bytes : bytes.subarray(0, cut);
        }),
    ),
  );
/** Mostly options a person could choose (an explicit encoding rarely); now and then values the schema refuses. */
const importOptions = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.record(
          {
            key: fc.constantFrom('assetTag', 'serial'),
            dateOrder: fc.constantFrom('dmy', 'mdy', 'ymd'),
            mapping: fc.dictionary(
              fc.constantFrom(...HEADERS),
              fc.constantFrom('assetTag', 'model', 'os', 'serial', null),
            ),
          },
          { requiredKeys: [] },
        ),
        fc.option(fc.constantFrom('utf-8', 'utf-16le', 'utf-16be', 'windows-1252'), {
          freq: 8,
          nil: undefined,
        }),
      )
      .map(([options, encoding]) => (encoding === undefined ? options : { ...options, encoding })),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        encoding: fc.constantFrom('ebcdic', 'UTF8', ''),
        sheet: fc.oneof(fc.constant('Devices'), fc.string({ maxLength: 8 })),
        headerRow: fc.integer({ min: -1, max: 20 }),
        key: fc.constantFrom('hostname', ''),
        mapping: fc.dictionary(fc.string({ maxLength: 8 }), fc.constantFrom('password', 'assetTag')),
        dateOrder: fc.constantFrom('ydm', 'DMY'),
        admin: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  },
);

/** Inventories for importDevices and previewDeviceImport: text tables, workbooks, and random bytes. */
export function inventoryCases(books: readonly Uint8Array[]): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      operation: fc.constantFrom<OperationName>('importDevices', 'previewDeviceImport'),
      bytes: fc.oneof(
        { weight: 4, arbitrary: encodedTable },
        { weight: 1, arbitrary: randomBytes },
        { weight: 2, arbitrary: workbooks(books) },
      ),
      fileName: fc.constantFrom('inventory.csv', 'export.xlsx', 'liste.txt'),
      options: importOptions,
      dryRun: fc.boolean(),
    })
    .map(({ operation, bytes, fileName, options, dryRun }) => ({
      operation,
      input: {
        fileName,
        content: base64(bytes),
        options,
        ...(operation === 'importDevices' && { dryRun }),
      },
    }));
}

/**
 * Workbooks as CMMS tools export them: a title row above the header, dates, numbers, a formula, a cover sheet
 * first, asset tags with leading zeros, hostile text; the inventory fuzzing starts from these.
 */
export async function sampleWorkbooks(): Promise<Uint8Array[]> {
  const { default: Excel } = await import('exceljs');
  const build = async (fill: (workbook: InstanceType<typeof Excel.Workbook>) => void) => {
    const workbook = new Excel.Workbook();
    fill(workbook);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  };
  const header = ['Asset Tag', 'Serial Number', 'Manufacturer', 'Model', 'Department', 'OS', 'Install Date'];
  return Promise.all([
    build((wb) => {
      const sheet = wb.addWorksheet('Devices');
      sheet.addRow(['Medical devices, export']);
      sheet.addRow(header);
      sheet.addRow([
        '000123',
        'SN-1',
        'Siemens',
        'Symbia T16',
        'Nuclear Medicine',
        'Windows 7',
        new Date('2019-03-01'),
      ]);
      sheet.addRow(['000124', 'SN-2', 'Philips', 'IntelliVue MX450', 'ICU', 'Linux', new Date('2020-07-15')]);
    }),
    build((wb) => {
      wb.addWorksheet('Cover').addRow(['Inventory of 2026']);
      const sheet = wb.addWorksheet('Geräte');
      sheet.addRow(['Inventarnummer', 'Hersteller', 'Modell', 'Standort', 'Betriebssystem']);
      sheet.addRow([123, 'SIEMENS HEALTHINEERS AG', 'Symbia Intevo Bold', 'NUK', 'Win7 SP1']);
      sheet.addRow([
        { formula: '1+1', result: 2 },
        '=HYPERLINK("http://x")',
        '<script>alert(1)</script>',
        "'; DROP TABLE device; --",
        'Windows XP',
      ]);
    }),
    build((wb) => {
      const sheet = wb.addWorksheet('Sheet1');
      sheet.addRow(header);
      for (let i = 0; i < 40; i++)
        sheet.addRow([
          `T-${i}`,
          `SN-${i % 7}`,
          'GE Healthcare',
          'Discovery NM530c',
          `Dept ${i % 4}`,
          '',
          i % 2 ? 12.5 : true,
        ]);
    }),
  ]);
}

/**
 * Generated hostile input for the importers and every router operation, and the property each must keep: an answer
 * within a time bound, a result of the contract's shape (a typed error, never an unexpected one), and a database
 * unchanged by anything rejected. Used by the suite (hundreds of inputs) and `npm run bench` (tens of thousands).
 * No vitest import, so the benchmark can bundle it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { contract, type ErrorCode, type OperationName } from '../api/contract';
import { operationNames } from '../api/operations';
import type { Router } from '../api/router';
import { tableChecksums } from './table-checksums';

export interface FuzzCase {
  readonly operation: OperationName;
  readonly input: unknown;
}

export interface FuzzStats {
  inputs: number;
  accepted: number;
  rejected: number;
  slowestMs: number;
  readonly codes: Record<string, number>;
}

export const newStats = (): FuzzStats => ({ inputs: 0, accepted: 0, rejected: 0, slowestMs: 0, codes: {} });

/** Every code a caller may meet; INTERNAL among them means an unexpected exception, which the fuzzing counts as a bug. */
const EXPECTED_CODES = {
  INVALID_INPUT: true,
  NOT_FOUND: true,
  CONFLICT: true,
  DATABASE_REFUSED: true,
  UNKNOWN_OPERATION: true,
  FORBIDDEN: true,
  CANCELLED: true,
  DISK_FULL: true,
  INTERNAL: false,
} satisfies Record<ErrorCode, boolean>;

const openDb = (router: Router): Database.Database => {
  const session = router.session();
  if (session.state !== 'open') throw new Error(`the database is not open: ${session.error.message}`);
  return session.ctx.db;
};

/** Dispatches one case and throws, naming what broke, unless every property holds. */
export async function checkCase(
  router: Router,
  c: FuzzCase,
  timeLimitMs: number,
  stats: FuzzStats,
  lastLogged: () => unknown = () => undefined,
) {
  const before = tableChecksums(openDb(router));
  const started = performance.now();
  const result = await router.dispatch(c.operation, c.input);
  const ms = performance.now() - started;
  stats.inputs++;
  stats.slowestMs = Math.max(stats.slowestMs, ms);
  const where = `${c.operation}(${preview(c.input)})`;
  if (ms > timeLimitMs) throw new Error(`${where} took ${ms.toFixed(0)} ms, more than ${timeLimitMs} ms`);

  if (result.ok) {
    const output = contract[c.operation].output.safeParse(result.value);
    if (!output.success)
      throw new Error(`${where} answered a value outside the contract: ${output.error.message}`);
    // An advisory with findings and no confirmation is answered, not imported: it must change nothing either.
    const refusedAdvisory = (result.value as { status?: unknown }).status === 'rejected';
    if (!refusedAdvisory) {
      stats.accepted++;
      return;
    }
  } else {
    const { code, message } = result.error;
    stats.codes[code] = (stats.codes[code] ?? 0) + 1;
    if (EXPECTED_CODES[code] !== true) {
      const logged = lastLogged();
      throw new Error(
        `${where} failed with ${code}: ${message}\n${logged instanceof Error ? logged.stack : String(logged)}`,
      );
    }
    if (typeof message !== 'string' || message.trim() === '')
      throw new Error(`${where} failed without a message`);
  }
  stats.rejected++;
  const after = tableChecksums(openDb(router));
  const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
  if (changed.length > 0) throw new Error(`${where} was rejected but changed ${changed.join(', ')}`);
}

/** Runs `numRuns` generated cases through checkCase; fast-check shrinks a failure to its smallest form. */
export async function fuzz(
  router: Router,
  cases: fc.Arbitrary<FuzzCase>,
  options: { numRuns: number; seed?: number; timeLimitMs: number; lastLogged?: () => unknown },
): Promise<FuzzStats> {
  const stats = newStats();
  await fc.assert(
    fc.asyncProperty(cases, (c) => checkCase(router, c, options.timeLimitMs, stats, options.lastLogged)),
    { numRuns: options.numRuns, seed: options.seed, endOnFailure: true },
  );
  return stats;
}

const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const preview = (input: unknown) => {
  let text: string;
  try {
    text = JSON.stringify(input) ?? String(input);
  } catch {
    return '(nested too deeply to show)'; // JSON.stringify recurses; thousands of levels overflow its stack
  }
  return text.length > 300 ? `${text.slice(0, 300)}...` : text;
};

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

// ---- JSON documents: CSAF advisories and site models ---------------------------------------------------------

type Mutation = readonly [number, 'delete' | 'replace' | 'wrap' | 'empty' | 'stringify', unknown];
const mutations = fc.array(
  fc.tuple(
    fc.nat(),
    fc.constantFrom('delete', 'replace', 'wrap', 'empty', 'stringify'),
    fc.jsonValue({ maxDepth: 2 }),
  ),
  { minLength: 1, maxLength: 5 },
) as fc.Arbitrary<Mutation[]>;

/** A valid document with a few of its values deleted, replaced or changed in type: input that is almost right. */
export function mutate(document: unknown, changes: readonly Mutation[]): unknown {
  const copy = structuredClone(document);
  for (const [pick, kind, value] of changes) {
    const places: [Record<string, unknown>, string][] = [];
    const walk = (node: unknown) => {
      if (node === null || typeof node !== 'object') return;
      for (const key of Object.keys(node)) {
        places.push([node as Record<string, unknown>, key]);
        walk((node as Record<string, unknown>)[key]);
      }
    };
    walk(copy);
    const place = places[pick % Math.max(places.length, 1)];
    if (!place) continue;
    const [parent, key] = place;
    if (kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (kind === 'replace') parent[key] = value;
    else if (kind === 'wrap') parent[key] = [parent[key]];
    else if (kind === 'empty') parent[key] = Array.isArray(parent[key]) ? [] : '';
    else parent[key] = JSON.stringify(parent[key]) ?? 'null';
  }
  return copy;
}

/** Text nested far deeper than any real document, as arrays or objects. */
const deepText = fc
  .tuple(fc.integer({ min: 50, max: 5000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  );

const fixture = (name: string) => join(import.meta.dirname, '..', 'core', 'advisories', 'fixtures', name);
const ADVISORY = JSON.parse(readFileSync(fixture('lossy-v1.json'), 'utf8'));

/** CSAF documents for importAdvisory: nearly valid ones, any JSON, text that is not JSON, and deep nesting. */
export function advisoryCases(): fc.Arbitrary<FuzzCase> {
  const content = fc.oneof(
    { weight: 4, arbitrary: mutations.map((m) => JSON.stringify(mutate(ADVISORY, m))) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: deepText },
  );
  return fc.record({ content, acceptFindings: fc.boolean() }).map(({ content, acceptFindings }) => ({
    operation: 'importAdvisory' as const,
    input: { fileName: 'advisory.json', content, acceptFindings },
  }));
}

export const SITE_MODEL = {
  sites: [
    {
      name: 'Main site',
      timeZone: 'Europe/Berlin',
      departments: [
        {
          name: 'Nuclear Medicine',
          maintenanceSlots: [{ day: 'Sat', start: '07:00', end: '13:00' }],
          blackouts: [{ from: '2026-12-24', to: '2026-12-26', reason: 'Christmas' }],
          availability: [{ modality: 'NM', maxDown: 1 }],
        },
      ],
    },
  ],
  teams: [
    { name: 'Network', kind: 'network', workDays: ['Mon', 'Sat'], start: '06:00', end: '18:00' },
    { name: 'Siemens field service', kind: 'vendor-field-service', workDays: ['Sat'] },
  ],
  durations: { default: { isolation: 30, patch: 180, qc: 60, reconnection: 30 } },
  policies: { criticalCvss: 9, horizonDays: 90 },
};

/** Site models for saveSiteModel: nearly valid ones, any JSON, and deep nesting (parsed as the CLI parses it). */
export function siteModelCases(): fc.Arbitrary<FuzzCase> {
  const model = fc.oneof(
    { weight: 4, arbitrary: mutations.map((m) => mutate(SITE_MODEL, m)) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 1, arbitrary: deepText.map((text) => JSON.parse(text) as unknown) },
  );
  return model.map((m) => ({ operation: 'saveSiteModel' as const, input: { model: m } }));
}

// ---- every operation of the contract --------------------------------------------------------------------------

const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: -3, max: 5 }),
  fc.constantFrom(
    '',
    ' ',
    '2026-12-01',
    '2026-12-05T07:00:00+01:00',
    'Europe/Berlin',
    'NM-1',
    'isolation',
    'available',
    '../../etc/passwd',
    "' OR 1=1; --",
    '<script>alert(1)</script>',
  ),
);

/** The field names an operation's input schema declares, so generated objects are the right shape but wrong values. */
function fieldsOf(operation: OperationName): string[] {
  const shape = (contract[operation].input as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** For every operation of the contract: any JSON, and objects with its own fields holding generated values. */
export function operationCases(names: readonly OperationName[] = operationNames): fc.Arbitrary<FuzzCase> {
  return fc.constantFrom(...names).chain((operation) => {
    const fields = fieldsOf(operation);
    const shaped =
      fields.length === 0
        ? fc.constant({})
        : fc.record(Object.fromEntries(fields.map((f) => [f, anyValue])), { requiredKeys: [] });
    return fc.oneof(fc.jsonValue({ maxDepth: 3 }), shaped).map((input) => ({ operation, input }));
  });
}

/**
 * A hospital for the operations to work on: devices (some affected), a site model, a plan and an imported advisory
 * (which also compiles the CSAF validator's schemas once, a second's work no single input should be charged for).
 */
export async function prepareHospital(router: Router): Promise<void> {
  const lines = ['Asset Tag,Manufacturer,Model,Modality,Department,OS'];
  for (let i = 1; i <= 12; i++)
    lines.push(`NM-${i},Siemens,Symbia T16,NM,Nuclear Medicine,${i % 3 === 0 ? 'Linux' : 'Windows 7'}`);
  const steps: [OperationName, unknown][] = [
    ['saveSiteModel', { model: SITE_MODEL }],
    ['importDevices', { fileName: 'devices.csv', content: base64(lines.join('\n')) }],
    ['applyPlan', { from: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10) }],
    // Another advisory than the one the fuzzing mutates, so its mutations are new imports, not "unchanged".
    [
      'importAdvisory',
      { fileName: 'advisory.json', content: readFileSync(fixture('range-in-version.json'), 'utf8') },
    ],
  ];
  for (const [operation, input] of steps) {
    const result = await router.dispatch(operation, input);
    if (!result.ok) throw new Error(`${operation}: ${result.error.message}`);
  }
}

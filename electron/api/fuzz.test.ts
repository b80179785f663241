import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../testing/devices';
import { fuzz } from '../testing/fuzz';
import { advisoryCases, siteModelCases } from '../testing/fuzz-documents';
import { inventoryCases, sampleWorkbooks } from '../testing/fuzz-inventory';
import { operationCases, prepareHospital } from '../testing/fuzz-operations';
import { openTestSession } from '../testing/temp';
import { createRouter } from './router';

/**
 * Property-based and random-bytes input for the importers and every operation: each answers within its time bound,
 * with a result of the contract's shape (a typed error, never an unexpected one), and a rejected input leaves the
 * database unchanged. A few hundred inputs each here; `npm run bench` runs ten thousand per importer.
 */
const TIME_LIMIT_MS = 5000;
const seed = process.env.ISOPATCH_FUZZ_SEED ? Number(process.env.ISOPATCH_FUZZ_SEED) : undefined;

async function hospitalRouter() {
  const router = createRouter(await openTestSession(), { logError: () => {} });
  await prepareHospital(router);
  return router;
}

describe('fuzzing', () => {
  it('the CSV and XLSX importer', async () => {
    const stats = await fuzz(await hospitalRouter(), inventoryCases(await sampleWorkbooks()), {
      numRuns: 300,
      seed,
      timeLimitMs: TIME_LIMIT_MS,
    });
    expect(stats.inputs).toBe(300);
    expect(stats.rejected).toBeGreaterThan(0);
  }, 120_000);

  it('the CSAF importer', async () => {
    const stats = await fuzz(await hospitalRouter(), advisoryCases(), {
      numRuns: 200,
      seed,
      timeLimitMs: TIME_LIMIT_MS,
    });
    expect(stats.inputs).toBe(200);
    expect(stats.rejected).toBeGreaterThan(0);
  }, 120_000);

  it('the site model', async () => {
    const stats = await fuzz(await hospitalRouter(), siteModelCases(), {
      numRuns: 300,
      seed,
      timeLimitMs: TIME_LIMIT_MS,
    });
    expect(stats.inputs).toBe(300);
    expect(stats.rejected).toBeGreaterThan(0);
  }, 120_000);

  it('every router operation', async () => {
    const stats = await fuzz(await hospitalRouter(), operationCases(), {
      numRuns: 600,
      seed,
      timeLimitMs: TIME_LIMIT_MS,
    });
    expect(stats.inputs).toBe(600);
    expect(stats.codes.INVALID_INPUT).toBeGreaterThan(0);
  }, 120_000);
});

/** What the fuzzing found, kept as plain cases so they stay fixed. */
describe('inputs the fuzzing found', () => {
  it('a CSAF document with null in its revision history is answered with findings, not an unexpected error', async () => {
    const router = createRouter(await openTestSession(), { logError: () => {} });
    const advisory = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '..', 'core', 'advisories', 'fixtures', 'lossy-v1.json'),
        'utf8',
      ),
    );
    advisory.document.tracking.revision_history = [null, { date: 'yesterday' }];
    const result = await router.dispatch('importAdvisory', {
      fileName: 'a.json',
      content: JSON.stringify(advisory),
    });
    expect(result).toMatchObject({ ok: true, value: { status: 'rejected' } });
    if (result.ok) expect((result.value as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
  });

  it('an import keyed by serial number rejects a row whose asset tag another device has, and imports the rest', async () => {
    const router = createRouter(await openTestSession(), { logError: () => {} });
    await importFile(router, 'Asset Tag,Serial Number,Model\nA-1,S-1,Symbia T16\n');
    const result = await importFile(
      router,
      'Asset Tag,Serial Number,Model\nA-1,S-2,Symbia T2\nA-3,S-3,Symbia E\nA-3,S-4,Symbia S\n',
      { key: 'serial' },
    );
    expect(result.rejected).toEqual([
      { row: 2, reason: 'has asset tag "A-1", which another device already has' },
      { row: 4, reason: 'has asset tag "A-3", which another device already has' },
    ]);
    expect(result.added).toBe(1);
  });

  it('manufacturers that differ only after a NUL character import as two devices, not as an unexpected error', async () => {
    const router = createRouter(await openTestSession(), { logError: () => {} });
    // UTF-16 text ("Unicode text" from Excel) may hold NUL characters; UTF-8 with NUL is refused as binary.
    const text = 'Asset Tag,Manufacturer\nA-1,\u0000€ Medical\nA-2,\u0000ä Medical\n';
    const result = await importFile(
      router,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    expect(result).toMatchObject({ added: 2, rejected: [] });
    const device = await router.dispatch('listDevices', {});
    expect(device.ok).toBe(true);
    const edited = await router.dispatch('updateDevice', {
      id: 1,
      changes: { manufacturer: '\u0000ö Medical' },
    });
    expect(edited.ok).toBe(true);
  });
});

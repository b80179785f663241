import { spawnSync } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../testing/devices';
import { tableChecksums } from '../testing/table-checksums';
import { openTestSession, tempDir } from '../testing/temp';
import { TOO_DEEP_MESSAGE } from './input-depth';
import { createRouter } from './router';

/** The documented limits (README, "Reliability"): past each, a clear refusal before memory fills, and no change. */
async function refusal(name: string, input: unknown) {
  const session = await openTestSession();
  const router = createRouter(session);
  const before = tableChecksums(session.ctx.db);
  const result = await router.dispatch(name, input);
  expect(tableChecksums(session.ctx.db)).toEqual(before);
  if (result.ok) throw new Error(`${name} was expected to be refused`);
  return result.error;
}

const csv = (text: string) => Buffer.from(text).toString('base64');

describe('size limits of the router', () => {
  it('refuses an inventory over 64 MB', async () => {
    const error = await refusal('importDevices', {
      fileName: 'huge.csv',
      content: Buffer.alloc(64 * 1024 * 1024 + 1, 'a').toString('base64'),
    });
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'huge.csv is larger than the 64 MB an import may have.',
    });
    const way = await refusal('importDevices', { fileName: 'huge.csv', content: 'A'.repeat(90_000_001) });
    expect(way.message).toMatch(/content: is larger than the 64 MB an import may have/);
  });

  it('refuses an inventory of more than 500,000 rows, or 500 columns', async () => {
    const rows = await refusal('importDevices', {
      fileName: 'long.csv',
      content: csv(`Asset Tag,Model\n${'A,B\n'.repeat(500_001)}`),
    });
    expect(rows.message).toBe('long.csv has 500002 rows; an import may have at most 500000.');
    const header = Array.from({ length: 501 }, (_, i) => `Column ${i}`).join(',');
    const wide = await refusal('importDevices', {
      fileName: 'wide.csv',
      content: csv(`${header}\n${'x,'.repeat(500)}x\n`),
    });
    expect(wide.message).toBe('wide.csv has more than 500 columns.');
  }, 60_000);

  it('rejects a row with a cell over 10,000 characters, naming it, and imports the others', async () => {
    const router = createRouter(await openTestSession());
    const result = await importFile(router, `Asset Tag,Model\nA-1,${'x'.repeat(10_001)}\nA-2,Symbia T16\n`);
    expect(result.rejected).toEqual([{ row: 2, reason: 'Model is longer than 10000 characters' }]);
    expect(result.added).toBe(1);
  });

  it('refuses an advisory over 20 MB, and one nested deeper than any CSAF document', async () => {
    const big = await refusal('importAdvisory', { fileName: 'big.json', content: ' '.repeat(20_000_001) });
    expect(big.message).toMatch(/content: is larger than the 20 MB an advisory may have/);
    const deep = await refusal('importAdvisory', {
      fileName: 'deep.json',
      content: `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`,
    });
    expect(deep.message).toBe('deep.json is nested too deeply to be a CSAF document.');
  });

  it.each([40, 100_000])('refuses any input nested %i levels deep before validating it', async (depth) => {
    let model: unknown = 'Main site';
    for (let i = 0; i < depth; i++) model = { sites: [model] };
    const started = performance.now();
    const error = await refusal('saveSiteModel', { model });
    expect(error).toEqual({ code: 'INVALID_INPUT', message: TOO_DEEP_MESSAGE });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'electron', 'cli.cjs');

describe('size limits of the CLI', () => {
  it.each([
    [
      'import-devices',
      64 * 1024 * 1024 + 1,
      'inventory.csv',
      /is larger than the 64 MB an inventory may have; nothing was read\./,
    ],
    [
      'import-advisory',
      20 * 1024 * 1024 + 1,
      'advisory.json',
      /is larger than the 20 MB an advisory may have; nothing was read\./,
    ],
    [
      'site import',
      10 * 1024 * 1024 + 1,
      'site.json',
      /is larger than the 10 MB a site model may have; nothing was read\./,
    ],
    ['import-devices', 10 * 1024 * 1024 * 1024, 'ten-gigabytes.csv', /larger than the 64 MB/],
  ])('%s refuses a file of %i bytes by its size, without reading it', (command, bytes, name, message) => {
    const dir = tempDir();
    const file = join(dir, name);
    writeFileSync(file, '');
    truncateSync(file, bytes); // a sparse file: as large as that, and read in no time if it were read at all
    const run = spawnSync(
      process.execPath,
      [CLI, '--db', join(dir, 'isopatch.sqlite'), ...command.split(' '), file],
      {
        encoding: 'utf8',
        maxBuffer: 1024 * 1024,
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a file that is not a regular file, such as /dev/zero, instead of reading forever', () => {
    const run = spawnSync(
      process.execPath,
      [CLI, '--db', join(tempDir(), 'isopatch.sqlite'), 'site', 'import', '/dev/zero'],
      {
        encoding: 'utf8',
        timeout: 10_000,
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('/dev/zero is not a regular file; nothing was read.');
  });
});

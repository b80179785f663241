import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../api/router';
import type { AdvisoryImportResult } from '../../api/schemas/advisories';
import { sharedDataDir } from '../../testing/shared-data';
import { openTestSession } from '../../testing/temp';
import { validateCsaf } from './csaf/validate';

const oasis = sharedDataDir('csaf/oasis-tests');
const advisories = sharedDataDir('csaf/advisories');

describe.runIf(oasis)('the OASIS CSAF 2.0 test documents', () => {
  const read = (folder: string) =>
    readdirSync(join(oasis ?? '', folder)).map((name) => [
      name,
      JSON.parse(readFileSync(join(oasis ?? '', folder, name), 'utf8')),
    ]);

  it.each(read('valid'))('%s passes', async (_name, document) => {
    expect(await validateCsaf(document)).toEqual([]);
  });

  it.each(read('invalid'))('%s fails the test its name gives, with a JSON path', async (name, document) => {
    // oasis_csaf_tc-csaf_2_0-2021-6-1-08-01.json tests 6.1.8.
    const [, test] = /6-1-(\d+)-\d+\.json$/.exec(String(name)) ?? [];
    const findings = await validateCsaf(document);
    expect(findings.map((f) => f.test)).toContain(`6.1.${Number(test)}`);
    expect(findings.every((f) => f.path.startsWith('/'))).toBe(true);
  });
});

describe.runIf(advisories)('the real advisories in ../shared/data/csaf/advisories', () => {
  const files = readdirSync(advisories ?? '').filter((name) => name.endsWith('.json'));

  it.each(files)('%s imports, with every finding shown', async (name) => {
    const router = createRouter(await openTestSession());
    const result = await router.dispatch('importAdvisory', {
      fileName: name,
      content: readFileSync(join(advisories ?? '', name), 'utf8'),
      acceptFindings: true,
    });
    expect(result.ok).toBe(true);
    const value = (result as { value: AdvisoryImportResult }).value;
    // The 2017 Siemens advisories are bundled already, in full; the others are new.
    expect(value.status).toBe(name.startsWith('icsma-17-215') ? 'unchanged' : 'imported');
    expect(value.vulnerabilities).toBeGreaterThan(0);
    for (const finding of value.findings)
      expect(finding).toMatchObject({ test: expect.any(String), path: expect.stringMatching(/^\//) });
  });

  it('flags the 2017 Siemens files: three of four families only in scores and remediations, text cut off', async () => {
    const router = createRouter(await openTestSession());
    for (const name of ['icsma-17-215-01.json', 'icsma-17-215-02.json']) {
      const result = await router.dispatch('importAdvisory', {
        fileName: name,
        content: readFileSync(join(advisories ?? '', name), 'utf8'),
      });
      const value = (result as { value: AdvisoryImportResult }).value;
      const kinds = value.reviewItems.map((r) => r.kind);
      expect(kinds).toContain('missing-product-status');
      expect(kinds).toContain('truncated-text');
    }
  });

  it('finds 6.1.31 in the CISA files that put vers: ranges under product_version', async () => {
    for (const name of ['icsa-21-350-16.json', 'icsma-20-343-01.json']) {
      const findings = await validateCsaf(JSON.parse(readFileSync(join(advisories ?? '', name), 'utf8')));
      expect(findings.map((f) => f.test)).toContain('6.1.31');
    }
  });
});

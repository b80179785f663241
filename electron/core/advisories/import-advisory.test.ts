import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../api/router';
import type { AdvisoryImportResult } from '../../api/schemas/advisories';
import { openTestSession } from '../../testing/temp';

/** Rows of the test advisory only; the bundled catalog is in every new database too. */
const OURS = "advisory_id = (SELECT id FROM advisory WHERE tracking_id = 'ISOPATCH-TEST-2026-001')";
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

async function importText(
  router: Router,
  content: string,
  acceptFindings = false,
  fileName = 'advisory.json',
) {
  const result = await router.dispatch('importAdvisory', { fileName, content, acceptFindings });
  if (!result.ok) return result.error;
  return result.value as AdvisoryImportResult;
}

async function setup() {
  const session = await openTestSession();
  return { router: createRouter(session), db: session.ctx.db };
}

describe('importing a CSAF 2.0 advisory', () => {
  it('imports a valid document with its products, vulnerabilities and remediations', async () => {
    const { router, db } = await setup();
    const result = await importText(router, fixture('lossy-v1.json'));
    expect(result).toMatchObject({
      id: 'ISOPATCH-TEST-2026-001',
      version: '1',
      products: 2,
      vulnerabilities: 1,
      findings: [],
      status: 'imported',
    });
    expect(db.prepare(`SELECT cve, cvss_vector, cvss_score FROM vulnerability WHERE ${OURS}`).all()).toEqual([
      { cve: 'CVE-2015-1635', cvss_vector: 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', cvss_score: 9.8 },
    ]);
  });

  it('never calls a product unaffected because the data was lossy: scored but without status needs review', async () => {
    const { router, db } = await setup();
    const result = (await importText(router, fixture('lossy-v1.json'))) as AdvisoryImportResult;
    expect(result.reviewItems.map((item) => item.kind)).toEqual(['missing-product-status', 'truncated-text']);
    expect(result.reviewItems[0]?.message).toMatch(
      /Siemens PET\/CT Systems Windows 7-Based without a product status; counted as affected/,
    );
    const statuses = db
      .prepare(
        `SELECT product_name, os, status FROM advisory_product WHERE ${OURS} ORDER BY document_product_id`,
      )
      .all();
    expect(statuses).toEqual([
      {
        product_name: 'Siemens SPECT/CT Systems Windows 7-Based vers:all/*',
        os: 'Windows 7',
        status: 'known-affected',
      },
      {
        product_name: 'Siemens PET/CT Systems Windows 7-Based vers:all/*',
        os: 'Windows 7',
        status: 'needs-review',
      },
    ]);
  });

  it('refuses a document with findings unless they are accepted, then keeps it marked', async () => {
    const { router, db } = await setup();
    const refused = (await importText(router, fixture('range-in-version.json'))) as AdvisoryImportResult;
    expect(refused).toMatchObject({
      status: 'rejected',
      canAcceptFindings: true,
      message:
        'advisory.json failed the mandatory test 6.1.31; it can be imported on purpose, and then stays marked "imported with validation findings".',
    });
    expect(refused.findings).toEqual([
      {
        test: '6.1.31',
        path: '/product_tree/branches/0/branches/1/branches/0/name',
        message: 'version range in product version',
      },
    ]);
    expect(refused.reviewItems.map((r) => r.kind)).toContain('range-in-product-version');
    expect(db.prepare("SELECT count(*) FROM advisory WHERE source = 'csaf'").pluck().get()).toBe(0);
    const accepted = (await importText(
      router,
      fixture('range-in-version.json'),
      true,
    )) as AdvisoryImportResult;
    expect(accepted.status).toBe('imported');
    expect(db.prepare("SELECT validation FROM advisory WHERE source = 'csaf'").pluck().get()).toBe(
      'findings',
    );
  });

  it('refuses a document that breaks the schema even when findings are accepted', async () => {
    const { router, db } = await setup();
    // A CVSS score above 10: the schema refuses it, and a priority must never be computed from it.
    const broken = fixture('lossy-v1.json').replace('"baseScore": 9.8', '"baseScore": 12');
    for (const acceptFindings of [false, true]) {
      const result = (await importText(router, broken, acceptFindings)) as AdvisoryImportResult;
      expect(result).toMatchObject({
        status: 'rejected',
        canAcceptFindings: false,
        message:
          'advisory.json does not follow the CSAF 2.0 schema, so it cannot be imported, not even on purpose; ask its publisher for a corrected file.',
      });
      expect(result.findings.map((f) => f.test)).toContain('schema');
    }
    expect(db.prepare("SELECT count(*) FROM advisory WHERE source = 'csaf'").pluck().get()).toBe(0);
  });

  it('says so when the file is UTF-16 rather than the UTF-8 JSON requires', async () => {
    const { router } = await setup();
    // The CLI and the app read the file as UTF-8; UTF-16's bytes arrive like this.
    const utf16 = Buffer.from(`\ufeff${fixture('lossy-v1.json')}`, 'utf16le').toString('utf8');
    expect(await importText(router, utf16, false, 'letter.json')).toMatchObject({
      code: 'INVALID_INPUT',
      message:
        'letter.json is not UTF-8 text (it looks like UTF-16); a CSAF document is JSON in UTF-8: save it as UTF-8 and import it again.',
    });
  });

  it('updates to a newer version keeping the history, says so for the same version, refuses an older one', async () => {
    const { router, db } = await setup();
    await importText(router, fixture('lossy-v1.json'));
    expect(await importText(router, fixture('lossy-v2.json'))).toMatchObject({
      status: 'updated',
      version: '2',
    });
    expect(await importText(router, fixture('lossy-v2.json'))).toMatchObject({
      status: 'unchanged',
      message: 'ISOPATCH-TEST-2026-001 version 2 is already imported; nothing changed.',
    });
    expect(await importText(router, fixture('lossy-v1.json'))).toMatchObject({
      status: 'rejected',
      message: 'ISOPATCH-TEST-2026-001 version 1 is older than the imported version 2; nothing changed.',
    });
    expect(
      db.prepare(`SELECT version FROM advisory_revision WHERE ${OURS} ORDER BY id`).pluck().all(),
    ).toEqual(['1', '2']);
    expect(db.prepare(`SELECT count(*) FROM vulnerability WHERE ${OURS}`).pluck().get()).toBe(1);
  });

  it.each([
    ['not JSON', '{"document": ', /advisory.json is not JSON/],
    ['JSON without a document', '{"hello": "world"}', /is not a readable CSAF 2.0 document: \/document/],
    ['nested too deeply', `${'['.repeat(100)}${']'.repeat(100)}`, /nested too deeply/],
  ])('refuses %s in one sentence', async (_name, content, message) => {
    const { router, db } = await setup();
    const error = await importText(router, content);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(message) });
    expect(db.prepare("SELECT count(*) FROM advisory WHERE source = 'csaf'").pluck().get()).toBe(0);
  });
});

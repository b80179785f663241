import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../api/router';
import type { AdvisoryImportResult } from '../../api/schemas/advisories';
import { sharedDataDir } from '../../testing/shared-data';
import { openTestSession } from '../../testing/temp';

const ID = 'ISOPATCH-TEST-2026-003';
const fixture = () => readFileSync(join(import.meta.dirname, 'fixtures', 'remediations.json'), 'utf8');

async function importText(router: Router, content: string, fileName = 'remediations.json') {
  const result = await router.dispatch('importAdvisory', { fileName, content, acceptFindings: true });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as AdvisoryImportResult;
}

async function setup() {
  const session = await openTestSession();
  const db = session.ctx.db;
  const patches = (advisory = ID) =>
    db
      .prepare(
        `SELECT f.name AS family, pa.version_range, pa.status, pa.available_from, pa.source_note
         FROM patch_availability pa JOIN product_family f ON f.id = pa.family_id
         WHERE pa.advisory_id = (SELECT id FROM advisory WHERE tracking_id = ?) ORDER BY f.name, pa.version_range`,
      )
      .all(advisory) as {
      family: string;
      version_range: string;
      status: string;
      available_from: string | null;
      source_note: string;
    }[];
  return { router: createRouter(session), db, patches };
}

/** Version 2 of the fixture: the vendor now has a fix for PET/CT Systems too, from 1 March. */
function secondVersion(): string {
  const document = JSON.parse(fixture());
  document.document.tracking.version = '2';
  document.document.tracking.current_release_date = '2026-03-01T10:00:00.000Z';
  document.document.tracking.revision_history.push({
    date: '2026-03-01T10:00:00.000Z',
    number: '2',
    summary: 'Fix for PET/CT Systems.',
  });
  document.vulnerabilities[0].remediations[1] = {
    category: 'vendor_fix',
    details: 'Siemens provides update VG60A for PET/CT Systems.',
    product_ids: ['P2'],
  };
  return JSON.stringify(document);
}

describe('patch availability pre-filled from the remediations of a CSAF file', () => {
  it('fills in each family the file names: a fix from its date, none available, no fix planned for a range', async () => {
    const { router, patches } = await setup();
    const result = await importText(router, fixture());
    expect(result).toMatchObject({ status: 'imported', findings: [], prefilledPatches: 3 });
    expect(patches().map(({ source_note, ...row }) => row)).toEqual([
      // vendor_fix for one CVE, none_available for another: the worse holds until a person says otherwise.
      { family: 'PET/CT Systems', version_range: '', status: 'none-available', available_from: null },
      {
        family: 'SPECT Workplaces/Symbia.net',
        version_range: 'vers:generic/<VB22A',
        status: 'no-fix-planned',
        available_from: null,
      },
      { family: 'SPECT/CT Systems', version_range: '', status: 'available', available_from: '2026-02-01' },
    ]);
    expect(patches().find((p) => p.family === 'SPECT/CT Systems')?.source_note).toBe(
      'From the CSAF file remediations.json (vendor_fix): Siemens provides update VB22A-UD03 for SPECT/CT Systems; contact customer care. https://isopatch.invalid/updates/vb22a-ud03',
    );
  });

  it('records nothing for a product named only by its full name, and keeps it in the remediation list', async () => {
    const { router, db } = await setup();
    await importText(router, fixture());
    const families = db
      .prepare(
        `SELECT count(*) FROM patch_availability WHERE family_id IN (SELECT id FROM product_family WHERE name LIKE '%Evo Excel%')`,
      )
      .pluck()
      .get();
    expect(families).toBe(0);
    const detail = await router.dispatch('getAdvisory', { id: ID });
    expect((detail as { value: { remediations: { details: string }[] } }).value.remediations).toContainEqual(
      expect.objectContaining({ category: 'vendor_fix', details: 'Update Symbia Evo Excel to VB22A.' }),
    );
  });

  it('audits each pre-fill as coming from the file; the advisory page shows it in the patch history', async () => {
    const { router, db } = await setup();
    await importText(router, fixture());
    const audited = db
      .prepare(
        "SELECT entity_id, action, after_json FROM audit_log WHERE entity = 'patch_availability' AND operation = 'importAdvisory' ORDER BY entity_id",
      )
      .all() as { entity_id: string; action: string; after_json: string }[];
    expect(audited.map((a) => [a.entity_id, a.action, JSON.parse(a.after_json).prefilled])).toEqual([
      [`${ID}/PET/CT Systems`, 'create', 'from the CSAF file'],
      [`${ID}/SPECT Workplaces/Symbia.net, versions vers:generic/<VB22A`, 'create', 'from the CSAF file'],
      [`${ID}/SPECT/CT Systems`, 'create', 'from the CSAF file'],
    ]);
    const detail = await router.dispatch('getAdvisory', { id: ID });
    expect((detail as { value: { patchHistory: { family: string }[] } }).value.patchHistory).toHaveLength(3);
  });

  it('never overwrites what a person set; a newer version of the file updates only its own pre-fills', async () => {
    const { router, patches } = await setup();
    await importText(router, fixture());
    const set = await router.dispatch('setPatchStatus', {
      advisory: ID,
      family: 'SPECT/CT Systems',
      status: 'superseded',
    });
    expect(set.ok).toBe(true);
    const result = await importText(router, secondVersion());
    expect(result).toMatchObject({ status: 'updated', prefilledPatches: 1 });
    expect(patches().map((p) => [p.family, p.status, p.available_from])).toEqual([
      ['PET/CT Systems', 'available', '2026-03-01'],
      ['SPECT Workplaces/Symbia.net', 'no-fix-planned', null],
      ['SPECT/CT Systems', 'superseded', null],
    ]);
  });

  it('leaves the bundled advisories alone: their rows are the catalog, CISA files of them change nothing', async () => {
    const { router, patches } = await setup();
    const before = patches('ICSMA-17-215-02');
    const advisories = sharedDataDir('csaf/advisories');
    if (advisories) {
      const result = await importText(
        router,
        readFileSync(join(advisories, 'icsma-17-215-02.json'), 'utf8'),
        'icsma-17-215-02.json',
      );
      expect(result).toMatchObject({ status: 'unchanged', prefilledPatches: 0 });
    }
    expect(patches('ICSMA-17-215-02')).toEqual(before);
  });
});

const advisories = sharedDataDir('csaf/advisories');

describe.runIf(advisories)('pre-fills from the real advisories in ../shared/data/csaf/advisories', () => {
  const files = readdirSync(advisories ?? '').filter((name) => name.endsWith('.json'));

  it.each(files)('%s: only products that resolve to a family are pre-filled, each audited', async (name) => {
    const { router, db } = await setup();
    const result = await importText(router, readFileSync(join(advisories ?? '', name), 'utf8'), name);
    const id = result.id;
    const rows = db
      .prepare(
        "SELECT count(*) FROM patch_availability WHERE advisory_id = (SELECT id FROM advisory WHERE tracking_id = ?) AND source_note LIKE 'From the CSAF file%'",
      )
      .pluck()
      .get(id);
    expect(rows).toBe(result.prefilledPatches);
    const audited = db
      .prepare(
        "SELECT count(*) FROM audit_log WHERE entity = 'patch_availability' AND operation = 'importAdvisory'",
      )
      .pluck()
      .get();
    expect(audited).toBe(result.prefilledPatches);
    // CISA names these products by full name, never by a family of the catalog: nothing to pre-fill.
    if (!name.startsWith('icsma-17-215')) expect(result.prefilledPatches).toBe(0);
  });
});

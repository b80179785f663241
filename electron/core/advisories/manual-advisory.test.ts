import { describe, expect, it } from 'vitest';
import type { ApiError, InputOf } from '../../api/contract';
import { createRouter, type Router } from '../../api/router';
import type {
  AdvisoryDetail,
  AffectedDevice,
  ManualAdvisoryResult,
  MatchSuggestion,
} from '../../api/schemas/advisories';
import { importFile } from '../../testing/devices';
import { call } from '../../testing/router';
import { openTestSession } from '../../testing/temp';
import { loadCvssReader } from './csaf/cvss';
import { validateCsaf } from './csaf/validate';

const INVENTORY = `Asset Tag,Manufacturer,Model,OS,Software Version
S-1,Siemens,Symbia T16,Windows 7,VB22A
S-5,SIEMENS HEALTHINEERS AG,Symbia T2,Windows 10,VB30A
P-1,Philips Healthcare,Ingenia 1.5T,Windows 10,3.2.1
`;
const ID = 'SIEMENS-LETTER-2026-11';
const VECTOR = 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';

/** A Siemens letter about SPECT/CT systems on Windows 10, typed as a person would (family in lower case). */
const letter = (changes: Partial<InputOf<'saveManualAdvisory'>> = {}): InputOf<'saveManualAdvisory'> => ({
  trackingId: ID,
  title: 'SPECT/CT systems on Windows 10: SMBv1 remote code execution',
  publisher: 'Siemens Healthineers',
  releaseDate: '2026-11-02',
  products: [{ vendor: 'Siemens', product: 'spect/ct systems', os: 'Windows 10' }],
  vulnerabilities: [{ cve: 'CVE-2017-0144', title: 'SMBv1 remote code execution', vector: VECTOR }],
  remediation: { category: 'mitigation', details: 'Isolate the systems in a dedicated network segment.' },
  ...changes,
});

async function setup() {
  const session = await openTestSession();
  const router = createRouter(session);
  await importFile(router, INVENTORY);
  return { router, db: session.ctx.db };
}

async function refusal(router: Router, input: unknown): Promise<ApiError> {
  const result = await router.dispatch('saveManualAdvisory', input);
  if (result.ok) throw new Error('saved, though it should have been refused');
  return result.error;
}

const save = (router: Router, input: unknown) =>
  call<ManualAdvisoryResult>(router, 'saveManualAdvisory', input);
const affected = async (router: Router) =>
  new Map((await call<AffectedDevice[]>(router, 'listAffected')).map((d) => [d.assetTag, d]));

describe('typing in an advisory', () => {
  it('links a catalog family, so Siemens devices of that family and OS become affected', async () => {
    const { router, db } = await setup();
    expect(await save(router, letter())).toMatchObject({ id: ID, version: '1', status: 'saved' });
    const found = await affected(router);
    expect(found.get('S-5')?.advisories).toMatchObject([
      {
        id: ID,
        cves: ['CVE-2017-0144'],
        maxCvss: 9.8,
        status: 'confirmed',
        basis: 'alias',
        reason: `model Symbia T2 -> SPECT/CT Systems; OS Windows 10 -> ${ID}`,
      },
    ]);
    // Windows 7 systems stay with the bundled advisory only.
    expect(found.get('S-1')?.advisories.map((a) => a.id)).toEqual(['ICSMA-17-215-02']);
    const detail = await call<AdvisoryDetail>(router, 'getAdvisory', { id: ID });
    expect(detail).toMatchObject({
      source: 'manual',
      publisher: 'Siemens Healthineers',
      initialRelease: '2026-11-02T00:00:00.000Z',
      products: [{ family: 'SPECT/CT Systems', os: 'Windows 10', status: 'known-affected' }],
      vulnerabilities: [
        { cve: 'CVE-2017-0144', cvssVersion: '3.1', vector: `CVSS:3.1/${VECTOR}`, score: 9.8 },
      ],
      remediations: [{ category: 'mitigation' }],
    });
    // The form reads back as typed, in the catalog's spelling, ready to edit into version 2.
    expect(detail.manual).toEqual({
      ...letter(),
      products: [
        { vendor: 'Siemens Healthineers', product: 'SPECT/CT Systems', os: 'Windows 10', versionRange: '' },
      ],
      vulnerabilities: [
        {
          cve: 'CVE-2017-0144',
          title: 'SMBv1 remote code execution',
          vector: `CVSS:3.1/${VECTOR}`,
          score: null,
        },
      ],
      editsVersion: '1',
    });
    const audited = db
      .prepare(
        "SELECT entity, action FROM audit_log WHERE operation = 'saveManualAdvisory' AND entity = 'advisory'",
      )
      .all();
    expect(audited).toEqual([
      { entity: 'advisory', action: 'import' },
      { entity: 'advisory', action: 'create' },
    ]);
  });

  it('stores a CSAF 2.0 document that passes the schema and the mandatory tests', async () => {
    const { router, db } = await setup();
    await save(
      router,
      letter({ products: [{ vendor: 'Siemens', product: 'SPECT Systems', versionRange: '< VB22A' }] }),
    );
    await save(router, letter({ title: 'Revised', editsVersion: '1' }));
    const json = db
      .prepare('SELECT document_json FROM advisory WHERE tracking_id = ?')
      .pluck()
      .get(ID) as string;
    expect(await validateCsaf(JSON.parse(json))).toEqual([]);
  });

  it('proposes a model named by a product outside the catalog for a person to confirm', async () => {
    const { router } = await setup();
    await save(
      router,
      letter({
        products: [{ vendor: 'Philips', product: 'Ingenia 1.5T MR systems', versionRange: '< 3.5.0' }],
      }),
    );
    expect((await affected(router)).get('P-1')?.advisories).toMatchObject([
      { id: ID, status: 'suggested', basis: 'suggestion' },
    ]);
    const suggestions = await call<MatchSuggestion[]>(router, 'listMatchSuggestions');
    expect(suggestions).toContainEqual(
      expect.objectContaining({
        model: 'Ingenia 1.5T',
        family: 'Ingenia 1.5T MR systems',
        newFamily: true,
        advisories: [ID],
      }),
    );
    await call(router, 'confirmMatch', { model: 'Ingenia 1.5T', family: 'Ingenia 1.5T MR systems' });
    expect((await affected(router)).get('P-1')?.advisories).toMatchObject([
      { id: ID, status: 'confirmed', basis: 'rule' },
    ]);
  });

  it('makes version 2 on an edit, keeps the history, and says when nothing changed', async () => {
    const { router, db } = await setup();
    await save(router, letter());
    const edited = letter({
      editsVersion: '1',
      remediation: {
        category: 'vendor_fix',
        details: 'Siemens provides update VB30A-UD01 through field service.',
      },
    });
    expect(await save(router, edited)).toMatchObject({
      version: '2',
      status: 'updated',
      prefilledPatches: 1,
    });
    const detail = await call<AdvisoryDetail>(router, 'getAdvisory', { id: ID });
    expect(detail.revisions.map((r) => r.version)).toEqual(['1', '2']);
    expect(detail.manual?.editsVersion).toBe('2');
    expect(detail.remediations).toEqual([
      {
        category: 'vendor_fix',
        details: 'Siemens provides update VB30A-UD01 through field service.',
        url: null,
      },
    ]);
    // The vendor's fix fills in the patch, available from the letter's date, as a CSAF file's would.
    expect(detail.patches).toMatchObject([
      { family: 'SPECT/CT Systems', status: 'available', availableFrom: '2026-11-02' },
    ]);
    const history = db
      .prepare(
        "SELECT before_json, after_json FROM audit_log WHERE entity = 'advisory' AND action = 'update' AND entity_id = ?",
      )
      .get(ID) as { before_json: string; after_json: string };
    expect(JSON.parse(history.before_json).remediation.category).toBe('mitigation');
    expect(JSON.parse(history.after_json).remediation.category).toBe('vendor_fix');

    expect(await save(router, { ...edited, editsVersion: '2' })).toMatchObject({
      version: '2',
      status: 'unchanged',
    });
    expect(await refusal(router, { ...edited, editsVersion: '1' })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/was saved as version 2 since you opened version 1/),
    });
    expect(await refusal(router, letter())).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(
        /^trackingId: SIEMENS-LETTER-2026-11 was already typed in \(version 2\)/,
      ),
    });
  });
});

describe('refusals change nothing and name the field', () => {
  const countRows = (db: Awaited<ReturnType<typeof setup>>['db']) =>
    db.prepare('SELECT (SELECT count(*) FROM advisory) || (SELECT count(*) FROM audit_log)').pluck().get();

  it.each([
    [
      'a bundled tracking id',
      letter({ trackingId: 'icsma-17-215-02' }),
      'CONFLICT',
      /^trackingId: ICSMA-17-215-02 is an advisory bundled with Isopatch/,
    ],
    [
      'a CVSS vector that is none',
      letter({ vulnerabilities: [{ title: 'x', vector: 'AV:N/AC:L' }] }),
      'INVALID_INPUT',
      /^vulnerabilities\.0\.vector: must be a CVSS 3\.x base vector/,
    ],
    [
      "a score that is not the vector's",
      letter({ vulnerabilities: [{ title: 'x', vector: VECTOR, score: 7.5 }] }),
      'INVALID_INPUT',
      /^vulnerabilities\.0\.score: 7\.5 is not the base score of the vector, which is 9\.8/,
    ],
    [
      'neither vector nor score',
      letter({ vulnerabilities: [{ title: 'x' }] }),
      'INVALID_INPUT',
      /^vulnerabilities\.0\.vector: needs a CVSS 3\.x vector or a score/,
    ],
    [
      'a CVE listed twice',
      letter({
        vulnerabilities: [
          { cve: 'CVE-2017-0144', title: 'a', score: 8.1 },
          { cve: 'CVE-2017-0144', title: 'b', score: 8.1 },
        ],
      }),
      'INVALID_INPUT',
      /^vulnerabilities\.1\.cve: CVE-2017-0144 is listed twice/,
    ],
    [
      'an impossible date',
      letter({ releaseDate: '2026-02-30' }),
      'INVALID_INPUT',
      /^releaseDate: must be a date/,
    ],
    [
      'no products',
      letter({ products: [] }),
      'INVALID_INPUT',
      /^products: needs at least one affected product/,
    ],
  ])('refuses %s', async (_name, input, code, message) => {
    const { router, db } = await setup();
    const before = countRows(db);
    expect(await refusal(router, input)).toMatchObject({ code, message: expect.stringMatching(message) });
    expect(countRows(db)).toBe(before);
  });

  it('refuses the tracking id of an imported CSAF advisory', async () => {
    const { router, db } = await setup();
    db.prepare("UPDATE advisory SET source = 'csaf' WHERE tracking_id = 'ICSMA-17-215-01'").run();
    expect(await refusal(router, letter({ trackingId: 'ICSMA-17-215-01' }))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^trackingId: ICSMA-17-215-01 was imported from a CSAF file/),
    });
  });
});

describe('CVSS 3.x base scores of typed-in vectors', () => {
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9],
    ['CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 7.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:L/A:N', 7.2],
    ['AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N', 3.1],
    ['CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N', 0],
  ])('%s scores %d', async (vector, score) => {
    expect((await loadCvssReader()).base(vector)?.score).toBe(score);
  });

  it('reads what is no base vector as none', async () => {
    const cvss = await loadCvssReader();
    expect(cvss.base('CVSS:3.1/AV:X/AC:L')).toBeNull();
    expect(cvss.severity(9.8)).toBe('CRITICAL');
  });
});

import type { ManualAdvisoryInput, ManualAdvisoryResult } from '../../api/schemas/advisories';
import type { AuditRecorder } from '../audit/audit-log';
import { type CoreContext, isoNow } from '../context';
import { VendorDirectory } from '../devices/vendors';
import { AppError } from '../errors';
import { storeAdvisory } from './advisory-store';
import { type CvssReader, loadCvssReader, withCvssPrefix } from './csaf/cvss';
import { csafDocument, productsOf } from './csaf/read';
import { reviewItemsOf } from './csaf/review';
import { manualDocument, manualFormOf, revisionsOf } from './manual-document';
import { refreshMatches } from './matching/refresh-matches';
import { splitFamilyAndOs } from './product-names';
import { prefillPatches } from './remediation-patches';

interface Existing {
  id: number;
  tracking_id: string;
  version: string;
  source: string;
  document_json: string | null;
}

/**
 * Saves an advisory a person typed in from a vendor letter or bulletin, as a CSAF document stored like an
 * imported file; saving it again makes the next version, its history kept. A tracking id of a bundled or
 * imported advisory is refused: those change only through their own files.
 */
/** The form, and the CVSS calculator its vectors need (loaded outside the transaction, on first use). */
export interface PreparedManualAdvisory {
  readonly input: ManualAdvisoryInput;
  readonly cvss: CvssReader;
}

export async function prepareManualAdvisory(input: ManualAdvisoryInput): Promise<PreparedManualAdvisory> {
  return { input, cvss: await loadCvssReader() };
}

export function saveManualAdvisory(
  ctx: CoreContext,
  { input, cvss }: PreparedManualAdvisory,
  audit: AuditRecorder,
): ManualAdvisoryResult {
  const existing = ctx.db
    .prepare('SELECT id, tracking_id, version, source, document_json FROM advisory WHERE tracking_id = ?')
    .get(input.trackingId) as Existing | undefined;
  refuseUnlessEditable(input, existing);
  const form = { ...canonical(ctx, input, audit), trackingId: existing?.tracking_id ?? input.trackingId };
  checkScores(form, cvss);
  const stored = existing?.document_json ?? null;
  const previous = stored ? manualFormOf(stored) : null;
  if (previous && contentOf(previous) === contentOf(form))
    return result(form.trackingId, previous.editsVersion ?? '1', 'unchanged', 0);
  const at = isoNow(ctx);
  const version = existing ? String(Number.parseInt(existing.version, 10) + 1) : '1';
  const history = stored ? revisionsOf(stored) : [];
  const revision = { date: at, number: version, summary: existing ? 'Edited in Isopatch.' : 'Typed in.' };
  const full = manualDocument(form, version, [...history, revision], at, cvss);
  const document = csafDocument.parse(full);
  const products = productsOf(document);
  const advisoryId = storeAdvisory(
    ctx,
    {
      document,
      products,
      findings: [],
      reviewItems: reviewItemsOf(document, products),
      source: 'manual',
      json: JSON.stringify(full),
    },
    existing?.id ?? null,
    audit,
  );
  // What the person typed, before and after, beside the version the store records.
  audit({
    entity: 'advisory',
    entityId: form.trackingId,
    action: existing ? 'update' : 'create',
    before: previous ? JSON.parse(contentOf(previous)) : null,
    after: JSON.parse(contentOf(form)),
  });
  const prefilled = prefillPatches(
    ctx,
    advisoryId,
    document,
    { kind: 'the typed-in advisory', name: form.trackingId },
    audit,
  );
  refreshMatches(ctx, audit);
  return result(form.trackingId, version, existing ? 'updated' : 'saved', prefilled);
}

function refuseUnlessEditable(input: ManualAdvisoryInput, existing: Existing | undefined) {
  const id = existing?.tracking_id;
  if (!existing) {
    if (input.editsVersion)
      throw new AppError(
        'NOT_FOUND',
        `trackingId: there is no typed-in advisory ${input.trackingId} to edit.`,
      );
    return;
  }
  if (existing.source === 'bundled')
    throw new AppError(
      'CONFLICT',
      `trackingId: ${id} is an advisory bundled with Isopatch, so it cannot be typed in; give the advisory you type its own tracking id (such as the vendor letter's reference).`,
    );
  if (existing.source === 'csaf')
    throw new AppError(
      'CONFLICT',
      `trackingId: ${id} was imported from a CSAF file and changes only by importing a newer file; give the advisory you type its own tracking id.`,
    );
  if (!input.editsVersion)
    throw new AppError(
      'CONFLICT',
      `trackingId: ${id} was already typed in (version ${existing.version}); open it and choose Edit to save a new version.`,
    );
  if (input.editsVersion !== existing.version)
    throw new AppError(
      'CONFLICT',
      `${id} was saved as version ${existing.version} since you opened version ${input.editsVersion}; open it again and repeat your changes.`,
    );
}

/**
 * Vendors as Isopatch knows them (a vendor a person names becomes one, as on a device import), products named
 * as a catalog family in the family's own spelling (so they link to it like the bundled advisories' products),
 * and vectors with their "CVSS:3.x/" prefix.
 */
function canonical(ctx: CoreContext, input: ManualAdvisoryInput, audit: AuditRecorder): ManualAdvisoryInput {
  const vendors = new VendorDirectory(ctx);
  const family = ctx.db
    .prepare('SELECT name FROM product_family WHERE vendor_id = ? AND name = ? COLLATE NOCASE')
    .pluck();
  return {
    ...input,
    products: input.products.map((p) => {
      const vendor = vendors.resolveOrCreate(p.vendor, audit);
      const named = family.get(vendor.id, splitFamilyAndOs(p.product, vendor.name).family) as
        | string
        | undefined;
      return { ...p, vendor: vendor.name, product: named ?? p.product };
    }),
    vulnerabilities: input.vulnerabilities.map((v) => ({
      ...v,
      vector: v.vector && withCvssPrefix(v.vector),
    })),
  };
}

/** A score typed beside a vector must be the vector's: a contradiction would set priorities from a typo. */
function checkScores(input: ManualAdvisoryInput, cvss: CvssReader) {
  input.vulnerabilities.forEach((v, index) => {
    if (!v.vector) return;
    const base = cvss.base(v.vector);
    if (!base) {
      throw new AppError(
        'INVALID_INPUT',
        `vulnerabilities.${index}.vector: "${v.vector}" is not a CVSS 3.x base vector (CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H).`,
      );
    }
    const { score } = base;
    if (v.score === null) return;
    if (score !== v.score)
      throw new AppError(
        'INVALID_INPUT',
        `vulnerabilities.${index}.score: ${v.score} is not the base score of the vector, which is ${score}; leave the score empty to take the vector's.`,
      );
  });
}

/** What a form says, without the version it edits; a score beside a vector is the vector's, so it is left out. */
function contentOf({ editsVersion: _, ...form }: ManualAdvisoryInput): string {
  return JSON.stringify({
    ...form,
    vulnerabilities: form.vulnerabilities.map((v) => ({ ...v, score: v.vector ? null : v.score })),
  });
}

function result(
  id: string,
  version: string,
  status: ManualAdvisoryResult['status'],
  prefilledPatches: number,
): ManualAdvisoryResult {
  const message = {
    saved: `${id} is saved as version 1.`,
    updated: `${id} is saved as version ${version}; the earlier versions stay in its history.`,
    unchanged: `${id} version ${version} already says this; nothing changed.`,
  }[status];
  return { id, version, status, message, prefilledPatches };
}

import type { AuditRecorder } from '../audit/audit-log';
import { type CoreContext, isoNow } from '../context';
import type { CsafDocument } from './csaf/read';
import { patchEntityId } from './patch-for-device';
import { parseRange } from './versions/range';

/** The CSAF remediation categories that say whether a fix exists, and the patch status each means. */
const STATUS_OF_CATEGORY: Record<string, string> = {
  vendor_fix: 'available',
  none_available: 'none-available',
  no_fix_planned: 'no-fix-planned',
};
/** Where remediations of one family disagree (a fix for one CVE, none for another), the worst one holds. */
const SEVERITY: Record<string, number> = { available: 1, 'none-available': 2, 'no-fix-planned': 3 };
const MAX_NOTE = 2000;
/** The operations whose pre-fills a later version of the same advisory may update (nobody typed them). */
const PREFILLING = new Set(['importAdvisory', 'saveManualAdvisory']);

/** Where the remediations come from: "the CSAF file" a.json, or "the typed-in advisory" SIEMENS-LETTER-1. */
export interface PrefillOrigin {
  readonly kind: 'the CSAF file' | 'the typed-in advisory';
  readonly name: string;
}

interface Plan {
  familyId: number;
  family: string;
  versionRange: string;
  status: string;
  availableFrom: string | null;
  note: string;
}

const dateOf = (text: string | undefined) =>
  text && /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : null;

/**
 * Pre-fills patch availability from an imported CSAF file's (or a typed-in advisory's) remediations, for the products that resolve to a
 * product family (CISA files mostly name products by full name: those stay in the advisory's remediation list).
 * Never overwrites what a person set: only a missing row, or one the last import pre-filled, is written.
 * Returns how many rows were written, each audited as coming from the file.
 */
export function prefillPatches(
  ctx: CoreContext,
  advisoryId: number,
  document: CsafDocument,
  origin: PrefillOrigin,
  audit: AuditRecorder,
): number {
  const products = new Map(
    (
      ctx.db
        .prepare(
          `SELECT p.document_product_id, p.family_id, f.name AS family, p.version_range FROM advisory_product p
           JOIN product_family f ON f.id = p.family_id WHERE p.advisory_id = ?`,
        )
        .all(advisoryId) as {
        document_product_id: string;
        family_id: number;
        family: string;
        version_range: string | null;
      }[]
    ).map((p) => [p.document_product_id, p]),
  );
  const released = dateOf(document.document.tracking.current_release_date);
  const plans = new Map<string, Plan>();
  for (const vulnerability of document.vulnerabilities ?? []) {
    for (const remediation of vulnerability.remediations ?? []) {
      const status = STATUS_OF_CATEGORY[remediation.category];
      if (!status) continue;
      for (const id of remediation.product_ids ?? []) {
        const product = products.get(id);
        if (!product) continue;
        // A product limited to a version range gets a row for that range: the vendor distinguishes versions.
        const range = product.version_range ?? '';
        const versionRange = range && parseRange(range).kind !== 'all' ? range : '';
        const key = `${product.family_id}|${versionRange}`;
        const current = plans.get(key);
        if (current && (SEVERITY[current.status] ?? 0) >= (SEVERITY[status] ?? 0)) continue;
        const note = [
          `From ${origin.kind} ${origin.name} (${remediation.category}): ${remediation.details}`,
          remediation.url,
        ]
          .filter(Boolean)
          .join(' ');
        plans.set(key, {
          familyId: product.family_id,
          family: product.family,
          versionRange,
          status,
          availableFrom: status === 'available' ? (dateOf(remediation.date) ?? released) : null,
          note: note.length > MAX_NOTE ? `${note.slice(0, MAX_NOTE - 1)}…` : note,
        });
      }
    }
  }
  const tracking = document.document.tracking.id;
  let written = 0;
  for (const plan of plans.values()) if (write(ctx, advisoryId, tracking, plan, origin, audit)) written++;
  return written;
}

function write(
  ctx: CoreContext,
  advisoryId: number,
  tracking: string,
  plan: Plan,
  origin: PrefillOrigin,
  audit: AuditRecorder,
) {
  const entityId = patchEntityId(tracking, plan.family, plan.versionRange);
  const existing = ctx.db
    .prepare(
      `SELECT status, available_from, update_id, source_note FROM patch_availability
       WHERE advisory_id = ? AND family_id = ? AND version_range = ?`,
    )
    .get(advisoryId, plan.familyId, plan.versionRange) as
    | { status: string; available_from: string | null; update_id: string | null; source_note: string | null }
    | undefined;
  if (existing) {
    // The bundled catalog's rows and a person's entries stay; only an earlier import's pre-fill is updated.
    const last = ctx.db
      .prepare(
        "SELECT operation FROM audit_log WHERE entity = 'patch_availability' AND entity_id = ? ORDER BY id DESC LIMIT 1",
      )
      .pluck()
      .get(entityId);
    if (typeof last !== 'string' || !PREFILLING.has(last)) return false;
    if (
      existing.status === plan.status &&
      existing.available_from === plan.availableFrom &&
      existing.source_note === plan.note
    )
      return false;
  }
  const after = {
    ...(plan.versionRange ? { version_range: plan.versionRange } : {}),
    status: plan.status,
    available_from: plan.availableFrom,
    source_note: plan.note,
    prefilled: `from ${origin.kind}`,
  };
  ctx.db
    .prepare(
      `INSERT INTO patch_availability (advisory_id, family_id, version_range, status, available_from, source_note, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (advisory_id, family_id, version_range) DO UPDATE SET status = excluded.status,
         available_from = excluded.available_from, source_note = excluded.source_note, updated_at = excluded.updated_at`,
    )
    .run(
      advisoryId,
      plan.familyId,
      plan.versionRange,
      plan.status,
      plan.availableFrom,
      plan.note,
      isoNow(ctx),
    );
  audit({
    entity: 'patch_availability',
    entityId,
    action: existing ? 'update' : 'create',
    before: existing ?? null,
    after,
  });
  return true;
}

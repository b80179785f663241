import type { ReviewItem, ValidationFinding } from '../../api/schemas/advisories';
import type { AuditRecorder } from '../audit/audit-log';
import { type CoreContext, isoNow } from '../context';
import { VendorDirectory } from '../devices/vendors';
import type { CsafDocument, CsafProduct } from './csaf/read';
import { isRange } from './csaf/review';
import { familyNameOfProduct, splitFamilyAndOs } from './product-names';

export interface AdvisoryContent {
  readonly document: CsafDocument;
  readonly products: readonly CsafProduct[];
  readonly findings: readonly ValidationFinding[];
  readonly reviewItems: readonly ReviewItem[];
  readonly source: 'bundled' | 'csaf' | 'manual';
  /** The original document, kept for the history and for re-reading. */
  readonly json: string | null;
}

const STATUS_NAMES: Record<string, string> = {
  known_affected: 'known-affected',
  first_affected: 'known-affected',
  last_affected: 'known-affected',
  fixed: 'fixed',
  first_fixed: 'fixed',
  known_not_affected: 'known-not-affected',
  under_investigation: 'under-investigation',
};

/** Writes an advisory and everything in it, replacing an older version's content (its history stays). */
export function storeAdvisory(
  ctx: CoreContext,
  content: AdvisoryContent,
  existingId: number | null,
  audit: AuditRecorder,
) {
  const { document } = content;
  const tracking = document.document.tracking;
  const at = isoNow(ctx);
  const row = {
    tracking_id: tracking.id,
    title: document.document.title,
    publisher: document.document.publisher?.name ?? null,
    version: tracking.version,
    initial_release: tracking.initial_release_date ?? null,
    current_release: tracking.current_release_date ?? null,
    source: content.source,
    validation: content.findings.length > 0 ? 'findings' : 'valid',
    findings_json: JSON.stringify(content.findings),
    review_items_json: JSON.stringify(content.reviewItems),
    document_json: content.json,
    at,
  };
  let id: number;
  if (existingId === null) {
    id = Number(
      ctx.db
        .prepare(
          `INSERT INTO advisory (tracking_id, title, publisher, version, initial_release, current_release, source, validation,
             findings_json, review_items_json, document_json, created_at, updated_at)
           VALUES (@tracking_id, @title, @publisher, @version, @initial_release, @current_release, @source, @validation,
             @findings_json, @review_items_json, @document_json, @at, @at)`,
        )
        .run(row).lastInsertRowid,
    );
  } else {
    id = existingId;
    for (const table of ['vulnerability', 'advisory_product', 'remediation']) {
      ctx.db.prepare(`DELETE FROM ${table} WHERE advisory_id = ?`).run(id);
    }
    ctx.db
      .prepare(
        `UPDATE advisory SET title = @title, publisher = @publisher, version = @version, initial_release = @initial_release,
           current_release = @current_release, validation = @validation, findings_json = @findings_json,
           review_items_json = @review_items_json, document_json = @document_json, updated_at = @at WHERE id = @id`,
      )
      .run({ ...row, id });
  }
  ctx.db
    .prepare(
      'INSERT INTO advisory_revision (advisory_id, version, imported_at, document_json) VALUES (?, ?, ?, ?)',
    )
    .run(id, tracking.version, at, content.json);

  const productIds = storeProducts(ctx, id, content);
  storeVulnerabilities(ctx, id, document, productIds);
  audit({
    entity: 'advisory',
    entityId: id,
    action: existingId === null ? 'import' : 'update',
    after: { trackingId: tracking.id, version: tracking.version, findings: content.findings.length },
  });
  return id;
}

function storeProducts(ctx: CoreContext, advisoryId: number, content: AdvisoryContent): Map<string, number> {
  const vendors = new VendorDirectory(ctx);
  const family = ctx.db.prepare('SELECT id FROM product_family WHERE vendor_id = ? AND name = ?').pluck();
  const insert = ctx.db.prepare(
    `INSERT INTO advisory_product (advisory_id, document_product_id, vendor_id, family_id, product_name, os, version_range, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (advisory_id, document_product_id) DO NOTHING`,
  );
  const statuses = productStatuses(content.document);
  const ids = new Map<string, number>();
  for (const product of content.products) {
    const split = splitFamilyAndOs(product.productName, product.vendor);
    const vendor = product.vendor ? vendors.resolve(product.vendor.split(',')[0]?.trim() ?? '') : undefined;
    const fullName = [product.productName, product.version].filter(Boolean).join(' ');
    // A single product_version names the product (CISA writes model names there); only ranges limit a match.
    const versionRange =
      product.versionCategory === 'product_version_range' || (product.version && isRange(product.version))
        ? (product.version ?? null)
        : null;
    // The catalog's family, or one a person made from this product when confirming a match.
    const familyId = vendor
      ? (((family.get(vendor.id, split.family) ??
          family.get(vendor.id, familyNameOfProduct(fullName, versionRange, product.vendor))) as
          | number
          | undefined) ?? null)
      : null;
    insert.run(
      advisoryId,
      product.productId,
      vendor?.id ?? null,
      familyId,
      fullName,
      split.os,
      versionRange,
      statuses.get(product.productId) ?? 'needs-review',
    );
    const id = ctx.db
      .prepare('SELECT id FROM advisory_product WHERE advisory_id = ? AND document_product_id = ?')
      .pluck()
      .get(advisoryId, product.productId) as number;
    ids.set(product.productId, id);
  }
  return ids;
}

/** One status per product for the whole advisory: affected wins; a product only scored or remediated needs review. */
function productStatuses(document: CsafDocument): Map<string, string> {
  const rank = ['known-affected', 'needs-review', 'under-investigation', 'fixed', 'known-not-affected'];
  const statuses = new Map<string, string>();
  const set = (id: string, status: string) => {
    const current = statuses.get(id);
    if (!current || rank.indexOf(status) < rank.indexOf(current)) statuses.set(id, status);
  };
  for (const vulnerability of document.vulnerabilities ?? []) {
    const named = new Set<string>();
    for (const [category, ids] of Object.entries(vulnerability.product_status ?? {})) {
      for (const id of ids) {
        named.add(id);
        set(id, STATUS_NAMES[category] ?? 'under-investigation');
      }
    }
    const referenced = [
      ...(vulnerability.scores ?? []).flatMap((s) => s.products),
      ...(vulnerability.remediations ?? []).flatMap((r) => r.product_ids ?? []),
    ];
    for (const id of referenced) if (!named.has(id)) set(id, 'needs-review');
  }
  return statuses;
}

function storeVulnerabilities(
  ctx: CoreContext,
  advisoryId: number,
  document: CsafDocument,
  products: Map<string, number>,
) {
  const insertVulnerability = ctx.db.prepare(
    `INSERT INTO vulnerability (advisory_id, cve, title, cvss_version, cvss_vector, cvss_score) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (advisory_id, cve) DO NOTHING`,
  );
  const link = ctx.db.prepare(
    'INSERT OR IGNORE INTO vulnerability_product (vulnerability_id, advisory_product_id, status) VALUES (?, ?, ?)',
  );
  const insertRemediation = ctx.db.prepare(
    'INSERT INTO remediation (advisory_id, vulnerability_id, category, details, url, product_ids_json) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const vulnerability of document.vulnerabilities ?? []) {
    const best = (vulnerability.scores ?? [])
      .map((s) => s.cvss_v3 ?? s.cvss_v2)
      .filter((c) => c?.baseScore !== undefined)
      .sort((a, b) => (b?.baseScore ?? 0) - (a?.baseScore ?? 0))[0];
    const result = insertVulnerability.run(
      advisoryId,
      vulnerability.cve ?? null,
      vulnerability.title ?? null,
      best?.version ?? null,
      best?.vectorString ?? null,
      best?.baseScore ?? null,
    );
    const vulnerabilityId = Number(result.lastInsertRowid);
    if (result.changes === 0) continue;
    for (const [category, ids] of Object.entries(vulnerability.product_status ?? {})) {
      for (const id of ids) {
        const productId = products.get(id);
        if (productId) link.run(vulnerabilityId, productId, STATUS_NAMES[category] ?? category);
      }
    }
    for (const score of vulnerability.scores ?? []) {
      for (const id of score.products) {
        const productId = products.get(id);
        if (productId) link.run(vulnerabilityId, productId, 'scored');
      }
    }
    for (const remediation of vulnerability.remediations ?? []) {
      insertRemediation.run(
        advisoryId,
        vulnerabilityId,
        remediation.category,
        remediation.details,
        remediation.url ?? null,
        JSON.stringify(remediation.product_ids ?? []),
      );
    }
  }
}

import type { AdvisoryDetail, MatchSuggestion } from '../../api/schemas/advisories';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { deviceStatesByAdvisory, noDevices } from './advisory-list';
import { manualFormOf } from './manual-document';
import { AFFECTED_MATCH, REVIEW_PENDING } from './matching/match-review';
import { familyNameOfProduct } from './product-names';

interface AdvisoryRow {
  id: number;
  tracking_id: string;
  title: string;
  version: string;
  publisher: string | null;
  initial_release: string | null;
  current_release: string | null;
  source: AdvisoryDetail['source'];
  findings_json: string;
  review_items_json: string;
  document_json: string | null;
}

/** Everything about one advisory: its CVEs, products, remediation text, matches, patches and versions. */
export function getAdvisory(ctx: CoreContext, trackingId: string): AdvisoryDetail {
  const row = ctx.db.prepare('SELECT * FROM advisory WHERE tracking_id = ?').get(trackingId) as
    | AdvisoryRow
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no advisory ${trackingId}.`);
  const all = <T>(sql: string) => ctx.db.prepare(sql).all(row.id) as T[];
  const counts = ctx.db
    .prepare(
      `SELECT CASE WHEN ${AFFECTED_MATCH} THEN 'confirmed' WHEN ${REVIEW_PENDING} THEN 'needs-review' ELSE m.status END
         AS status, count(*) AS n
       FROM device_match m JOIN device d ON d.id = m.device_id WHERE m.advisory_id = ? GROUP BY 1`,
    )
    .all(row.id) as { status: string; n: number }[];
  const count = (status: string) => counts.find((c) => c.status === status)?.n ?? 0;
  return {
    id: row.tracking_id,
    title: row.title,
    version: row.version,
    publisher: row.publisher,
    initialRelease: row.initial_release,
    currentRelease: row.current_release,
    source: row.source,
    findings: JSON.parse(row.findings_json),
    reviewItems: JSON.parse(row.review_items_json),
    vulnerabilities: all<{
      cve: string | null;
      title: string | null;
      cvssVersion: string | null;
      vector: string | null;
      score: number | null;
      services: string;
    }>(
      `SELECT cve, title, cvss_version AS cvssVersion, cvss_vector AS vector, cvss_score AS score, services_json AS services
       FROM vulnerability WHERE advisory_id = ? ORDER BY cvss_score DESC, cve`,
    ).map((v) => ({ ...v, services: JSON.parse(v.services) })),
    products: all<AdvisoryDetail['products'][number]>(
      `SELECT p.product_name AS name, f.name AS family, p.os, p.status FROM advisory_product p
       LEFT JOIN product_family f ON f.id = p.family_id WHERE p.advisory_id = ? ORDER BY p.id`,
    ),
    // The same text is often repeated per vulnerability; a reader needs it once.
    remediations: all<AdvisoryDetail['remediations'][number]>(
      'SELECT DISTINCT category, details, url FROM remediation WHERE advisory_id = ? ORDER BY category, details',
    ),
    matchedDevices: {
      confirmed: count('confirmed'),
      needsReview: count('needs-review'),
      suggested: count('suggested'),
    },
    deviceStates: deviceStatesByAdvisory(ctx, row.id).get(row.id) ?? noDevices(),
    // Per family the all-versions row, then any rows for version ranges the vendor distinguishes.
    patches: ctx.db
      .prepare(
        `SELECT a.tracking_id AS advisory, f.name AS family, '' AS versionRange,
           coalesce(pa.status, 'none-available') AS status, pa.available_from AS availableFrom,
           pa.expected_date AS expectedDate, pa.update_id AS updateId, pa.delivery, pa.source_note AS sourceNote
         FROM advisory_product p JOIN advisory a ON a.id = p.advisory_id JOIN product_family f ON f.id = p.family_id
         LEFT JOIN patch_availability pa ON pa.advisory_id = a.id AND pa.family_id = f.id AND pa.version_range = ''
         WHERE p.advisory_id = @id GROUP BY f.id
         UNION ALL
         SELECT a.tracking_id, f.name, pa.version_range, pa.status, pa.available_from, pa.expected_date, pa.update_id,
           pa.delivery, pa.source_note
         FROM patch_availability pa JOIN advisory a ON a.id = pa.advisory_id JOIN product_family f ON f.id = pa.family_id
         WHERE pa.advisory_id = @id AND pa.version_range <> ''
         ORDER BY family, versionRange`,
      )
      .all({ id: row.id }) as AdvisoryDetail['patches'],
    manual: row.source === 'manual' && row.document_json ? manualFormOf(row.document_json) : null,
    revisions: all<AdvisoryDetail['revisions'][number]>(
      'SELECT version, imported_at AS importedAt FROM advisory_revision WHERE advisory_id = ? ORDER BY id',
    ),
    patchHistory: (
      ctx.db
        .prepare(
          `SELECT at, os_user AS osUser, entity_id, before_json, after_json FROM audit_log
           WHERE entity = 'patch_availability' AND entity_id LIKE ? ESCAPE '\\' ORDER BY id DESC`,
        )
        .all(`${row.tracking_id.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`) as {
        at: string;
        osUser: string;
        entity_id: string;
        before_json: string | null;
        after_json: string | null;
      }[]
    ).map((h) => ({
      at: h.at,
      osUser: h.osUser,
      family: h.entity_id.slice(row.tracking_id.length + 1),
      before: h.before_json ? JSON.parse(h.before_json) : null,
      after: h.after_json ? JSON.parse(h.after_json) : null,
    })),
  };
}

/**
 * Suggested matches by vendor, model and proposed family, most devices first. A model proposed for an advisory
 * product that has no family is proposed for a family named after the product, which confirming makes.
 */
export function listMatchSuggestions(ctx: CoreContext): MatchSuggestion[] {
  const rows = ctx.db
    .prepare(
      `SELECT v.name AS vendor, d.model, f.name AS family, p.product_name, p.version_range,
         group_concat(DISTINCT a.tracking_id) AS advisories, count(DISTINCT d.id) AS devices, min(m.reason) AS reason,
         group_concat(DISTINCT d.id) AS deviceIds
       FROM device_match m JOIN device d ON d.id = m.device_id JOIN vendor v ON v.id = d.vendor_id
       JOIN advisory a ON a.id = m.advisory_id
       LEFT JOIN advisory_product p ON p.id = m.advisory_product_id LEFT JOIN product_family f ON f.id = p.family_id
       WHERE m.status = 'suggested' GROUP BY v.name, d.model, f.name, p.product_name, p.version_range`,
    )
    .all() as {
    vendor: string;
    model: string;
    family: string | null;
    product_name: string | null;
    version_range: string | null;
    advisories: string;
    devices: number;
    reason: string;
    deviceIds: string;
  }[];
  const merged = new Map<string, MatchSuggestion & { deviceIds: Set<string> }>();
  for (const row of rows) {
    const newFamily = row.family === null && row.product_name !== null;
    const family =
      row.family ??
      (row.product_name === null
        ? null
        : familyNameOfProduct(row.product_name, row.version_range, row.vendor));
    const key = `${row.vendor}|${row.model}|${family?.toLowerCase()}`;
    const current = merged.get(key);
    if (!current) {
      merged.set(key, {
        vendor: row.vendor,
        model: row.model,
        family,
        newFamily,
        advisories: row.advisories.split(','),
        devices: row.devices,
        reason: row.reason,
        deviceIds: new Set(row.deviceIds.split(',')),
      });
      continue;
    }
    // The same family proposed through two products (two advisories): one decision, devices counted once.
    for (const id of row.advisories.split(','))
      if (!current.advisories.includes(id)) current.advisories.push(id);
    for (const id of row.deviceIds.split(',')) current.deviceIds.add(id);
    current.devices = current.deviceIds.size;
    if (row.reason < current.reason) current.reason = row.reason;
  }
  return [...merged.values()]
    .map(({ deviceIds, ...suggestion }) => ({ ...suggestion, advisories: suggestion.advisories.sort() }))
    .sort((a, b) => b.devices - a.devices || (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));
}

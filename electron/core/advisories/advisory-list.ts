import type { AdvisorySummary } from '../../api/schemas/advisories';
import type { CoreContext } from '../context';

interface Row extends Omit<AdvisorySummary, 'affected' | 'patchStatuses'> {
  confirmed: number;
  needsReview: number;
  suggested: number;
  patchStatuses: string | null;
}

export function listAdvisories(ctx: CoreContext): AdvisorySummary[] {
  const rows = ctx.db
    .prepare(
      `SELECT a.tracking_id AS id, a.title, a.version, a.source, a.validation,
         (SELECT count(*) FROM vulnerability v WHERE v.advisory_id = a.id) AS vulnerabilities,
         (SELECT max(v.cvss_score) FROM vulnerability v WHERE v.advisory_id = a.id) AS highestCvss,
         json_array_length(a.review_items_json) AS reviewItems,
         (SELECT count(*) FROM device_match m WHERE m.advisory_id = a.id AND m.status = 'confirmed') AS confirmed,
         (SELECT count(*) FROM device_match m WHERE m.advisory_id = a.id AND m.status = 'needs-review') AS needsReview,
         (SELECT count(*) FROM device_match m WHERE m.advisory_id = a.id AND m.status = 'suggested') AS suggested,
         (SELECT group_concat(DISTINCT pa.status) FROM patch_availability pa WHERE pa.advisory_id = a.id) AS patchStatuses
       FROM advisory a ORDER BY highestCvss DESC, a.tracking_id`,
    )
    .all() as Row[];
  return rows.map(({ confirmed, needsReview, suggested, patchStatuses, ...row }) => ({
    ...row,
    affected: { confirmed, needsReview, suggested },
    patchStatuses: patchStatuses ? patchStatuses.split(',') : [],
  }));
}

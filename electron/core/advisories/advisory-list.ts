import type { AdvisorySummary } from '../../api/schemas/advisories';
import type { CoreContext } from '../context';

export function listAdvisories(ctx: CoreContext): AdvisorySummary[] {
  return ctx.db
    .prepare(
      `SELECT a.tracking_id AS id, a.title, a.version, a.source, a.validation,
         (SELECT count(*) FROM vulnerability v WHERE v.advisory_id = a.id) AS vulnerabilities,
         (SELECT max(v.cvss_score) FROM vulnerability v WHERE v.advisory_id = a.id) AS highestCvss,
         json_array_length(a.review_items_json) AS reviewItems
       FROM advisory a ORDER BY highestCvss DESC, a.tracking_id`,
    )
    .all() as AdvisorySummary[];
}

import type { AdvisorySummary, DeviceStateCounts } from '../../api/schemas/advisories';
import type { CoreContext } from '../context';
import { AFFECTED_MATCH, REVIEW_PENDING } from './matching/match-review';

interface Row extends Omit<AdvisorySummary, 'affected' | 'patchStatuses' | 'deviceStates'> {
  advisoryId: number;
  confirmed: number;
  needsReview: number;
  suggested: number;
  patchStatuses: string | null;
}

/**
 * Which count a matched device adds to, from its lifecycle state and network: a device not yet isolated but
 * off the network (disconnected by hand) is no longer exposed.
 */
const STAGE_OF_DEVICE = `CASE
    WHEN d.state IN ('unassessed', 'affected', 'isolation-planned', 'patch-planned') AND d.network_state = 'connected'
      THEN 'exposed'
    WHEN d.state IN ('unassessed', 'affected', 'isolation-planned', 'isolated', 'patch-planned') THEN 'isolated'
    WHEN d.state = 'patched' THEN 'patched'
    WHEN d.state IN ('verified', 'reconnected') THEN 'verified'
    WHEN d.state = 'risk-accepted' THEN 'riskAccepted'
  END`;

export const noDevices = (): DeviceStateCounts => ({
  exposed: 0,
  isolated: 0,
  patched: 0,
  verified: 0,
  riskAccepted: 0,
});

export function listAdvisories(ctx: CoreContext): AdvisorySummary[] {
  const rows = ctx.db
    .prepare(
      `SELECT a.id AS advisoryId, a.tracking_id AS id, a.title, a.version, a.source, a.validation,
         (SELECT count(*) FROM vulnerability v WHERE v.advisory_id = a.id) AS vulnerabilities,
         (SELECT max(v.cvss_score) FROM vulnerability v WHERE v.advisory_id = a.id) AS highestCvss,
         json_array_length(a.review_items_json) AS reviewItems,
         (SELECT count(*) FROM device_match m JOIN device d ON d.id = m.device_id
           WHERE m.advisory_id = a.id AND ${AFFECTED_MATCH}) AS confirmed,
         (SELECT count(*) FROM device_match m JOIN device d ON d.id = m.device_id
           WHERE m.advisory_id = a.id AND ${REVIEW_PENDING}) AS needsReview,
         (SELECT count(*) FROM device_match m WHERE m.advisory_id = a.id AND m.status = 'suggested') AS suggested,
         (SELECT group_concat(DISTINCT pa.status) FROM patch_availability pa WHERE pa.advisory_id = a.id) AS patchStatuses
       FROM advisory a ORDER BY highestCvss DESC, a.tracking_id`,
    )
    .all() as Row[];
  const stages = deviceStatesByAdvisory(ctx);
  return rows.map(({ advisoryId, confirmed, needsReview, suggested, patchStatuses, ...row }) => ({
    ...row,
    affected: { confirmed, needsReview, suggested },
    patchStatuses: patchStatuses ? patchStatuses.split(',') : [],
    deviceStates: stages.get(advisoryId) ?? noDevices(),
  }));
}

/** Per advisory, its confirmed and needs-review devices by stage; a suggestion is not yet a person's finding. */
export function deviceStatesByAdvisory(
  ctx: CoreContext,
  advisoryId?: number,
): Map<number, DeviceStateCounts> {
  const rows = ctx.db
    .prepare(
      `SELECT m.advisory_id, ${STAGE_OF_DEVICE} AS stage, count(*) AS n
       FROM device_match m JOIN device d ON d.id = m.device_id
       WHERE m.status IN ('confirmed', 'needs-review') AND (@advisory IS NULL OR m.advisory_id = @advisory)
       GROUP BY m.advisory_id, stage`,
    )
    .all({ advisory: advisoryId ?? null }) as {
    advisory_id: number;
    stage: keyof DeviceStateCounts | null;
    n: number;
  }[];
  const result = new Map<number, DeviceStateCounts>();
  for (const row of rows) {
    if (!row.stage) continue;
    const counts = result.get(row.advisory_id) ?? noDevices();
    counts[row.stage] += row.n;
    result.set(row.advisory_id, counts);
  }
  return result;
}

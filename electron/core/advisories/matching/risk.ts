import type { CoreContext } from '../../context';

const NETWORK_FACTOR = { connected: 1, isolated: 0.4, disconnected: 0.2 } as const;

/**
 * Priority for the planner (README, "Priority"): 10 x the highest CVSS of the device's open vulnerabilities,
 * weighted by how reachable it is (connected 1, isolated 0.4, disconnected 0.2), plus 10 when a patch is
 * available and 5 while a match needs review.
 */
export function priorityOf(
  maxCvss: number,
  network: keyof typeof NETWORK_FACTOR,
  patchAvailable: boolean,
  needsReview: boolean,
) {
  return Math.round(
    maxCvss * 10 * NETWORK_FACTOR[network] + (patchAvailable ? 10 : 0) + (needsReview ? 5 : 0),
  );
}

interface MatchFacts {
  advisoryId: number;
  productId: number;
  status: 'confirmed' | 'needs-review' | 'suggested';
}

/** Writes device_risk rows: what a device's open matches add up to, with its priority. */
export class RiskWriter {
  private readonly maxCvss = new Map<number, number | null>();
  private readonly patch = new Map<number, string>();
  private readonly insert;

  constructor(ctx: CoreContext) {
    for (const row of ctx.db
      .prepare('SELECT advisory_id, max(cvss_score) AS m FROM vulnerability GROUP BY advisory_id')
      .all() as {
      advisory_id: number;
      m: number | null;
    }[]) {
      this.maxCvss.set(row.advisory_id, row.m);
    }
    for (const row of ctx.db
      .prepare(
        `SELECT p.id, pa.status FROM advisory_product p
         JOIN patch_availability pa ON pa.advisory_id = p.advisory_id AND pa.family_id = p.family_id AND pa.version_range = ''`,
      )
      .all() as { id: number; status: string }[]) {
      this.patch.set(row.id, row.status);
    }
    this.insert = ctx.db.prepare(
      'INSERT INTO device_risk (device_id, advisories, max_cvss, patch_status, needs_review, priority) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.trackingIds = new Map(
      (
        ctx.db.prepare('SELECT id, tracking_id FROM advisory').all() as { id: number; tracking_id: string }[]
      ).map((a) => [a.id, a.tracking_id]),
    );
  }

  private readonly trackingIds: Map<number, string>;

  write(device: { id: number; network_state: keyof typeof NETWORK_FACTOR }, matches: readonly MatchFacts[]) {
    const maxCvss = Math.max(0, ...matches.map((m) => this.maxCvss.get(m.advisoryId) ?? 0));
    const patches = matches.map((m) => this.patch.get(m.productId) ?? 'none-available');
    const patchStatus = patches.includes('available')
      ? 'available'
      : patches.includes('announced')
        ? 'announced'
        : (patches[0] ?? 'none-available');
    const needsReview = matches.some((m) => m.status !== 'confirmed');
    this.insert.run(
      device.id,
      matches
        .map((m) => this.trackingIds.get(m.advisoryId))
        .sort()
        .join(' '),
      maxCvss,
      patchStatus,
      needsReview ? 1 : 0,
      priorityOf(maxCvss, device.network_state, patchStatus === 'available', needsReview),
    );
  }
}

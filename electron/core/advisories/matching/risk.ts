import type { CoreContext } from '../../context';
import { prepared } from '../../db/prepared';
import { PatchBook } from '../patch-for-device';

const NETWORK_FACTOR = { connected: 1, isolated: 0.4, disconnected: 0.2 } as const;

/**
 * Priority for the planner (README, "Priority"): 10 x the highest CVSS of the device's open vulnerabilities,
 * weighted by how reachable it is (connected 1, isolated 0.4, disconnected 0.2), plus 10 when a patch is
 * available and 5 while a match needs review. A patched device has nothing open: 0.
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

/** States in which the patch is installed: nothing of the device is open any more. */
export const PATCHED_STATES = ['patched', 'verified', 'reconnected'] as const;
const isPatched = (state: string | undefined) => (PATCHED_STATES as readonly string[]).includes(state ?? '');

/** A device's priority from its state, network and stored risk: the one formula, in JS and (below) in SQL. */
function devicePriority(
  state: string,
  maxCvss: number | null,
  network: keyof typeof NETWORK_FACTOR,
  patchStatus: string,
  needsReview: number,
): number {
  return isPatched(state)
    ? 0
    : priorityOf(maxCvss ?? 0, network, patchStatus === 'available', needsReview === 1);
}

const withPriorityFunction = new WeakSet<CoreContext['db']>();
/** `device_priority(state, max_cvss, network_state, patch_status, needs_review)` for set-based risk writes. */
export function registerPriorityFunction(db: CoreContext['db']): void {
  if (withPriorityFunction.has(db)) return;
  db.function(
    'device_priority',
    { deterministic: true },
    (state, maxCvss, network, patchStatus, needsReview) =>
      devicePriority(
        String(state),
        maxCvss === null ? null : Number(maxCvss),
        network as keyof typeof NETWORK_FACTOR,
        String(patchStatus),
        Number(needsReview),
      ),
  );
  withPriorityFunction.add(db);
}

/**
 * A device's priority again after its state or network changed (a task done), from its stored risk: cheaper than
 * matching it anew, which the state does not affect.
 */
export function refreshPriority(ctx: CoreContext, deviceId: number): void {
  const row = prepared(
    ctx.db,
    `SELECT r.max_cvss, r.patch_status, r.needs_review, d.network_state, d.state
     FROM device_risk r JOIN device d ON d.id = r.device_id WHERE r.device_id = ?`,
  ).get(deviceId) as
    | {
        max_cvss: number | null;
        patch_status: string;
        needs_review: number;
        network_state: keyof typeof NETWORK_FACTOR;
        state: string;
      }
    | undefined;
  if (!row) return;
  const priority = devicePriority(
    row.state,
    row.max_cvss,
    row.network_state,
    row.patch_status,
    row.needs_review,
  );
  prepared(ctx.db, 'UPDATE device_risk SET priority = ? WHERE device_id = ?').run(priority, deviceId);
}

interface MatchFacts {
  advisoryId: number;
  productId: number;
  status: 'confirmed' | 'needs-review' | 'suggested';
}

/** What a device's open matches add up to, before its state and network weigh in (device_risk, less priority). */
export interface RiskFacts {
  readonly advisories: string;
  readonly maxCvss: number;
  readonly patchStatus: string;
  readonly needsReview: boolean;
}

/** Adds up matches to risk: the highest CVSS, the patch for the device's version, whether a person must look. */
export class RiskBook {
  private readonly maxCvss = new Map<number, number | null>();
  /** Which advisory and family each advisory product is, to look its patch up for a device's version. */
  private readonly products = new Map<number, { advisoryId: number; familyId: number | null }>();
  private readonly patches: PatchBook;
  private readonly trackingIds: Map<number, string>;

  constructor(ctx: CoreContext) {
    for (const row of ctx.db
      .prepare('SELECT advisory_id, max(cvss_score) AS m FROM vulnerability GROUP BY advisory_id')
      .all() as {
      advisory_id: number;
      m: number | null;
    }[]) {
      this.maxCvss.set(row.advisory_id, row.m);
    }
    for (const row of ctx.db.prepare('SELECT id, advisory_id, family_id FROM advisory_product').all() as {
      id: number;
      advisory_id: number;
      family_id: number | null;
    }[]) {
      this.products.set(row.id, { advisoryId: row.advisory_id, familyId: row.family_id });
    }
    this.patches = new PatchBook(ctx);
    this.trackingIds = new Map(
      (
        ctx.db.prepare('SELECT id, tracking_id FROM advisory').all() as { id: number; tracking_id: string }[]
      ).map((a) => [a.id, a.tracking_id]),
    );
  }

  factsOf(softwareVersion: string | null, matches: readonly MatchFacts[]): RiskFacts {
    const maxCvss = Math.max(0, ...matches.map((m) => this.maxCvss.get(m.advisoryId) ?? 0));
    const found = matches.map((m) =>
      this.patches.forDevice(m.advisoryId, this.products.get(m.productId)?.familyId ?? null, softwareVersion),
    );
    const patches = found.map((p) => p.status);
    const patchStatus = patches.includes('available')
      ? 'available'
      : patches.includes('announced')
        ? 'announced'
        : (patches[0] ?? 'none-available');
    // A patch row the device's version could not be placed in needs a person as much as an unsure match.
    const needsReview = matches.some((m) => m.status !== 'confirmed') || found.some((p) => p.needsReview);
    return {
      advisories: matches
        .map((m) => this.trackingIds.get(m.advisoryId))
        .sort()
        .join(' '),
      maxCvss,
      patchStatus,
      needsReview,
    };
  }
}

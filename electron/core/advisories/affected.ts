import type { AffectedDevice } from '../../api/schemas/advisories';
import type { CoreContext } from '../context';
import { AWAITING_PERSON } from './matching/match-review';
import { PatchBook } from './patch-for-device';

interface Row {
  device_id: number;
  asset_tag: string | null;
  serial: string | null;
  priority: number;
  tracking_id: string;
  basis: 'rule' | 'alias' | 'suggestion';
  status: string;
  awaiting: 0 | 1;
  reason: string;
  cves: string | null;
  max_cvss: number | null;
  advisory_id: number;
  family_id: number | null;
  software_version: string | null;
}

/** Every device some advisory affects, with the reason, basis and patch state per advisory, highest priority first. */
export function listAffected(ctx: CoreContext): AffectedDevice[] {
  const rows = ctx.db
    .prepare(
      `SELECT d.id AS device_id, d.asset_tag, d.serial, d.software_version, r.priority, a.tracking_id, m.basis,
         m.status, ${AWAITING_PERSON} AS awaiting, m.reason, m.advisory_id, p.family_id,
         (SELECT group_concat(v.cve, ' ') FROM vulnerability v WHERE v.advisory_id = a.id) AS cves,
         (SELECT max(v.cvss_score) FROM vulnerability v WHERE v.advisory_id = a.id) AS max_cvss
       FROM device_match m
       JOIN device d ON d.id = m.device_id
       JOIN device_risk r ON r.device_id = d.id
       JOIN advisory a ON a.id = m.advisory_id
       LEFT JOIN advisory_product p ON p.id = m.advisory_product_id
       WHERE m.status <> 'rejected' AND d.state NOT IN ('not-affected', 'decommissioned')
       ORDER BY d.id, a.tracking_id`,
    )
    .all() as Row[];
  const patches = new PatchBook(ctx);
  const devices = new Map<number, AffectedDevice>();
  for (const row of rows) {
    const patch = patches.forDevice(row.advisory_id, row.family_id, row.software_version);
    const device = devices.get(row.device_id) ?? {
      assetTag: row.asset_tag ?? row.serial ?? `#${row.device_id}`,
      advisories: [],
      priority: row.priority,
      needsReview: false,
    };
    device.advisories.push({
      id: row.tracking_id,
      cves: row.cves ? row.cves.split(' ') : [],
      maxCvss: row.max_cvss,
      basis: row.basis,
      status: row.status as AffectedDevice['advisories'][number]['status'],
      reason: row.reason,
      patch: {
        status: patch.status,
        availableFrom: patch.availableFrom,
        updateId: patch.updateId,
        versionRange: patch.versionRange,
        needsReview: patch.needsReview,
      },
    });
    device.needsReview ||= row.awaiting === 1 || patch.needsReview;
    devices.set(row.device_id, device);
  }
  return [...devices.values()].sort(
    (a, b) => b.priority - a.priority || a.assetTag.localeCompare(b.assetTag),
  );
}

import type { AuditRecorder } from '../../audit/audit-log';
import type { CoreContext } from '../../context';
import { syncAffectedStates } from '../../devices/device-state';
import { inRange, parseRange } from '../versions/range';
import { FamilyResolver } from './family-resolver';
import { osGeneration } from './os-generation';
import { RiskWriter } from './risk';

interface DeviceRow {
  id: number;
  vendor_id: number | null;
  model: string | null;
  os: string | null;
  software_version: string | null;
  network_state: 'connected' | 'isolated' | 'disconnected';
  state: string;
}

interface ProductRow {
  id: number;
  advisory_id: number;
  tracking_id: string;
  vendor_id: number | null;
  family_id: number | null;
  product_name: string;
  os: string | null;
  version_range: string | null;
  status: string;
}

type MatchStatus = 'confirmed' | 'needs-review' | 'suggested';
interface Match {
  advisoryId: number;
  productId: number;
  basis: 'rule' | 'alias' | 'suggestion';
  status: MatchStatus;
  reasons: string[];
}

const STRENGTH: Record<MatchStatus, number> = { confirmed: 3, 'needs-review': 2, suggested: 1 };
const AFFECTED = new Set(['known-affected', 'needs-review', 'under-investigation']);
const normalized = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Recomputes which devices advisories affect, with the reason in words and its basis, for all devices or the given
 * ones. Matches are derived data: a person's decisions live in match rules and device states, which this reads.
 * Devices then follow their matches into or out of "affected". Runs inside the caller's transaction.
 */
export function refreshMatches(
  ctx: CoreContext,
  audit: AuditRecorder,
  deviceIds?: readonly number[],
): number {
  const families = new FamilyResolver(ctx);
  const products = (
    ctx.db
      .prepare(
        `SELECT p.id, p.advisory_id, a.tracking_id, p.vendor_id, p.family_id, p.product_name, p.os, p.version_range, p.status
       FROM advisory_product p JOIN advisory a ON a.id = p.advisory_id`,
      )
      .all() as ProductRow[]
  ).filter((p) => AFFECTED.has(p.status));
  const byFamily = groupBy(
    products.filter((p) => p.family_id !== null),
    (p) => p.family_id as number,
  );
  const namedByVendor = groupBy(
    products.filter((p) => p.family_id === null && p.vendor_id !== null),
    (p) => p.vendor_id as number,
  );

  const select = `SELECT id, vendor_id, model, os, software_version, network_state, state FROM device
    WHERE state NOT IN ('not-affected', 'decommissioned')`;
  const devices = deviceIds
    ? deviceIds.flatMap((id) => ctx.db.prepare(`${select} AND id = ?`).all(id) as DeviceRow[])
    : (ctx.db.prepare(select).all() as DeviceRow[]);
  if (deviceIds) {
    const remove = ctx.db.prepare('DELETE FROM device_match WHERE device_id = ?');
    const removeRisk = ctx.db.prepare('DELETE FROM device_risk WHERE device_id = ?');
    for (const id of deviceIds) {
      remove.run(id);
      removeRisk.run(id);
    }
  } else {
    ctx.db.prepare('DELETE FROM device_match').run();
    ctx.db.prepare('DELETE FROM device_risk').run();
  }
  const risks = new RiskWriter(ctx);

  // Which named products a vendor's model appears in, worked out once per model (models repeat by the thousand).
  const namedNames = new Map<ProductRow, string>();
  for (const list of namedByVendor.values())
    for (const p of list) namedNames.set(p, normalized(p.product_name));
  const namedCache = new Map<string, ProductRow[]>();
  const namedProducts = (vendorId: number, model: string): ProductRow[] => {
    const key = `${vendorId}|${model}`;
    const known = namedCache.get(key);
    if (known) return known;
    const name = normalized(model);
    const found =
      name.length < 3
        ? []
        : (namedByVendor.get(vendorId) ?? []).filter((p) => namedNames.get(p)?.includes(name));
    namedCache.set(key, found);
    return found;
  };

  const insert = ctx.db.prepare(
    'INSERT INTO device_match (device_id, advisory_id, advisory_product_id, basis, status, reason) VALUES (?, ?, ?, ?, ?, ?)',
  );
  let written = 0;
  for (const device of devices) {
    const matches = new Map<number, Match>();
    const add = (product: ProductRow, basis: Match['basis'], status: MatchStatus, reason: string) => {
      const current = matches.get(product.advisory_id);
      if (!current || STRENGTH[status] > STRENGTH[current.status]) {
        matches.set(product.advisory_id, {
          advisoryId: product.advisory_id,
          productId: product.id,
          basis,
          status,
          reasons: [reason, ...(current?.reasons ?? [])],
        });
      } else if (!current.reasons.includes(reason)) current.reasons.push(reason);
    };
    const os = osGeneration(device.os);
    const decision = families.resolve(device.vendor_id, device.model);
    if (decision.kind === 'family') {
      for (const product of byFamily.get(decision.familyId) ?? []) {
        if (product.os && os && product.os !== os) continue;
        const osReason = product.os
          ? os
            ? `OS ${device.os} -> ${product.tracking_id}`
            : `OS unknown, ${product.tracking_id} is for ${product.os}`
          : product.tracking_id;
        const version = versionCheck(device, product);
        if (version === false) continue;
        const uncertain =
          product.status !== 'known-affected' || (product.os !== null && os === null) || version === null;
        const status: MatchStatus =
          decision.basis === 'suggestion' ? 'suggested' : uncertain ? 'needs-review' : 'confirmed';
        add(
          product,
          decision.basis,
          status,
          `${decision.reason}; ${osReason}${version === null ? '; version needs review' : ''}${product.status === 'needs-review' ? '; product status missing in the advisory' : ''}`,
        );
      }
    }
    if (decision.kind !== 'not-affected' && device.model && device.vendor_id !== null) {
      for (const product of namedProducts(device.vendor_id, device.model)) {
        const version = versionCheck(device, product);
        if (version === false) continue;
        // A model found in a product's name is a proposal: a person confirms it (names seldom match literally).
        add(
          product,
          'suggestion',
          'suggested',
          `model ${device.model} is named in ${product.tracking_id} ("${product.product_name}")${version === null ? '; version needs review' : ''}`,
        );
      }
    }
    for (const match of matches.values()) {
      insert.run(
        device.id,
        match.advisoryId,
        match.productId,
        match.basis,
        match.status,
        match.reasons.join(' | '),
      );
      written++;
    }
    if (matches.size > 0) risks.write(device, [...matches.values()]);
  }
  syncAffectedStates(ctx, audit);
  return written;
}

/** Whether the device's software version is in the product's range; null when it cannot be told. */
function versionCheck(device: DeviceRow, product: ProductRow): boolean | null {
  if (!product.version_range) return true;
  const range = parseRange(product.version_range);
  if (range.kind === 'all') return true;
  if (!device.software_version) return null;
  return inRange(device.software_version, range);
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

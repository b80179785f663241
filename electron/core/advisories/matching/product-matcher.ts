import type { CoreContext } from '../../context';
import { inRange, parseRange } from '../versions/range';
import { FamilyResolver } from './family-resolver';
import { osGeneration } from './os-generation';

/** What matching reads of a device; devices alike in these four match alike. */
export interface DeviceSignature {
  readonly vendor_id: number | null;
  readonly model: string | null;
  readonly os: string | null;
  readonly software_version: string | null;
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

export type MatchStatus = 'confirmed' | 'needs-review' | 'suggested';
export interface Match {
  readonly advisoryId: number;
  readonly productId: number;
  readonly basis: 'rule' | 'alias' | 'suggestion';
  readonly status: MatchStatus;
  readonly reasons: string[];
}

const STRENGTH: Record<MatchStatus, number> = { confirmed: 3, 'needs-review': 2, suggested: 1 };
const AFFECTED = new Set(['known-affected', 'needs-review', 'under-investigation']);
const normalized = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Which advisories' products a device is, with the reason in words and its basis: by the model's family (a
 * person's rule, the model-to-family table, or a fuzzy suggestion), the OS generation and the version range; or,
 * as a suggestion, by the model appearing in a product's name.
 */
export class ProductMatcher {
  private readonly families: FamilyResolver;
  private readonly byFamily: Map<number, ProductRow[]>;
  private readonly namedByVendor: Map<number, ProductRow[]>;
  private readonly namedNames = new Map<ProductRow, string>();
  /** Which named products a vendor's model appears in, worked out once per model. */
  private readonly namedCache = new Map<string, ProductRow[]>();

  constructor(ctx: CoreContext) {
    this.families = new FamilyResolver(ctx);
    const products = (
      ctx.db
        .prepare(
          `SELECT p.id, p.advisory_id, a.tracking_id, p.vendor_id, p.family_id, p.product_name, p.os, p.version_range, p.status
           FROM advisory_product p JOIN advisory a ON a.id = p.advisory_id`,
        )
        .all() as ProductRow[]
    ).filter((p) => AFFECTED.has(p.status));
    this.byFamily = groupBy(
      products.filter((p) => p.family_id !== null),
      (p) => p.family_id as number,
    );
    // Products with a family too: a model named in one is proposed for that family (after a person's decision
    // about another model made the family, or after that decision was undone).
    this.namedByVendor = groupBy(
      products.filter((p) => p.vendor_id !== null),
      (p) => p.vendor_id as number,
    );
    for (const list of this.namedByVendor.values())
      for (const p of list) this.namedNames.set(p, normalized(p.product_name));
  }

  matchesOf(device: DeviceSignature): Match[] {
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
    const decision = this.families.resolve(device.vendor_id, device.model);
    if (decision.kind === 'family') {
      for (const product of this.byFamily.get(decision.familyId) ?? []) {
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
      for (const product of this.namedProducts(device.vendor_id, device.model)) {
        // The model's own family was matched above, by its OS and version.
        if (decision.kind === 'family' && product.family_id === decision.familyId) continue;
        if (product.os && os && product.os !== os) continue;
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
    return [...matches.values()];
  }

  /** The family a vendor's model is known to belong to (a person's rule or the table; a suggestion is not yet). */
  familyOf(vendorId: number | null, model: string | null): number | null {
    return this.families.familyOf(vendorId, model);
  }

  private namedProducts(vendorId: number, model: string): ProductRow[] {
    const key = `${vendorId}|${model}`;
    const known = this.namedCache.get(key);
    if (known) return known;
    const name = normalized(model);
    const found =
      name.length < 3
        ? []
        : (this.namedByVendor.get(vendorId) ?? []).filter((p) => this.namedNames.get(p)?.includes(name));
    this.namedCache.set(key, found);
    return found;
  }
}

/** Whether the device's software version is in the product's range; null when it cannot be told. */
function versionCheck(device: DeviceSignature, product: ProductRow): boolean | null {
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

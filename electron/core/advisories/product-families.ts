import type { AuditRecorder } from '../audit/audit-log';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { familyNameOfProduct } from './product-names';

export interface Family {
  id: number;
  name: string;
  vendor_id: number;
  vendor: string;
}

interface UnlinkedProduct {
  id: number;
  vendor_id: number;
  vendor: string;
  tracking_id: string;
  product_name: string;
  version_range: string | null;
}

/** Advisory products without a family whose name makes a family called `name` (any case). */
export function productsNamed(ctx: CoreContext, name: string, vendorId?: number): UnlinkedProduct[] {
  const wanted = name.trim().toLowerCase();
  return (
    ctx.db
      .prepare(
        `SELECT p.id, p.vendor_id, v.name AS vendor, a.tracking_id, p.product_name, p.version_range
         FROM advisory_product p JOIN vendor v ON v.id = p.vendor_id JOIN advisory a ON a.id = p.advisory_id
         WHERE p.family_id IS NULL AND (@vendorId IS NULL OR p.vendor_id = @vendorId) ORDER BY p.id`,
      )
      .all({ vendorId: vendorId ?? null }) as UnlinkedProduct[]
  ).filter((p) => familyNameOfProduct(p.product_name, p.version_range, p.vendor).toLowerCase() === wanted);
}

/**
 * The family a person confirms a model into: the catalog's, or else one named after the advisory product the
 * model was proposed for (CISA files name products such as GE's Discovery NM750b, not families), made now. Either
 * way the advisory products named after the family are linked to it, so matching and patch availability, both
 * kept per family, reach them.
 */
export function familyToConfirm(
  ctx: CoreContext,
  name: string,
  model: string,
  audit: AuditRecorder,
): Family | undefined {
  const families = ctx.db
    .prepare(
      `SELECT f.id, f.name, f.vendor_id, v.name AS vendor FROM product_family f JOIN vendor v ON v.id = f.vendor_id
       WHERE f.name = ? COLLATE NOCASE`,
    )
    .all(name) as Family[];
  if (families.length > 1)
    throw new AppError('CONFLICT', `More than one vendor has a product family "${name}".`);
  const [known] = families;
  if (known) {
    const linked = linkProducts(ctx, known, productsNamed(ctx, known.name, known.vendor_id));
    if (linked.length > 0)
      audit({ ...familyEntity(known), action: 'update', before: null, after: { advisoryProducts: linked } });
    return known;
  }
  const products = productsNamed(ctx, name);
  if (products.length === 0) return undefined;
  const vendorIds = [...new Set(products.map((p) => p.vendor_id))];
  // Products of several vendors named alike: the vendor of the model's devices tells which.
  const candidates =
    vendorIds.length === 1
      ? vendorIds
      : (ctx.db
          .prepare(
            `SELECT DISTINCT vendor_id FROM device WHERE model = ? COLLATE NOCASE
             AND vendor_id IN (SELECT value FROM json_each(?))`,
          )
          .pluck()
          .all(model, JSON.stringify(vendorIds)) as number[]);
  const [vendorId] = candidates;
  if (vendorId === undefined || candidates.length > 1) {
    const vendors = [...new Set(products.map((p) => p.vendor))].join('", "');
    throw new AppError(
      'CONFLICT',
      `Products of "${vendors}" are named "${name}", and the devices of ${model} do not tell which vendor's.`,
    );
  }
  const own = products.filter((p) => p.vendor_id === vendorId);
  const first = own[0] as UnlinkedProduct;
  const familyName = familyNameOfProduct(first.product_name, first.version_range, first.vendor);
  const id = Number(
    ctx.db.prepare('INSERT INTO product_family (vendor_id, name) VALUES (?, ?)').run(vendorId, familyName)
      .lastInsertRowid,
  );
  const family = { id, name: familyName, vendor_id: vendorId, vendor: first.vendor };
  audit({
    ...familyEntity(family),
    action: 'create',
    before: null,
    after: { vendor: family.vendor, name: family.name, advisoryProducts: linkProducts(ctx, family, own) },
  });
  return family;
}

const familyEntity = (family: Family) => ({
  entity: 'product_family',
  entityId: `${family.vendor} ${family.name}`,
});

/** Links the products to the family; says which, as "ICSMA-18-037-02 "Discovery NM750b < 2.003"". */
function linkProducts(ctx: CoreContext, family: Family, products: UnlinkedProduct[]): string[] {
  const link = ctx.db.prepare('UPDATE advisory_product SET family_id = ? WHERE id = ?');
  for (const p of products) link.run(family.id, p.id);
  return products.map((p) => `${p.tracking_id} "${p.product_name}"`);
}

import type { CatalogChange, VendorAliasInput } from '../../api/schemas/product-catalog';
import { refreshMatches } from '../advisories/matching/refresh-matches';
import { devicesText } from '../advisories/model-table';
import type { AuditRecorder } from '../audit/audit-log';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { VendorDirectory, vendorKey } from './vendors';

interface AliasRow {
  id: number;
  vendor_id: number;
  vendor: string;
  alias: string;
  source: 'bundled' | 'user';
}

const aliasesWithKey = (ctx: CoreContext, alias: string) =>
  (
    ctx.db
      .prepare(
        'SELECT a.id, a.vendor_id, v.name AS vendor, a.alias, a.source FROM vendor_alias a JOIN vendor v ON v.id = a.vendor_id',
      )
      .all() as AliasRow[]
  ).filter((row) => vendorKey(row.alias) === vendorKey(alias));

/** A spelling inventories use for a vendor; devices written that way move to the vendor, and matches follow. */
export function saveVendorAlias(
  ctx: CoreContext,
  input: VendorAliasInput,
  audit: AuditRecorder,
): CatalogChange {
  const vendor = ctx.db.prepare('SELECT id, name FROM vendor WHERE name = ?').get(input.vendor) as
    | { id: number; name: string }
    | undefined;
  if (!vendor) throw new AppError('NOT_FOUND', `There is no vendor "${input.vendor}".`);
  const key = vendorKey(input.alias);
  if (key === vendorKey(vendor.name))
    throw new AppError('INVALID_INPUT', `"${input.alias}" is how ${vendor.name} is named already.`);
  const namesake = (
    ctx.db.prepare('SELECT id, name FROM vendor').all() as { id: number; name: string }[]
  ).find((v) => v.id !== vendor.id && vendorKey(v.name) === key);
  if (namesake && hasCatalogEntries(ctx, namesake.id)) {
    // Only a vendor a device import made up (an unknown manufacturer) is folded into another one.
    throw new AppError(
      'CONFLICT',
      `${namesake.name} is a vendor of its own with aliases or product families; it cannot also be a spelling of ${vendor.name}.`,
    );
  }
  const [existing, ...duplicates] = aliasesWithKey(ctx, input.alias);
  if (existing?.vendor_id === vendor.id && duplicates.length === 0)
    return {
      summary: `"${existing.alias}" is a spelling of ${vendor.name} already; nothing changed.`,
      devices: 0,
    };
  const after = { vendor: vendor.name, alias: input.alias, source: 'user' };
  for (const row of [existing, ...duplicates].filter((row) => row !== undefined)) {
    ctx.db.prepare('DELETE FROM vendor_alias WHERE id = ?').run(row.id);
    audit({
      entity: 'vendor_alias',
      entityId: row.alias,
      action: 'delete',
      before: { vendor: row.vendor, alias: row.alias, source: row.source },
      after: { movedTo: vendor.name },
    });
  }
  ctx.db
    .prepare("INSERT INTO vendor_alias (vendor_id, alias, source) VALUES (?, ?, 'user')")
    .run(vendor.id, input.alias);
  const moved = followVendors(ctx, audit);
  audit({
    entity: 'vendor_alias',
    entityId: input.alias,
    action: 'create',
    before: null,
    after: { ...after, moved },
  });
  refreshMatches(ctx, audit);
  return {
    summary: `"${input.alias}" is now a spelling of ${vendor.name}, which moved ${devicesText(moved)} to it.`,
    devices: moved,
  };
}

/** Removes a spelling, a bundled one too; devices written that way become a vendor of their own, as on import. */
export function deleteVendorAlias(ctx: CoreContext, alias: string, audit: AuditRecorder): CatalogChange {
  const rows = aliasesWithKey(ctx, alias);
  const row = rows.find((r) => r.alias.toLowerCase() === alias.toLowerCase()) ?? rows[0];
  if (!row) throw new AppError('NOT_FOUND', `"${alias}" is not a vendor alias.`);
  ctx.db.prepare('DELETE FROM vendor_alias WHERE id = ?').run(row.id);
  const moved = followVendors(ctx, audit);
  audit({
    entity: 'vendor_alias',
    entityId: row.alias,
    action: 'delete',
    before: { vendor: row.vendor, alias: row.alias, source: row.source },
    after: { moved },
  });
  refreshMatches(ctx, audit);
  return {
    summary: `"${row.alias}" is no longer a spelling of ${row.vendor}, which moved ${devicesText(moved)} away from it.`,
    devices: moved,
  };
}

function hasCatalogEntries(ctx: CoreContext, vendorId: number): boolean {
  return Boolean(
    ctx.db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM vendor_alias WHERE vendor_id = @id)
           OR EXISTS (SELECT 1 FROM product_family WHERE vendor_id = @id)`,
      )
      .pluck()
      .get({ id: vendorId }),
  );
}

/**
 * Resolves every device's manufacturer again, as an import would now, and removes a made-up vendor nothing
 * refers to any more. The canonical vendor is derived data (like matches): the device's own fields are unchanged.
 */
function followVendors(ctx: CoreContext, audit: AuditRecorder): number {
  const vendors = new VendorDirectory(ctx);
  const spellings = ctx.db
    .prepare(
      'SELECT manufacturer, vendor_id, count(*) AS n FROM device WHERE manufacturer IS NOT NULL GROUP BY manufacturer, vendor_id',
    )
    .all() as { manufacturer: string; vendor_id: number | null; n: number }[];
  const update = ctx.db.prepare('UPDATE device SET vendor_id = ? WHERE manufacturer = ? AND vendor_id IS ?');
  let moved = 0;
  for (const s of spellings) {
    if (s.manufacturer.trim() === '') continue;
    const vendor = vendors.resolveOrCreate(s.manufacturer, audit);
    if (vendor.id === s.vendor_id) continue;
    update.run(vendor.id, s.manufacturer, s.vendor_id);
    moved += s.n;
  }
  const unused = ctx.db
    .prepare(
      `SELECT id, name FROM vendor v WHERE NOT EXISTS (SELECT 1 FROM device WHERE vendor_id = v.id)
         AND NOT EXISTS (SELECT 1 FROM vendor_alias WHERE vendor_id = v.id)
         AND NOT EXISTS (SELECT 1 FROM product_family WHERE vendor_id = v.id)
         AND NOT EXISTS (SELECT 1 FROM match_rule WHERE vendor_id = v.id)
         AND NOT EXISTS (SELECT 1 FROM advisory_product WHERE vendor_id = v.id)`,
    )
    .all() as { id: number; name: string }[];
  const fresh = new VendorDirectory(ctx);
  for (const v of unused) {
    if (fresh.resolve(v.name)?.id === v.id) continue; // still the vendor its own name resolves to
    ctx.db.prepare('DELETE FROM vendor WHERE id = ?').run(v.id);
    audit({ entity: 'vendor', entityId: v.name, action: 'delete', before: { name: v.name }, after: null });
  }
  return moved;
}

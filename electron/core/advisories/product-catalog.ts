import type { ProductCatalog } from '../../api/schemas/product-catalog';
import type { CoreContext } from '../context';
import { vendorKey } from '../devices/vendors';
import { FamilyResolver } from './matching/family-resolver';

const add = (counts: Map<string, number>, key: string, n: number) =>
  counts.set(key, (counts.get(key) ?? 0) + n);

/**
 * Settings > Products: the vendors with their aliases, the families with their models and the rules people
 * decided, each with how many devices follow it now (worked out the way matching works it out).
 */
export function getProductCatalog(ctx: CoreContext): ProductCatalog {
  const spellings = ctx.db
    .prepare(
      'SELECT manufacturer, vendor_id, count(*) AS n FROM device WHERE vendor_id IS NOT NULL GROUP BY manufacturer, vendor_id',
    )
    .all() as { manufacturer: string | null; vendor_id: number; n: number }[];
  const byVendor = new Map<string, number>();
  const bySpelling = new Map<string, number>();
  for (const s of spellings) {
    add(byVendor, String(s.vendor_id), s.n);
    if (s.manufacturer) add(bySpelling, `${s.vendor_id}|${vendorKey(s.manufacturer)}`, s.n);
  }

  const models = ctx.db
    .prepare(
      'SELECT vendor_id, model, count(*) AS n FROM device WHERE vendor_id IS NOT NULL AND model IS NOT NULL GROUP BY vendor_id, model',
    )
    .all() as { vendor_id: number; model: string; n: number }[];
  const resolver = new FamilyResolver(ctx);
  const byFamily = new Map<string, number>();
  const byTableEntry = new Map<string, number>();
  const byRule = new Map<string, number>();
  for (const m of models) {
    add(byRule, `${m.vendor_id}|${m.model.toLowerCase()}`, m.n);
    const decision = resolver.resolve(m.vendor_id, m.model);
    if (decision.kind !== 'family' || decision.basis === 'suggestion') continue;
    add(byFamily, String(decision.familyId), m.n);
    const entry = decision.basis === 'alias' ? resolver.tableEntry(m.vendor_id, m.model) : undefined;
    if (entry) add(byTableEntry, `${entry.familyId}|${entry.model}`, m.n);
  }

  const aliases = ctx.db
    .prepare('SELECT vendor_id, alias, source FROM vendor_alias ORDER BY alias COLLATE NOCASE')
    .all() as { vendor_id: number; alias: string; source: 'bundled' | 'user' }[];
  const tableModels = ctx.db
    .prepare('SELECT family_id, model, source FROM model_alias ORDER BY model COLLATE NOCASE')
    .all() as { family_id: number; model: string; source: 'bundled' | 'user' }[];
  const vendors = ctx.db.prepare('SELECT id, name FROM vendor ORDER BY name COLLATE NOCASE').all() as {
    id: number;
    name: string;
  }[];
  const families = ctx.db
    .prepare(
      `SELECT f.id, v.name AS vendor, f.name FROM product_family f JOIN vendor v ON v.id = f.vendor_id
       ORDER BY v.name COLLATE NOCASE, f.name COLLATE NOCASE`,
    )
    .all() as { id: number; vendor: string; name: string }[];
  const rules = ctx.db
    .prepare(
      `SELECT r.vendor_id, v.name AS vendor, r.model, r.decision, f.name AS family, r.reason,
         r.decided_by AS decidedBy, r.decided_at AS decidedAt
       FROM match_rule r LEFT JOIN vendor v ON v.id = r.vendor_id LEFT JOIN product_family f ON f.id = r.family_id
       ORDER BY r.decided_at DESC, r.model`,
    )
    .all() as (Omit<ProductCatalog['rules'][number], 'devices'> & { vendor_id: number | null })[];

  return {
    vendors: vendors.map((v) => ({
      name: v.name,
      devices: byVendor.get(String(v.id)) ?? 0,
      aliases: aliases
        .filter((a) => a.vendor_id === v.id)
        .map((a) => ({
          alias: a.alias,
          source: a.source,
          devices: bySpelling.get(`${v.id}|${vendorKey(a.alias)}`) ?? 0,
        })),
    })),
    families: families.map((f) => ({
      vendor: f.vendor,
      name: f.name,
      devices: byFamily.get(String(f.id)) ?? 0,
      models: tableModels
        .filter((m) => m.family_id === f.id)
        .map((m) => ({
          model: m.model,
          source: m.source,
          devices: byTableEntry.get(`${f.id}|${m.model.toLowerCase()}`) ?? 0,
        })),
    })),
    rules: rules.map(({ vendor_id, ...rule }) => ({
      ...rule,
      devices: byRule.get(`${vendor_id ?? ''}|${rule.model.toLowerCase()}`) ?? 0,
    })),
  };
}

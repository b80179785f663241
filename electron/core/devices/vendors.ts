import catalog from '../../../resources/catalog/vendors.json';
import { removedByPerson } from '../advisories/catalog-removals';
import type { AuditRecorder } from '../audit/audit-log';
import type { CoreContext } from '../context';

const STATE_KEY = 'catalog.vendors.version';

/** Case, punctuation and spacing do not tell vendors apart: "Siemens Medical Solutions USA, Inc." = "siemens medical solutions usa inc". */
export const vendorKey = (name: string) =>
  withoutNul(name)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.,;:()'"´`]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Vendor names are compared by SQLite's NOCASE, which stops at a NUL: "\0€" and "\0ä" would be one name to the
 * unique index but two to vendorKey, and the second insert would fail (found by fuzzing). NUL never belongs in a name.
 */
const withoutNul = (name: string) => name.replaceAll('\u0000', '');

/** Loads the bundled vendors and aliases once per catalog version; a person's own edits are kept. */
export function ensureBundledVendors(ctx: CoreContext, audit: AuditRecorder): void {
  const loaded = ctx.db.prepare('SELECT value FROM app_state WHERE key = ?').pluck().get(STATE_KEY);
  if (loaded === String(catalog.version)) return;
  ctx.db.transaction(() => {
    const insertVendor = ctx.db.prepare('INSERT INTO vendor (name) VALUES (?) ON CONFLICT (name) DO NOTHING');
    const vendorId = ctx.db.prepare('SELECT id FROM vendor WHERE name = ?').pluck();
    const insertAlias = ctx.db.prepare(
      "INSERT INTO vendor_alias (vendor_id, alias, source) VALUES (?, ?, 'bundled') ON CONFLICT (alias) DO NOTHING",
    );
    const removed = removedByPerson(ctx, 'vendor_alias');
    for (const vendor of catalog.vendors) {
      insertVendor.run(vendor.name);
      const id = vendorId.get(vendor.name) as number;
      for (const alias of vendor.aliases) if (!removed(alias)) insertAlias.run(id, alias);
    }
    ctx.db
      .prepare(
        'INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(STATE_KEY, String(catalog.version));
    audit({
      entity: 'vendor_alias',
      entityId: null,
      action: 'initialize',
      after: { catalogVersion: catalog.version, vendors: catalog.vendors.length },
    });
  })();
}

export interface Vendor {
  readonly id: number;
  readonly name: string;
}

/** Resolves manufacturer spellings to canonical vendors; an unknown manufacturer becomes a vendor of its own. */
export class VendorDirectory {
  private readonly byKey = new Map<string, Vendor>();

  constructor(private readonly ctx: CoreContext) {
    const rows = ctx.db
      .prepare(
        `SELECT v.id, v.name, v.name AS spelling FROM vendor v
         UNION ALL SELECT v.id, v.name, a.alias FROM vendor_alias a JOIN vendor v ON v.id = a.vendor_id`,
      )
      .all() as { id: number; name: string; spelling: string }[];
    for (const row of rows) this.byKey.set(vendorKey(row.spelling), { id: row.id, name: row.name });
  }

  private readonly bySpelling = new Map<string, Vendor | undefined>();

  resolve(manufacturer: string): Vendor | undefined {
    if (this.bySpelling.has(manufacturer)) return this.bySpelling.get(manufacturer);
    const vendor = this.byKey.get(vendorKey(manufacturer));
    this.bySpelling.set(manufacturer, vendor);
    return vendor;
  }

  /** Within the caller's transaction; a vendor made here is audited like any other change. */
  resolveOrCreate(manufacturer: string, audit: AuditRecorder, batchId?: number): Vendor {
    const known = this.resolve(manufacturer);
    if (known) return known;
    const name = withoutNul(manufacturer);
    const id = Number(this.ctx.db.prepare('INSERT INTO vendor (name) VALUES (?)').run(name).lastInsertRowid);
    audit({ entity: 'vendor', entityId: name, action: 'create', after: { name }, batchId });
    const vendor = { id, name };
    this.byKey.set(vendorKey(manufacturer), vendor);
    this.bySpelling.set(manufacturer, vendor);
    return vendor;
  }
}

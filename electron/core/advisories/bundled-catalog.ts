import modelFamilies from '../../../resources/catalog/model-families.json';
import siemens2017 from '../../../resources/catalog/siemens-molecular-imaging-2017.json';
import type { AuditRecorder } from '../audit/audit-log';
import { type CoreContext, isoNow } from '../context';
import { VendorDirectory } from '../devices/vendors';
import { storeAdvisory } from './advisory-store';
import { removedByPerson } from './catalog-removals';
import type { CsafDocument } from './csaf/read';
import { productsOf } from './csaf/read';
import { reviewItemsOf } from './csaf/review';
import { refreshMatches } from './matching/refresh-matches';
import { entityOf } from './model-table';

const loadedVersion = (ctx: CoreContext, key: string) =>
  ctx.db.prepare('SELECT value FROM app_state WHERE key = ?').pluck().get(key) as string | undefined;
const markLoaded = (ctx: CoreContext, key: string, version: number) =>
  ctx.db
    .prepare(
      'INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
    .run(key, String(version));

/** First run (and each new catalog version): the model-to-family table and the 2017 Siemens advisories. */
export function ensureBundledCatalog(ctx: CoreContext, audit: AuditRecorder): void {
  ctx.db.transaction(() => {
    if (loadedVersion(ctx, 'catalog.model-families.version') !== String(modelFamilies.version)) {
      loadModelFamilies(ctx, audit);
      markLoaded(ctx, 'catalog.model-families.version', modelFamilies.version);
      audit({
        entity: 'model_alias',
        entityId: null,
        action: 'initialize',
        after: { catalogVersion: modelFamilies.version },
      });
    }
    if (loadedVersion(ctx, 'catalog.advisories.version') !== String(siemens2017.version)) {
      for (const advisory of siemens2017.advisories) loadAdvisory(ctx, advisory, audit);
      markLoaded(ctx, 'catalog.advisories.version', siemens2017.version);
    }
    // Databases from before device.family_id was kept up to date get it once (matching derives it).
    if (loadedVersion(ctx, 'derived.device-family.version') !== '1') {
      refreshMatches(ctx, audit);
      markLoaded(ctx, 'derived.device-family.version', 1);
    }
  })();
}

function loadModelFamilies(ctx: CoreContext, audit: AuditRecorder) {
  const vendors = new VendorDirectory(ctx);
  const insertFamily = ctx.db.prepare(
    'INSERT INTO product_family (vendor_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING',
  );
  const familyId = ctx.db.prepare('SELECT id FROM product_family WHERE vendor_id = ? AND name = ?').pluck();
  const insertModel = ctx.db.prepare(
    "INSERT INTO model_alias (family_id, model, source) VALUES (?, ?, 'bundled') ON CONFLICT DO NOTHING",
  );
  const removed = removedByPerson(ctx, 'model_alias');
  for (const entry of modelFamilies.families) {
    const vendor = vendors.resolveOrCreate(entry.vendor, audit);
    insertFamily.run(vendor.id, entry.family);
    const id = familyId.get(vendor.id, entry.family) as number;
    for (const model of entry.models) {
      if (!removed(entityOf({ vendor: vendor.name, name: entry.family }, model))) insertModel.run(id, model);
    }
  }
}

type BundledAdvisory = (typeof siemens2017.advisories)[number];

/** The advisory as a CSAF document, so it is stored by the same code as an imported file. */
function loadAdvisory(ctx: CoreContext, advisory: BundledAdvisory, audit: AuditRecorder) {
  if (ctx.db.prepare('SELECT 1 FROM advisory WHERE tracking_id = ?').get(advisory.id)) return;
  const ids = siemens2017.families.map((_, index) => `F${index + 1}`);
  const document: CsafDocument = {
    document: {
      title: advisory.title,
      publisher: { name: advisory.publisher },
      tracking: {
        id: advisory.id,
        version: advisory.version,
        initial_release_date: advisory.released,
        current_release_date: advisory.released,
      },
    },
    product_tree: {
      branches: [
        {
          category: 'vendor',
          name: 'Siemens',
          branches: siemens2017.families.map((family, index) => ({
            category: 'product_name',
            name: `Siemens ${family} ${advisory.os}-Based`,
            branches: [
              {
                category: 'product_version_range',
                name: 'vers:all/*',
                product: { product_id: ids[index] ?? '' },
              },
            ],
          })),
        },
      ],
    },
    vulnerabilities: advisory.vulnerabilities.map((vulnerability) => ({
      cve: vulnerability.cve,
      title: vulnerability.title,
      product_status: { known_affected: ids },
      scores: [
        {
          products: ids,
          cvss_v3: {
            version: siemens2017.cvss.version,
            vectorString: siemens2017.cvss.vector,
            baseScore: siemens2017.cvss.score,
          },
        },
      ],
      remediations: [
        { category: 'mitigation', details: siemens2017.mitigation.join('\n'), product_ids: ids },
      ],
    })),
  };
  const products = productsOf(document);
  const advisoryId = storeAdvisory(
    ctx,
    {
      document,
      products,
      findings: [],
      reviewItems: reviewItemsOf(document, products),
      source: 'bundled',
      json: null,
    },
    null,
    audit,
  );
  const services = ctx.db.prepare(
    'UPDATE vulnerability SET services_json = ? WHERE advisory_id = ? AND cve = ?',
  );
  for (const vulnerability of advisory.vulnerabilities) {
    services.run(JSON.stringify(vulnerability.services), advisoryId, vulnerability.cve);
  }
  ctx.db
    .prepare(
      `INSERT INTO patch_availability (advisory_id, family_id, status, source_note, updated_at)
       SELECT ?, family_id, 'announced', ?, ? FROM advisory_product WHERE advisory_id = ? AND family_id IS NOT NULL`,
    )
    .run(advisoryId, 'Siemens stated in August 2017 that it was preparing updates.', isoNow(ctx), advisoryId);
}

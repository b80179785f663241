import { call } from '../../api';
import { useLiveQuery } from '../../live-query';
import { useCatalogEdit } from './products/catalog-edit';
import { ModelDecisions } from './products/ModelDecisions';
import { ModelFamilies } from './products/ModelFamilies';
import { VendorAliases } from './products/VendorAliases';

/**
 * Settings > Products: the data matching reads, as a hospital corrects it. Every change re-matches all devices,
 * so the counts shown here and in Advisories follow at once.
 */
export function ProductsSettings() {
  const { value: catalog, problem: loadProblem } = useLiveQuery(
    () => call('getProductCatalog', {}),
    ['advisories', 'devices'],
    'product-catalog',
  );
  const { run, message, problem } = useCatalogEdit();
  return (
    <section className="panel products" aria-labelledby="products-heading">
      <h2 id="products-heading">Products</h2>
      <p className="view-intro">
        How Isopatch recognises affected devices: which models belong to each product family the advisories
        name, how inventories spell each vendor, and the decisions people made about single models. Entries
        marked "bundled" came with Isopatch; they can be removed too where they are wrong for this hospital.
      </p>
      {/* Only while there is news: the Settings page has other status lines a reader asks for by role. */}
      {message && (
        <p role="status" className="form-status">
          {message}
        </p>
      )}
      {(problem || loadProblem) && (
        <p role="alert" className="problem">
          {problem || loadProblem}
        </p>
      )}
      {catalog ? (
        <>
          <ModelFamilies families={catalog.families} run={run} />
          <VendorAliases vendors={catalog.vendors} run={run} />
          <ModelDecisions rules={catalog.rules} run={run} />
        </>
      ) : (
        !loadProblem && <p>Loading the product catalog…</p>
      )}
    </section>
  );
}

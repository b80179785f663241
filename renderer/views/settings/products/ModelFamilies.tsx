import type { ProductCatalog } from '../../../../electron/api/schemas/product-catalog';
import { AddEntryForm } from './AddEntryForm';
import type { RunEdit } from './catalog-edit';
import { devicesText, SourceBadge } from './SourceBadge';

/** The model-to-family table: which inventory model names belong to each product family of the advisories. */
export function ModelFamilies({ families, run }: { families: ProductCatalog['families']; run: RunEdit }) {
  return (
    <div className="catalog-part">
      <h3 id="families-heading">Models by product family</h3>
      <p className="field-help">
        A device's model belongs to a family when it equals an entry or starts with it ("Biograph mCT Flow" is
        a "Biograph mCT"), ignoring case. Models that only resemble an entry are suggested for a person to
        confirm.
      </p>
      <div className="table-scroll">
        <table className="table" aria-labelledby="families-heading">
          <thead>
            <tr>
              <th scope="col">Family</th>
              <th scope="col">Models</th>
              <th scope="col">Devices in it</th>
              <th scope="col">Add a model</th>
            </tr>
          </thead>
          <tbody>
            {families.map((family) => (
              <tr key={`${family.vendor}|${family.name}`}>
                <th scope="row">
                  {family.name}
                  <span className="field-help catalog-vendor">{family.vendor}</span>
                </th>
                <td>
                  <ul className="catalog-entries" aria-label={`Models of ${family.name}`}>
                    {family.models.map((m) => (
                      <li key={m.model} className="catalog-entry">
                        <span>{m.model}</span> <SourceBadge source={m.source} />{' '}
                        <span className="field-help">{devicesText(m.devices)}</span>
                        <button
                          type="button"
                          className="link-button"
                          aria-label={`Remove ${m.model} from ${family.name}`}
                          onClick={() =>
                            void run('deleteModelAlias', {
                              family: family.name,
                              vendor: family.vendor,
                              model: m.model,
                            })
                          }
                        >
                          Remove
                        </button>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>{family.devices}</td>
                <td>
                  <AddEntryForm
                    formLabel={`Add a model to ${family.name}`}
                    fieldLabel="Model name"
                    placeholder="Intevo Bold"
                    button="Add"
                    onAdd={(model) =>
                      run('saveModelAlias', { family: family.name, vendor: family.vendor, model })
                    }
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

import { useId, useState } from 'react';
import type { ProductCatalog } from '../../../../electron/api/schemas/product-catalog';
import { AddEntryForm } from './AddEntryForm';
import type { RunEdit } from './catalog-edit';
import { devicesText, SourceBadge } from './SourceBadge';

/** Vendor spellings: how inventories write each canonical vendor. */
export function VendorAliases({ vendors, run }: { vendors: ProductCatalog['vendors']; run: RunEdit }) {
  const shown = vendors.filter((v) => v.aliases.length > 0 || v.devices > 0);
  const [vendor, setVendor] = useState('');
  // The vendor most devices have is the likeliest one a new spelling belongs to.
  const busiest = [...shown].sort((a, b) => b.devices - a.devices)[0];
  const chosen = vendor || busiest?.name || '';
  const vendorId = useId();
  return (
    <div className="catalog-part">
      <h3 id="vendors-heading">Vendor spellings</h3>
      <p className="field-help">
        Compared ignoring case, punctuation and extra spaces. A manufacturer Isopatch did not know became a
        vendor of its own on import: add it as a spelling of the right vendor and its devices move there.
      </p>
      <AddEntryForm
        formLabel="Add a vendor spelling"
        fieldLabel="Spelling in inventories"
        placeholder="Siemens AG"
        button="Add spelling"
        onAdd={(alias) => run('saveVendorAlias', { vendor: chosen, alias })}
      >
        <div className="field field-inline">
          <label htmlFor={vendorId}>Vendor</label>
          <select id={vendorId} value={chosen} onChange={(event) => setVendor(event.target.value)}>
            {shown.map((v) => (
              <option key={v.name} value={v.name}>
                {v.name}
              </option>
            ))}
          </select>
        </div>
      </AddEntryForm>
      <div className="table-scroll">
        <table className="table" aria-labelledby="vendors-heading">
          <thead>
            <tr>
              <th scope="col">Vendor</th>
              <th scope="col">Spellings</th>
              <th scope="col">Devices</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((v) => (
              <tr key={v.name}>
                <th scope="row">{v.name}</th>
                <td>
                  {v.aliases.length === 0 ? (
                    <span className="field-help">none</span>
                  ) : (
                    <ul className="catalog-entries" aria-label={`Spellings of ${v.name}`}>
                      {v.aliases.map((a) => (
                        <li key={a.alias} className="catalog-entry">
                          <span>{a.alias}</span> <SourceBadge source={a.source} />{' '}
                          <span className="field-help">{devicesText(a.devices)}</span>
                          <button
                            type="button"
                            className="link-button"
                            aria-label={`Remove the spelling ${a.alias}`}
                            onClick={() => void run('deleteVendorAlias', { alias: a.alias })}
                          >
                            Remove
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>{v.devices}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

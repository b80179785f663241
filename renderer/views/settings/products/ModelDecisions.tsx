import type { ProductCatalog } from '../../../../electron/api/schemas/product-catalog';
import { dateTime } from '../../../site-time';
import type { RunEdit } from './catalog-edit';

/** Decisions people made about single models (Advisories > Matches to confirm), with who and when; undoable. */
export function ModelDecisions({ rules, run }: { rules: ProductCatalog['rules']; run: RunEdit }) {
  return (
    <div className="catalog-part">
      <h3 id="decisions-heading">Decisions about models</h3>
      {rules.length === 0 ? (
        <p className="field-help">
          No decisions yet. Confirming a suggested match, or deciding a model is not affected, records one
          here.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="table" aria-labelledby="decisions-heading">
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Vendor</th>
                <th scope="col">Decision</th>
                <th scope="col">Reason</th>
                <th scope="col">Decided by</th>
                <th scope="col">Devices</th>
                <th scope="col">Undo</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={`${r.vendor}|${r.model}`}>
                  <th scope="row">{r.model}</th>
                  <td>{r.vendor ?? 'any vendor'}</td>
                  <td>{r.decision === 'not-affected' ? 'Not affected' : `In ${r.family}`}</td>
                  <td>{r.reason ?? '—'}</td>
                  <td>
                    {r.decidedBy}, {dateTime(r.decidedAt)}
                  </td>
                  <td>{r.devices}</td>
                  <td>
                    {r.vendor && (
                      <button
                        type="button"
                        className="button-quiet"
                        aria-label={`Undo the decision about ${r.model}`}
                        onClick={() =>
                          void run('deleteMatchRule', { vendor: r.vendor ?? '', model: r.model })
                        }
                      >
                        Undo
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

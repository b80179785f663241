import type { ImportPreview } from '../../../electron/api/schemas/device-import';
import { ScrollRegion } from '../../components/ScrollRegion';

const ACTIONS = { add: 'New', update: 'Update', unchanged: 'Unchanged', reject: 'Rejected' } as const;

/** The first rows as they would be imported, problems marked in the cell and spelled out at the end. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  // What an update changes, beside it: a re-import's rows say more by their changes than by their cells.
  const anyChanges = preview.rows.some((row) => row.changes.length > 0);
  return (
    <section className="panel" aria-labelledby="rows-heading">
      <h2 id="rows-heading">
        First {preview.rows.length} of {preview.totalRows} rows
      </h2>
      <ScrollRegion className="table-scroll preview-scroll" label="Rows of the file">
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Action</th>
              {anyChanges && <th scope="col">Changes</th>}
              {preview.headers.map((header) => (
                <th scope="col" key={header}>
                  {header}
                </th>
              ))}
              <th scope="col">Problems</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.row} className={row.action === 'reject' ? 'row-rejected' : undefined}>
                <td>{row.row}</td>
                <td>
                  <span className={`badge badge-${row.action}`}>{ACTIONS[row.action]}</span>
                </td>
                {anyChanges && (
                  <td className="cell-changes">
                    {row.changes.map((change) => (
                      <div key={change}>{change}</div>
                    ))}
                  </td>
                )}
                {preview.headers.map((header, index) => (
                  <td
                    key={header}
                    className={row.problemColumns.includes(index) ? 'cell-problem' : undefined}
                  >
                    {row.problemColumns.includes(index) && <span aria-hidden="true">⚠ </span>}
                    {row.cells[index] ?? ''}
                  </td>
                ))}
                <td className="cell-problems">{row.problems.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

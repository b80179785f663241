import { useId } from 'react';
import { capitalized, DEVICE_FIELD_LABELS, type DeviceFieldName } from '../../../electron/api/device-fields';
import type { ImportPreview } from '../../../electron/api/schemas/device-import';
import { useDeviceImportStore } from '../../stores/device-import';

const FIELDS = Object.entries(DEVICE_FIELD_LABELS) as [DeviceFieldName, string][];

/** Each column of the file and the field it fills; unmapped columns are kept as extra attributes. */
export function MappingTable({ preview }: { preview: ImportPreview }) {
  const setMapping = useDeviceImportStore((state) => state.setMapping);
  const sample = preview.rows[0]?.cells ?? [];
  const problemId = useId();
  // The columns the problem is about: those whose field another column also fills.
  const columnsOf = new Map<string, number>();
  for (const field of Object.values(preview.mapping))
    if (field) columnsOf.set(field, (columnsOf.get(field) ?? 0) + 1);
  const clashes = (header: string) => (columnsOf.get(preview.mapping[header] ?? '') ?? 0) > 1;
  return (
    <section className="panel" aria-labelledby="mapping-heading">
      <h2 id="mapping-heading">Columns</h2>
      {preview.mappingProblem && (
        <p role="alert" className="problem" id={problemId}>
          {preview.mappingProblem}
        </p>
      )}
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Becomes</th>
              <th scope="col">First value</th>
            </tr>
          </thead>
          <tbody>
            {preview.headers.map((header, index) => (
              <tr key={header}>
                <th scope="row">{header}</th>
                <td>
                  {clashes(header) && <span aria-hidden="true">⚠ </span>}
                  <select
                    aria-label={`Field for column ${header}`}
                    aria-invalid={clashes(header) ? true : undefined}
                    aria-describedby={clashes(header) && preview.mappingProblem ? problemId : undefined}
                    value={preview.mapping[header] ?? ''}
                    onChange={(event) =>
                      void setMapping(header, (event.target.value || null) as DeviceFieldName | null)
                    }
                  >
                    <option value="">Keep as extra attribute</option>
                    {FIELDS.map(([field, label]) => (
                      <option key={field} value={field}>
                        {capitalized(label)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="cell-sample">{sample[index] ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

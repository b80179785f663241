import { capitalized, DEVICE_FIELD_LABELS, type DeviceFieldName } from '../../../electron/api/device-fields';
import type { ImportPreview } from '../../../electron/api/schemas/device-import';
import { useDeviceImportStore } from '../../stores/device-import';

const FIELDS = Object.entries(DEVICE_FIELD_LABELS) as [DeviceFieldName, string][];

/** Each column of the file and the field it fills; unmapped columns are kept as extra attributes. */
export function MappingTable({ preview }: { preview: ImportPreview }) {
  const setMapping = useDeviceImportStore((state) => state.setMapping);
  const sample = preview.rows[0]?.cells ?? [];
  return (
    <section className="panel" aria-labelledby="mapping-heading">
      <h2 id="mapping-heading">Columns</h2>
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
                  <select
                    aria-label={`Field for column ${header}`}
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

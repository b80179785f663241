import { useState } from 'react';
import type { z } from 'zod';
import type { importBatch } from '../../../electron/api/schemas/device-import';
import { call } from '../../api';
import { counted } from '../../labels';
import { useLiveQuery } from '../../live-query';
import { saveFile } from '../../save-file';
import { dateTime } from '../../site-time';
import { UndoImportButton } from './UndoImportButton';

type Batch = z.infer<typeof importBatch>;

/** Earlier imports, each with a way to undo it while its devices have not changed since. */
export function ImportHistory() {
  const { value: batches } = useLiveQuery(() => call('listImportBatches', {}), ['devices'], 'batches');
  const [message, setMessage] = useState('');

  async function undo(batch: Batch) {
    const result = await call('undoImport', { batchId: batch.id });
    setMessage(
      result.ok
        ? `Batch ${batch.id} undone: ${counted(result.value.removed, 'device')} removed, ${result.value.restored.toLocaleString()} restored.`
        : result.error.message,
    );
  }

  async function saveRejectedRows(batch: Batch) {
    const result = await call('getRejectedRows', { batchId: batch.id });
    if (result.ok) saveFile(result.value.fileName, result.value.csv, 'text/csv;charset=utf-8');
    else setMessage(result.error.message);
  }

  if (!batches || batches.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">Earlier imports</h2>
      <p role="status">{message}</p>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Batch</th>
              <th scope="col">File</th>
              <th scope="col">When</th>
              <th scope="col">By</th>
              <th scope="col">Added</th>
              <th scope="col">Updated</th>
              <th scope="col">Unchanged</th>
              <th scope="col">Rejected</th>
              <th scope="col">SHA-256 of the file</th>
              <th scope="col">Undo</th>
            </tr>
          </thead>
          <tbody>
            {batches.map((batch) => (
              <tr key={batch.id}>
                <td>{batch.id}</td>
                <td>{batch.fileName}</td>
                <td>{dateTime(batch.importedAt)}</td>
                <td>{batch.osUser}</td>
                <td>{batch.added.toLocaleString()}</td>
                <td>{batch.updated.toLocaleString()}</td>
                <td>{batch.unchanged.toLocaleString()}</td>
                <td className="batch-rejected">
                  {batch.rejected.toLocaleString()}
                  {batch.rejectedRowsKept && (
                    <button
                      type="button"
                      className="button-quiet batch-rejected-save"
                      aria-label={`Save as CSV: the ${counted(batch.rejected, 'rejected row')} of batch ${batch.id}`}
                      onClick={() => void saveRejectedRows(batch)}
                    >
                      Save as CSV
                    </button>
                  )}
                </td>
                <td>
                  {/* The start is enough to tell files apart; the whole of it is in the audit trail. */}
                  <code title={batch.sha256}>{batch.sha256.slice(0, 12)}…</code>
                </td>
                <td className="batch-undo">
                  {batch.status === 'undone' ? (
                    'Undone'
                  ) : (
                    <UndoImportButton
                      batchId={batch.id}
                      added={batch.added}
                      updated={batch.updated}
                      undo={() => undo(batch)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

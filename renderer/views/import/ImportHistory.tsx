import { useId, useRef, useState } from 'react';
import type { z } from 'zod';
import type { importBatch } from '../../../electron/api/schemas/device-import';
import { call } from '../../api';
import { counted } from '../../labels';
import { useLiveQuery } from '../../live-query';
import { saveFile } from '../../save-file';
import { dateTime } from '../../site-time';
import { UndoQuestion } from './UndoQuestion';

type Batch = z.infer<typeof importBatch>;
const COLUMNS = 10;
/** Enough of the hash to tell files apart at a glance; the whole of it is in the cell as text too. */
const SHORT_HASH = 8;

/** Earlier imports, each with a way to undo it while its devices have not changed since. */
export function ImportHistory() {
  const { value: batches } = useLiveQuery(() => call('listImportBatches', {}), ['devices'], 'batches');
  const [message, setMessage] = useState('');
  const [asking, setAsking] = useState<number | null>(null);
  const undoButtons = useRef(new Map<number, HTMLButtonElement>());
  const said = useRef<HTMLParagraphElement>(null);
  const questionIds = useId();

  async function undo(batch: Batch) {
    const result = await call('undoImport', { batchId: batch.id });
    setMessage(
      result.ok
        ? `Batch ${batch.id} undone: ${counted(result.value.removed, 'device')} removed, ${result.value.restored.toLocaleString()} restored.`
        : result.error.message,
    );
    setAsking(null);
    // Its button is gone (the batch now reads "Undone"): the focus goes to what happened.
    said.current?.focus();
  }

  function keep(batch: Batch) {
    setAsking(null);
    undoButtons.current.get(batch.id)?.focus();
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
      <p role="status" ref={said} tabIndex={-1}>
        {message}
      </p>
      <div className="table-scroll">
        <table className="table import-history">
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
              <th scope="col" className="batch-hash">
                SHA-256<span className="visually-hidden"> of the file</span>
              </th>
              <th scope="col">Undo</th>
            </tr>
          </thead>
          <tbody>
            {batches.flatMap((batch) => [
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
                <td className="batch-hash">
                  {/* Shown short; the whole hash is the cell's text for screen readers and copying, and its tooltip. */}
                  <code title={batch.sha256}>
                    <span aria-hidden="true">{batch.sha256.slice(0, SHORT_HASH)}…</span>
                    <span className="visually-hidden">{batch.sha256}</span>
                  </code>
                </td>
                <td className="batch-undo">
                  {batch.status === 'undone' ? (
                    'Undone'
                  ) : (
                    <button
                      ref={(button) => {
                        if (button) undoButtons.current.set(batch.id, button);
                        else undoButtons.current.delete(batch.id);
                      }}
                      type="button"
                      className="button-quiet"
                      aria-expanded={asking === batch.id}
                      aria-controls={asking === batch.id ? `${questionIds}-${batch.id}` : undefined}
                      onClick={() => setAsking(asking === batch.id ? null : batch.id)}
                    >
                      Undo batch {batch.id}…
                    </button>
                  )}
                </td>
              </tr>,
              asking === batch.id && batch.status !== 'undone' && (
                <tr key={`${batch.id}-question`} id={`${questionIds}-${batch.id}`} className="batch-question">
                  <td colSpan={COLUMNS}>
                    {/* In a row of its own under the batch: read whole, not squeezed into the last cell. */}
                    <UndoQuestion
                      batchId={batch.id}
                      fileName={batch.fileName}
                      added={batch.added}
                      updated={batch.updated}
                      onUndo={() => undo(batch)}
                      onKeep={() => keep(batch)}
                    />
                  </td>
                </tr>
              ),
            ])}
          </tbody>
        </table>
      </div>
    </section>
  );
}

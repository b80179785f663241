import { saveFile } from '../../save-file';
import { flaggedOutcome, useDeviceImportStore } from '../../stores/device-import';
import { hrefOf } from '../../stores/navigation';
import { RejectedRowList } from './RejectedRows';
import { UndoImportButton } from './UndoImportButton';

const SHOWN = 50;

export function ImportDone() {
  const result = useDeviceImportStore((state) => state.result);
  const undone = useDeviceImportStore((state) => state.undone);
  const undo = useDeviceImportStore((state) => state.undo);
  const reset = useDeviceImportStore((state) => state.reset);
  if (!result) return null;
  const stem = result.fileName.replace(/\.[^.]+$/, '');
  return (
    <section className="panel" aria-labelledby="done-heading">
      <h2 id="done-heading">
        {undone ? `Import batch ${result.batchId} was undone` : `Imported ${result.fileName}`}
      </h2>
      <p role="status">
        {undone
          ? 'The devices are back as they were before this import.'
          : `${result.added.toLocaleString()} added, ${result.updated.toLocaleString()} updated, ${result.unchanged.toLocaleString()} unchanged, ${result.rejected.length.toLocaleString()} rejected (batch ${result.batchId}).`}
      </p>
      {!undone && result.keptEmpty > 0 && (
        <p>
          {result.keptEmpty.toLocaleString()} empty {result.keptEmpty === 1 ? 'cell' : 'cells'} kept the value
          stored before (an empty cell never erases).
        </p>
      )}
      {result.warnings.length > 0 && (
        <>
          <h3>Flagged values</h3>
          <ul className="issue-list">
            {result.warnings.slice(0, SHOWN).map((w) => {
              const outcome = flaggedOutcome(w, result.mapping);
              return (
                <li key={`${w.row}-${w.field}`}>
                  Row {w.row}, {w.field}: “{w.value}” {w.reason}
                  {outcome && ` — ${outcome}`}
                </li>
              );
            })}
          </ul>
          {result.warnings.length > SHOWN && <p>…and {result.warnings.length - SHOWN} more.</p>}
        </>
      )}
      {result.rejected.length > 0 && (
        <>
          <h3>Rejected rows</h3>
          <RejectedRowList rejected={result.rejected} />
        </>
      )}
      <div className="form-actions">
        <a className="button-primary" href={hrefOf('devices')}>
          Show devices
        </a>
        {result.rejectedCsv && (
          <button
            type="button"
            className="button-quiet"
            onClick={() =>
              saveFile(`${stem}-rejected-rows.csv`, result.rejectedCsv ?? '', 'text/csv;charset=utf-8')
            }
          >
            Save rejected rows as CSV
          </button>
        )}
        {!undone && result.batchId !== null && (
          <UndoImportButton
            batchId={result.batchId}
            added={result.added}
            updated={result.updated}
            undo={undo}
          />
        )}
        <button type="button" className="button-quiet" onClick={reset}>
          Import another file
        </button>
      </div>
    </section>
  );
}

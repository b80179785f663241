import { useId } from 'react';
import type { ImportKey } from '../../../electron/api/schemas/device-import';
import { counted } from '../../labels';
import { useDeviceImportStore } from '../../stores/device-import';
import { DetectedFormat } from './DetectedFormat';
import { MappingTable } from './MappingTable';
import { MappingTemplates } from './MappingTemplates';
import { PreviewTable } from './PreviewTable';
import { RejectedRowList, SaveRejectedRowsButton } from './RejectedRows';
import { UnreadableReading } from './UnreadableReading';

const KEY_WORDS: Record<ImportKey, string> = { assetTag: 'asset tag', serial: 'serial number' };

export function ImportReview() {
  const preview = useDeviceImportStore((state) => state.preview);
  const commit = useDeviceImportStore((state) => state.commit);
  const cancel = useDeviceImportStore((state) => state.cancel);
  const unreadable = useDeviceImportStore((state) => state.unreadable);
  const blockerId = useId();
  const unreadableId = useId();
  if (!preview) return null;
  // The preview is of another reading than the one chosen: none of it is current.
  if (unreadable) {
    return (
      <>
        <DetectedFormat preview={preview} unreadableId={unreadableId} />
        <UnreadableReading preview={preview} problemId={unreadableId} />
      </>
    );
  }
  const mustChooseDates = preview.dateOrderSource === 'ask';
  const mustFixMapping = preview.mappingProblem !== null;
  const importable = preview.added + preview.updated + preview.unchanged;
  const keyMapped = Object.values(preview.mapping).includes(preview.key);
  const firstBlocker = preview.encodingProblem
    ? 'Choose the encoding above, or save the file as UTF-8, first.'
    : mustFixMapping
      ? 'Fix the column mapping above first.'
      : mustChooseDates
        ? 'Choose the date order above first.'
        : !keyMapped
          ? `No column is mapped to the ${KEY_WORDS[preview.key]}, which identifies each device: map one above.`
          : null;
  // Only then is the import as it would run, so its rejected rows can be saved to fix.
  const everyRowRejected = firstBlocker === null && importable === 0;
  const blocker =
    firstBlocker ??
    (everyRowRejected ? 'Every row was rejected: fix them in the saved CSV and import it again.' : null);

  return (
    <>
      <DetectedFormat preview={preview} />
      <section className="panel" aria-labelledby="totals-heading">
        <h2 id="totals-heading">What the import would do</h2>
        <ul className="totals">
          <li>
            <strong>{preview.added.toLocaleString()}</strong> new {preview.added === 1 ? 'device' : 'devices'}
          </li>
          <li>
            <strong>{preview.updated.toLocaleString()}</strong> updated
          </li>
          <li>
            <strong>{preview.unchanged.toLocaleString()}</strong> unchanged
          </li>
          <li className={preview.rejected.length > 0 ? 'totals-problem' : undefined}>
            <strong>{preview.rejected.length.toLocaleString()}</strong> rejected
          </li>
          <li className={preview.warnings.length > 0 ? 'totals-problem' : undefined}>
            <strong>{preview.warnings.length.toLocaleString()}</strong> values flagged
          </li>
        </ul>
        {preview.notInFile > 0 && (
          <p className="field-help">
            {counted(preview.notInFile, 'device')} in the database {preview.notInFile === 1 ? 'is' : 'are'}{' '}
            not in this file. They are kept; an import never deletes.
          </p>
        )}
        {preview.keptEmpty > 0 && (
          <p className="field-help">
            {counted(preview.keptEmpty, 'empty cell')} of devices already known{' '}
            {preview.keptEmpty === 1 ? 'keeps' : 'keep'} the value stored before: an empty cell never erases.
          </p>
        )}
        {preview.notInFileNamed.length > 0 && (
          <details className="not-in-file">
            <summary>Which devices are not in this file</summary>
            <p>
              {preview.notInFileNamed.join(', ')}
              {preview.notInFile > preview.notInFileNamed.length &&
                ` and ${(preview.notInFile - preview.notInFileNamed.length).toLocaleString()} more`}
            </p>
          </details>
        )}
      </section>
      {everyRowRejected && (
        <section className="panel" aria-labelledby="rejected-heading">
          <h2 id="rejected-heading">Rejected rows</h2>
          <RejectedRowList rejected={preview.rejected} />
        </section>
      )}
      <MappingTable preview={preview} />
      <MappingTemplates mapping={preview.mapping} canSave={!mustFixMapping} />
      <PreviewTable preview={preview} />
      <div className="form-actions sticky-actions">
        <button
          type="button"
          className="button-primary"
          disabled={blocker !== null}
          aria-describedby={blocker ? blockerId : undefined}
          onClick={() => void commit()}
        >
          Import {counted(importable, 'device')}
        </button>
        {everyRowRejected && <SaveRejectedRowsButton fileName={preview.fileName} />}
        <button type="button" className="button-quiet" onClick={() => void cancel()}>
          Cancel
        </button>
        {blocker && (
          <span id={blockerId} className="field-error">
            {blocker}
          </span>
        )}
      </div>
    </>
  );
}

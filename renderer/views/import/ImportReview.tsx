import { useDeviceImportStore } from '../../stores/device-import';
import { DetectedFormat } from './DetectedFormat';
import { MappingTable } from './MappingTable';
import { MappingTemplates } from './MappingTemplates';
import { PreviewTable } from './PreviewTable';

export function ImportReview() {
  const preview = useDeviceImportStore((state) => state.preview);
  const commit = useDeviceImportStore((state) => state.commit);
  const cancel = useDeviceImportStore((state) => state.cancel);
  if (!preview) return null;
  const mustChooseDates = preview.dateOrderSource === 'ask';
  const mustFixMapping = preview.mappingProblem !== null;
  const importable = preview.added + preview.updated + preview.unchanged;
  return (
    <>
      <DetectedFormat preview={preview} />
      <section className="panel" aria-labelledby="totals-heading">
        <h2 id="totals-heading">What the import would do</h2>
        <ul className="totals">
          <li>
            <strong>{preview.added}</strong> new devices
          </li>
          <li>
            <strong>{preview.updated}</strong> updated
          </li>
          <li>
            <strong>{preview.unchanged}</strong> unchanged
          </li>
          <li className={preview.rejected.length > 0 ? 'totals-problem' : undefined}>
            <strong>{preview.rejected.length}</strong> rejected
          </li>
          <li className={preview.warnings.length > 0 ? 'totals-problem' : undefined}>
            <strong>{preview.warnings.length}</strong> values flagged
          </li>
        </ul>
        {preview.notInFile > 0 && (
          <p className="field-help">
            {preview.notInFile} devices in the database are not in this file. They are kept; an import never
            deletes.
          </p>
        )}
      </section>
      <MappingTable preview={preview} />
      <MappingTemplates mapping={preview.mapping} canSave={!mustFixMapping} />
      <PreviewTable preview={preview} />
      <div className="form-actions sticky-actions">
        <button
          type="button"
          className="button-primary"
          disabled={mustChooseDates || mustFixMapping || importable === 0}
          onClick={() => void commit()}
        >
          Import {importable} devices
        </button>
        <button type="button" className="button-quiet" onClick={() => void cancel()}>
          Cancel
        </button>
        {mustFixMapping ? (
          <span className="field-error">Fix the column mapping above first.</span>
        ) : (
          mustChooseDates && <span className="field-error">Choose the date order above first.</span>
        )}
      </div>
    </>
  );
}

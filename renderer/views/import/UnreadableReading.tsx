import type { ImportPreview } from '../../../electron/api/schemas/device-import';
import { choicesToDrop, useDeviceImportStore } from '../../stores/device-import';
import { ENCODING_NAMES } from './DetectedFormat';

/**
 * In place of the totals, mapping and rows when the file cannot be read as the person chose: why, for that
 * choice, and the way back to what Isopatch found (choosing anything else above works as well).
 */
export function UnreadableReading({ preview, problemId }: { preview: ImportPreview; problemId: string }) {
  const problem = useDeviceImportStore((state) => state.unreadable);
  const options = useDeviceImportStore((state) => state.options);
  const previewOptions = useDeviceImportStore((state) => state.previewOptions);
  const detected = useDeviceImportStore((state) => state.detected);
  const readAsDetected = useDeviceImportStore((state) => state.readAsDetected);
  const cancel = useDeviceImportStore((state) => state.cancel);
  const chosen = [
    options.encoding && `as ${ENCODING_NAMES[options.encoding]}`,
    options.sheet !== undefined && `from sheet "${options.sheet}"`,
    options.headerRow !== undefined && `with the header in row ${options.headerRow}`,
  ].filter(Boolean);
  const dropped = choicesToDrop(options, previewOptions);
  const kept = (choice: 'encoding' | 'sheet') => options[choice] !== undefined && !dropped.includes(choice);
  // The header row found again is the one first found only when encoding and sheet are the first found too.
  const found = detected
    ? [
        dropped.includes('encoding') && detected.encoding && ENCODING_NAMES[detected.encoding],
        dropped.includes('sheet') && `sheet "${detected.sheet}"`,
        dropped.includes('headerRow') &&
          (kept('encoding') || kept('sheet') ? 'the header row found' : `header row ${detected.headerRow}`),
      ].filter(Boolean)
    : [];
  return (
    // Not a labelled region: its heading names the chosen setting, which would label it as that control too.
    <section className="panel">
      <h2>
        {preview.fileName} cannot be read {chosen.join(', ') || 'this way'}
      </h2>
      <p id={problemId} role="alert" className="problem">
        {problem}
      </p>
      <p>Nothing of the file is shown until it is read. Choose another setting above, or go back.</p>
      <div className="form-actions">
        {found.length > 0 && (
          <button type="button" className="button-primary" onClick={() => void readAsDetected()}>
            Go back to what was detected: {found.join(', ')}
          </button>
        )}
        <button type="button" className="button-quiet" onClick={() => void cancel()}>
          Cancel
        </button>
      </div>
    </section>
  );
}

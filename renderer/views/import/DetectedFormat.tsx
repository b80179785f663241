import { useId } from 'react';
import type { ImportPreview, TextEncoding } from '../../../electron/api/schemas/device-import';
import { useDeviceImportStore } from '../../stores/device-import';

const ENCODINGS = [
  ['utf-8', 'UTF-8'],
  ['utf-16le', 'UTF-16 little-endian ("Unicode text")'],
  ['utf-16be', 'UTF-16 big-endian'],
  ['windows-1252', 'Windows-1252 (Western European)'],
] as const;
/** The encodings' names in a sentence or on a button. */
export const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 little-endian',
  'utf-16be': 'UTF-16 big-endian',
  'windows-1252': 'Windows-1252',
};
const DELIMITERS: Record<string, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'vertical bar',
};

/**
 * What was detected about the file, each with a way to correct it. While the file cannot be read as chosen
 * (`unreadableId` names the sentence saying why), each control shows the choice, not the preview of another
 * reading, and what only a reading finds (delimiter, date order) is left out.
 */
export function DetectedFormat({ preview, unreadableId }: { preview: ImportPreview; unreadableId?: string }) {
  const setOptions = useDeviceImportStore((state) => state.setOptions);
  const options = useDeviceImportStore((state) => state.options);
  const previewOptions = useDeviceImportStore((state) => state.previewOptions);
  const detected = useDeviceImportStore((state) => state.detected);
  const unreadable = unreadableId !== undefined;
  // Encoding and sheet are found before anything else, so without a choice they are the ones first detected.
  const shown = unreadable
    ? {
        encoding: options.encoding ?? detected?.encoding ?? null,
        sheet: options.sheet ?? detected?.sheet ?? null,
        headerRow: options.headerRow ?? null,
      }
    : preview;
  /** The controls of the choice the file cannot take point at why. */
  const failed = (choice: 'encoding' | 'sheet' | 'headerRow') =>
    unreadable && options[choice] !== previewOptions?.[choice]
      ? { 'aria-invalid': true, 'aria-describedby': unreadableId }
      : {};
  const ids = {
    encoding: useId(),
    encodingProblem: useId(),
    sheet: useId(),
    header: useId(),
    key: useId(),
    dates: useId(),
  };
  return (
    <section className="panel" aria-labelledby="format-heading">
      <h2 id="format-heading">{preview.fileName}</h2>
      <div className="format-grid">
        {preview.format === 'delimited' ? (
          <>
            <div className="field format-encoding">
              <label htmlFor={ids.encoding}>Encoding</label>
              <select
                id={ids.encoding}
                value={shown.encoding ?? 'utf-8'}
                aria-invalid={!unreadable && preview.encodingProblem ? true : undefined}
                aria-describedby={!unreadable && preview.encodingProblem ? ids.encodingProblem : undefined}
                {...failed('encoding')}
                onChange={(event) =>
                  void setOptions({ encoding: event.target.value as (typeof ENCODINGS)[number][0] })
                }
              >
                {ENCODINGS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
              {!unreadable && preview.encodingProblem && (
                <span id={ids.encodingProblem} className="field-error">
                  {preview.encodingProblem}
                </span>
              )}
            </div>
            <div className="field">
              <span className="field-label">Delimiter</span>
              <span>
                {unreadable
                  ? 'not known: the file is not read'
                  : `${DELIMITERS[preview.delimiter ?? ','] ?? preview.delimiter} (detected)`}
              </span>
            </div>
          </>
        ) : (
          <div className="field">
            <label htmlFor={ids.sheet}>Sheet</label>
            <select
              id={ids.sheet}
              value={shown.sheet ?? ''}
              {...failed('sheet')}
              onChange={(event) => void setOptions({ sheet: event.target.value })}
            >
              {preview.sheets.map((sheet) => (
                <option key={sheet} value={sheet}>
                  {preview.hiddenSheets.includes(sheet) ? `${sheet} (hidden)` : sheet}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.header}>Header row</label>
          <input
            id={ids.header}
            type="number"
            min={1}
            defaultValue={shown.headerRow ?? ''}
            placeholder={unreadable ? 'not known' : undefined}
            key={shown.headerRow}
            {...failed('headerRow')}
            onBlur={(event) => {
              const row = Number(event.target.value);
              if (Number.isInteger(row) && row >= 1 && row !== shown.headerRow)
                void setOptions({ headerRow: row });
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.key}>Devices are identified by</label>
          <select
            id={ids.key}
            value={options.key ?? preview.key}
            onChange={(event) => void setOptions({ key: event.target.value as 'assetTag' | 'serial' })}
          >
            <option value="assetTag">Asset tag</option>
            <option value="serial">Serial number</option>
          </select>
        </div>
        {!unreadable && (
          <div className="field">
            <label htmlFor={ids.dates}>Date order</label>
            <select
              id={ids.dates}
              value={preview.dateOrder ?? ''}
              aria-invalid={preview.dateOrderSource === 'ask' ? true : undefined}
              onChange={(event) =>
                void setOptions({ dateOrder: event.target.value as 'dmy' | 'mdy' | 'ymd' })
              }
            >
              {preview.dateOrder === null && <option value="">Choose…</option>}
              <option value="dmy">Day first (31.12.2015)</option>
              <option value="mdy">Month first (12/31/2015)</option>
              <option value="ymd">Year first (2015-12-31)</option>
            </select>
            <span className={preview.dateOrderSource === 'ask' ? 'field-error' : 'field-help'}>
              {preview.dateOrderSource === 'ask'
                ? (preview.mixedDateOrders ??
                  'The dates could be read either way. Choose how they are written.')
                : preview.dateOrderSource === 'inferred'
                  ? 'Read from the dates in the file.'
                  : preview.dateOrderSource === 'not-needed'
                    ? 'The file has no dates written as text.'
                    : 'As you chose.'}
            </span>
          </div>
        )}
      </div>
    </section>
  );
}

import { type DragEvent, useId, useState } from 'react';
import { useDeviceImportStore } from '../../stores/device-import';

/** A file picker that also takes a file dropped on it. */
export function FileChooser() {
  const chooseFile = useDeviceImportStore((state) => state.chooseFile);
  const [dragging, setDragging] = useState(false);
  const inputId = useId();
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void chooseFile(file);
  };
  return (
    <section
      className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
      aria-label="Inventory file"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p>
        Drop the device list exported from your CMMS or asset tool here, or choose it. CSV and tab-delimited
        text in any regional format (comma or semicolon, UTF-8, UTF-16 or Windows-1252) and Excel workbooks
        (.xlsx) are read as they are.
      </p>
      <label htmlFor={inputId} className="button-primary file-label">
        Choose an inventory file
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept=".csv,.txt,.tsv,.tab,.xlsx"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void chooseFile(file);
        }}
      />
      <p className="field-help">Nothing is saved until you confirm the import on the next step.</p>
    </section>
  );
}

import { type DragEvent, type ReactNode, useId, useState } from 'react';

interface Props {
  /** Names the region and the button: "Choose an inventory file". */
  readonly label: string;
  readonly regionLabel: string;
  readonly accept: string;
  readonly onFile: (file: File) => void;
  readonly children: ReactNode;
  /** Larger files are refused before a byte is read (README, "Reliability"); 64 MB, the largest import. */
  readonly maxBytes?: number;
}

const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** A file picker that also takes a file dropped on it. */
export function FileDropZone({
  label,
  regionLabel,
  accept,
  onFile,
  children,
  maxBytes = MAX_FILE_BYTES,
}: Props) {
  const [dragging, setDragging] = useState(false);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const inputId = useId();
  // A file of gigabytes would be read whole into memory before the core could refuse it: refuse it here first.
  const take = (file: File) => {
    if (file.size > maxBytes) {
      setTooLarge(
        `${file.name} is larger than the ${maxBytes / 1024 / 1024} MB a file may have here; nothing was read.`,
      );
      return;
    }
    setTooLarge(null);
    onFile(file);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) take(file);
  };
  return (
    <section
      className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
      aria-label={regionLabel}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      {children}
      {tooLarge && (
        <p className="refused-message" role="alert">
          {tooLarge}
        </p>
      )}
      <label htmlFor={inputId} className="button-primary file-label">
        {label}
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept={accept}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) take(file);
          event.target.value = '';
        }}
      />
    </section>
  );
}

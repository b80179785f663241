import { type DragEvent, type ReactNode, useId, useState } from 'react';

interface Props {
  /** Names the region and the button: "Choose an inventory file". */
  readonly label: string;
  readonly regionLabel: string;
  readonly accept: string;
  readonly onFile: (file: File) => void;
  readonly children: ReactNode;
}

/** A file picker that also takes a file dropped on it. */
export function FileDropZone({ label, regionLabel, accept, onFile, children }: Props) {
  const [dragging, setDragging] = useState(false);
  const inputId = useId();
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
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
          if (file) onFile(file);
          event.target.value = '';
        }}
      />
    </section>
  );
}

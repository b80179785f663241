import { useId, useState } from 'react';
import { counted } from '../../labels';

interface Props {
  readonly batchId: number;
  readonly added: number;
  readonly updated: number;
  readonly undo: () => Promise<void>;
}

/** Undo asks first and says what it will do: removing thousands of devices is one click away otherwise. */
export function UndoImportButton({ batchId, added, updated, undo }: Props) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const questionId = useId();
  if (!asking) {
    return (
      <button type="button" className="button-quiet" onClick={() => setAsking(true)}>
        Undo batch {batchId}…
      </button>
    );
  }
  return (
    <span className="inline-question">
      <span id={questionId}>
        Remove the {counted(added, 'device')} it added and put back the {counted(updated, 'device')} it
        updated?
      </span>
      <button
        type="button"
        className="button-quiet"
        aria-describedby={questionId}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await undo();
          setBusy(false);
          setAsking(false);
        }}
      >
        {busy ? 'Undoing…' : `Undo batch ${batchId}`}
      </button>
      <button type="button" className="button-quiet" disabled={busy} onClick={() => setAsking(false)}>
        Keep it
      </button>
    </span>
  );
}

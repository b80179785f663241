import { useId, useState } from 'react';
import { counted } from '../../labels';

interface Props {
  readonly batchId: number;
  readonly added: number;
  readonly updated: number;
  readonly undo: () => Promise<void>;
}

/** What undoing a batch does, saying only what there is: "Remove the 6 devices it added." */
export function undoWords(added: number, updated: number): string {
  const parts = [
    added > 0 && `remove the ${counted(added, 'device')} it added`,
    updated > 0 && `put back the ${counted(updated, 'device')} it updated as they were`,
  ].filter((part): part is string => Boolean(part));
  const sentence = parts.join(' and ') || 'change nothing: the batch added and updated no device';
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
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
      <span id={questionId}>{undoWords(added, updated)}</span>
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

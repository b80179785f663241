import { useId, useState } from 'react';
import { counted } from '../../labels';
import { useFocusOnMount } from './use-focus-on-mount';

/** What undoing a batch does, saying only what there is: "Remove the 6 devices it added." */
export function undoWords(added: number, updated: number): string {
  const parts = [
    added > 0 && `remove the ${counted(added, 'device')} it added`,
    updated > 0 && `put back the ${counted(updated, 'device')} it updated as they were`,
  ].filter((part): part is string => Boolean(part));
  const sentence = parts.join(' and ') || 'change nothing: the batch added and updated no device';
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

interface Props {
  readonly batchId: number;
  readonly added: number;
  readonly updated: number;
  /** Said before the answer when the question is not beside the batch it is about. */
  readonly fileName?: string;
  readonly onUndo: () => Promise<void>;
  readonly onKeep: () => void;
}

/**
 * Undo asks first and says what it will do: removing thousands of devices is one click away otherwise. Its
 * first button takes the focus, as the app's questions do; "Keep it" hands it back to the caller.
 */
export function UndoQuestion({ batchId, added, updated, fileName, onUndo, onKeep }: Props) {
  const [busy, setBusy] = useState(false);
  const questionId = useId();
  const first = useFocusOnMount<HTMLButtonElement>();
  return (
    <span className="inline-question">
      <span id={questionId}>
        {fileName !== undefined && `Undo batch ${batchId} (${fileName})? `}
        {undoWords(added, updated)}
      </span>
      <button
        ref={first}
        type="button"
        className="button-quiet"
        aria-describedby={questionId}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await onUndo();
          setBusy(false);
        }}
      >
        {busy ? 'Undoing…' : `Undo batch ${batchId}`}
      </button>
      <button type="button" className="button-quiet" disabled={busy} onClick={onKeep}>
        Keep it
      </button>
    </span>
  );
}

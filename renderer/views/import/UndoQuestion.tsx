import { counted } from '../../labels';
import { InlineQuestion } from './InlineQuestion';

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

/** Undo asks first and says what it will do: removing thousands of devices is one click away otherwise. */
export function UndoQuestion({ batchId, added, updated, fileName, onUndo, onKeep }: Props) {
  return (
    <InlineQuestion
      question={`${fileName !== undefined ? `Undo batch ${batchId} (${fileName})? ` : ''}${undoWords(added, updated)}`}
      confirm={`Undo batch ${batchId}`}
      busyLabel="Undoing…"
      onConfirm={onUndo}
      onKeep={onKeep}
    />
  );
}

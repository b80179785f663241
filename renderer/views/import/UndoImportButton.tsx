import { useState } from 'react';
import { UndoQuestion } from './UndoQuestion';

interface Props {
  readonly batchId: number;
  readonly added: number;
  readonly updated: number;
  readonly undo: () => Promise<void>;
}

/** The wizard's last step: undo the batch just imported, after its question. */
export function UndoImportButton({ batchId, added, updated, undo }: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button-quiet" onClick={() => setAsking(true)}>
        Undo batch {batchId}…
      </button>
    );
  }
  return (
    <UndoQuestion
      batchId={batchId}
      added={added}
      updated={updated}
      onUndo={async () => {
        await undo();
        setAsking(false);
      }}
      onKeep={() => setAsking(false)}
    />
  );
}

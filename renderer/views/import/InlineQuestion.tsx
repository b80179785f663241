import { type ReactNode, useId, useState } from 'react';
import { useFocusOnMount } from './use-focus-on-mount';

interface Props {
  readonly question: ReactNode;
  /** The answer that acts, naming what it does ("Undo batch 3", "Delete "Siemens""). */
  readonly confirm: string;
  /** Said on the button while the answer is carried out. */
  readonly busyLabel?: string;
  readonly onConfirm: () => Promise<void> | void;
  readonly onKeep: () => void;
}

/**
 * A question asked in place before something that cannot be taken back: the question describes both buttons, the
 * acting one takes the focus (as the app's questions do), and neither answers twice while the first is carried out.
 */
export function InlineQuestion({ question, confirm, busyLabel, onConfirm, onKeep }: Props) {
  const [busy, setBusy] = useState(false);
  const questionId = useId();
  const first = useFocusOnMount<HTMLButtonElement>();
  return (
    <span className="inline-question">
      <span id={questionId}>{question}</span>
      <button
        ref={first}
        type="button"
        className="button-quiet"
        aria-describedby={questionId}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await onConfirm();
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy && busyLabel ? busyLabel : confirm}
      </button>
      <button type="button" className="button-quiet" disabled={busy} onClick={onKeep}>
        Keep it
      </button>
    </span>
  );
}

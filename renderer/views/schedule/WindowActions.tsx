import { useState } from 'react';
import type { PlannedWindow } from '../../../electron/api/schemas/planning';
import { call } from '../../api';
import { useScheduleStore, windowTitle } from '../../stores/schedule';

/**
 * Locks a window the auto-planner placed where it is, unlocks one placed by hand (the auto-planner may then move
 * it), or deletes a window once confirmed.
 */
export function WindowActions({
  window: w,
  onProblem,
}: {
  window: PlannedWindow;
  onProblem(text: string): void;
}) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  const id = w.id as number;

  async function unlock() {
    const result = await call('unlockWindow', { id });
    if (!result.ok) return onProblem(result.error.message);
    const store = useScheduleStore.getState();
    store.closeForm();
    store.say(`${windowTitle(result.value)} is unlocked: the auto-planner may move it at the next plan.`);
  }

  async function lock() {
    // Saving it unchanged is placing it by hand: locked from then on.
    const result = await call('saveWindow', {
      id,
      deviceId: w.deviceId,
      kind: w.kind,
      start: w.start,
      end: w.end,
    });
    if (!result.ok) return onProblem(result.error.message);
    const store = useScheduleStore.getState();
    store.closeForm();
    store.say(`${windowTitle(result.value)} is locked: the auto-planner leaves it where it is.`);
  }

  async function remove() {
    const result = await call('deleteWindow', { id });
    if (!result.ok) return onProblem(result.error.message);
    const store = useScheduleStore.getState();
    store.closeForm();
    store.select(null);
    store.say(`${windowTitle(w)} deleted.`);
  }

  return (
    <div className="dialog-section form-actions">
      {!w.locked && w.status === 'planned' && (
        <button type="button" className="button-quiet" onClick={() => void lock()}>
          Lock where it is
        </button>
      )}
      {w.locked && w.status === 'planned' && (
        <button type="button" className="button-quiet" onClick={() => void unlock()}>
          Unlock (let the auto-planner move it)
        </button>
      )}
      {confirmDelete ? (
        <>
          <span>Delete this window?</span>
          <button type="button" className="button-quiet button-danger" onClick={() => void remove()}>
            Yes, delete the window
          </button>
          <button type="button" className="button-quiet" onClick={() => setConfirmDelete(false)}>
            Keep it
          </button>
        </>
      ) : (
        <button type="button" className="button-quiet button-danger" onClick={() => setConfirmDelete(true)}>
          Delete window
        </button>
      )}
    </div>
  );
}

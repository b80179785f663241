import type { PlannedWindow } from '../../../electron/api/schemas/planning';
import { useShortcutAction } from '../../keyboard/shortcuts';
import { useScheduleStore, windowTitle } from '../../stores/schedule';

/**
 * `d`: mark the focused window (or else the selected one) done. It opens the window's dialog at the Mark done form,
 * with the planned times filled in as the actual ones, so Enter confirms and the times can be corrected first.
 */
export function useMarkDoneShortcut(windows: readonly PlannedWindow[]) {
  useShortcutAction('mark-done', () => {
    const store = useScheduleStore.getState();
    const focused =
      document.activeElement instanceof HTMLElement ? document.activeElement.dataset.windowId : undefined;
    const id = focused ? Number(focused) : store.selectedId;
    const chosen = id === null ? undefined : windows.find((w) => w.id === id);
    if (!chosen) {
      store.say('Choose a window first (Tab to it or click it), then press d to mark it done.', true);
      return;
    }
    if (chosen.status === 'done') {
      store.say(`${windowTitle(chosen)} is already done.`, true);
      return;
    }
    store.openForm({ mode: 'edit', window: chosen, focus: 'mark-done' });
  });
}

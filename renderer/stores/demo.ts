import { create } from 'zustand';
import { call } from '../api';
import { reportError } from './errors';

type Switch = 'openDemo' | 'leaveDemo' | 'restartDemo';

interface DemoState {
  /** The switch under way: creating the demo takes a few seconds the first time. */
  readonly switching: Switch | null;
  switchTo(operation: Switch): Promise<void>;
}

/**
 * "Explore the demo hospital", "Leave the demo" and "Start the demo afresh": the app then serves another database
 * file, so the page reloads on the dashboard and every store starts afresh from that file.
 */
export const useDemoStore = create<DemoState>()((set, get) => ({
  switching: null,
  async switchTo(operation) {
    if (get().switching) return;
    set({ switching: operation });
    const result = await call(operation, {});
    if (!result.ok) {
      set({ switching: null });
      reportError(result.error);
      return;
    }
    window.location.hash = '#/';
    window.location.reload();
  },
}));

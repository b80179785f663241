import { create } from 'zustand';
import type { Dashboard } from '../../electron/api/schemas/dashboard';
import { call, onDataChanged } from '../api';
import { reportError } from './errors';

interface DashboardState {
  readonly figures: Dashboard | null;
  load(): Promise<void>;
}

export const useDashboardStore = create<DashboardState>()((set) => ({
  figures: null,
  async load() {
    const result = await call('getDashboard', {});
    if (result.ok) set({ figures: result.value });
    else reportError(result.error);
  },
}));

onDataChanged((changed) => {
  const relevant = changed.some(
    (domain) => domain === 'devices' || domain === 'advisories' || domain === 'planning',
  );
  if (relevant && useDashboardStore.getState().figures) void useDashboardStore.getState().load();
});

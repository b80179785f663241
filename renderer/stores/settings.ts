import { create } from 'zustand';
import type { ApiError, InputOf } from '../../electron/api/contract';
import type { Settings } from '../../electron/api/schemas/settings';
import { call, onDataChanged } from '../api';
import { reportError } from './errors';

interface SettingsState {
  readonly settings: Settings | null;
  load(): Promise<void>;
  /** Resolves to the validation problems by field, or null when saved. */
  save(input: InputOf<'updateSettings'>): Promise<ApiError['issues'] | null>;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: null,
  async load() {
    const result = await call('getSettings', {});
    if (result.ok) set({ settings: result.value });
    else reportError(result.error);
  },
  async save(input) {
    const result = await call('updateSettings', input);
    if (result.ok) {
      set({ settings: result.value });
      return null;
    }
    if (result.error.issues) return result.error.issues;
    reportError(result.error);
    return [];
  },
}));

onDataChanged((changed) => {
  if (changed.includes('settings') && useSettingsStore.getState().settings)
    void useSettingsStore.getState().load();
});

import { create } from 'zustand';
import type { ApiError } from '../../electron/api/contract';
import type { DatabaseStatus } from '../../electron/api/schemas/status';
import { call, onDataChanged } from '../api';
import { reportError } from './errors';

interface DatabaseState {
  readonly status: DatabaseStatus | null;
  /** Set when the core refused to open the database file; the app then shows only that. */
  readonly refusal: ApiError | null;
  readonly loaded: boolean;
  load(): Promise<void>;
}

export const useDatabaseStore = create<DatabaseState>()((set) => ({
  status: null,
  refusal: null,
  loaded: false,
  async load() {
    const result = await call('getStatus', {});
    if (result.ok) set({ status: result.value, refusal: null, loaded: true });
    else if (result.error.code === 'DATABASE_REFUSED') set({ refusal: result.error, loaded: true });
    else {
      reportError(result.error);
      set({ loaded: true });
    }
  },
}));

onDataChanged(() => {
  if (useDatabaseStore.getState().loaded) void useDatabaseStore.getState().load();
});

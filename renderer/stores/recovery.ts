import { create } from 'zustand';
import type { BackupList } from '../../electron/api/schemas/database-files';
import { call } from '../api';
import { useDatabaseStore } from './database';

/**
 * Backups and restoring one: what the refused-database screen offers. listBackups and restoreBackup are the two
 * operations the core answers while it refuses the database.
 */
interface RecoveryState {
  readonly list: BackupList | null;
  readonly busy: boolean;
  readonly problem: string | null;
  load(): Promise<void>;
  restore(backup: string): Promise<boolean>;
}

export const useRecoveryStore = create<RecoveryState>()((set) => ({
  list: null,
  busy: false,
  problem: null,
  async load() {
    const result = await call('listBackups', {});
    set(result.ok ? { list: result.value, problem: null } : { problem: result.error.message });
  },
  async restore(backup) {
    set({ busy: true, problem: null });
    const result = await call('restoreBackup', { backup });
    if (!result.ok) {
      set({ busy: false, problem: result.error.message });
      return false;
    }
    set({ busy: false });
    // The core reopened the restored file: loading the status again leaves the refused screen for the app.
    await useDatabaseStore.getState().load();
    return true;
  },
}));

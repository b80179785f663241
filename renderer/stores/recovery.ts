import { create } from 'zustand';
import type { BackupList, RestoreResult } from '../../electron/api/schemas/database-files';
import { call } from '../api';
import { useDatabaseStore } from './database';

/**
 * Backups and restoring one: what the refused-database screen offers, and Settings > Database while the database
 * is in use. listBackups and restoreBackup are the two operations the core answers while it refuses the database.
 */
interface RecoveryState {
  readonly list: BackupList | null;
  readonly busy: boolean;
  readonly problem: string | null;
  /** The last restore that succeeded in this window: what came back and where the replaced file is kept. */
  readonly restored: RestoreResult | null;
  load(): Promise<void>;
  restore(backup: string): Promise<boolean>;
}

export const useRecoveryStore = create<RecoveryState>()((set, get) => ({
  list: null,
  busy: false,
  problem: null,
  restored: null,
  async load() {
    const result = await call('listBackups', {});
    set(result.ok ? { list: result.value, problem: null } : { problem: result.error.message });
  },
  async restore(backup) {
    if (get().busy) return false;
    set({ busy: true, problem: null, restored: null });
    const result = await call('restoreBackup', { backup });
    if (!result.ok) {
      set({ busy: false, problem: result.error.message });
      return false;
    }
    set({ busy: false, restored: result.value });
    // The core reopened the restored file. restoreBackup announces that every domain changed, so each store and
    // view loads again from it; loading the status leaves the refused screen for the app. The list too: opening
    // the restored file may have made the day's backup.
    await Promise.all([useDatabaseStore.getState().load(), get().load()]);
    return true;
  },
}));

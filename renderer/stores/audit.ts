import { create } from 'zustand';
import type { AuditEntry } from '../../electron/api/schemas/audit';
import { call, onDataChanged } from '../api';
import { reportError } from './errors';

interface AuditState {
  readonly entries: readonly AuditEntry[] | null;
  load(): Promise<void>;
}

export const useAuditStore = create<AuditState>()((set) => ({
  entries: null,
  async load() {
    const result = await call('listAudit', { limit: 20 });
    if (result.ok) set({ entries: result.value });
    else reportError(result.error);
  },
}));

onDataChanged((changed) => {
  if (changed.includes('audit') && useAuditStore.getState().entries) void useAuditStore.getState().load();
});

import { create } from 'zustand';
import type { AdvisoryImportResult, AdvisorySummary } from '../../electron/api/schemas/advisories';
import { call, onDataChanged } from '../api';
import { reportError } from './errors';

interface AdvisoriesState {
  readonly advisories: readonly AdvisorySummary[] | null;
  /** The last file a person imported, kept to import it again with its findings accepted. */
  readonly pending: { readonly fileName: string; readonly content: string } | null;
  readonly result: AdvisoryImportResult | null;
  readonly problem: string | null;
  load(): Promise<void>;
  importFile(file: File): Promise<void>;
  acceptFindings(): Promise<void>;
}

export const useAdvisoriesStore = create<AdvisoriesState>()((set, get) => {
  async function importContent(fileName: string, content: string, acceptFindings: boolean) {
    set({ pending: { fileName, content }, problem: null });
    const result = await call('importAdvisory', { fileName, content, acceptFindings });
    if (result.ok) set({ result: result.value });
    else set({ result: null, problem: result.error.message });
  }
  return {
    advisories: null,
    pending: null,
    result: null,
    problem: null,
    async load() {
      const result = await call('listAdvisories', {});
      if (result.ok) set({ advisories: result.value });
      else reportError(result.error);
    },
    async importFile(file) {
      await importContent(file.name, await file.text(), false);
    },
    async acceptFindings() {
      const pending = get().pending;
      if (pending) await importContent(pending.fileName, pending.content, true);
    },
  };
});

onDataChanged((changed) => {
  if (changed.includes('advisories') && useAdvisoriesStore.getState().advisories)
    void useAdvisoriesStore.getState().load();
});

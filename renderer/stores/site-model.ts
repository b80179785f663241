import { create } from 'zustand';
import type { ApiError } from '../../electron/api/contract';
import type { SiteModel } from '../../electron/api/schemas/site-model';
import { call, onDataChanged } from '../api';
import { reportError } from './errors';

export type Issue = NonNullable<ApiError['issues']>[number];

interface SiteModelState {
  /** The site model as the core last returned it. */
  readonly saved: SiteModel | null;
  /** What Settings > Planning edits; saved as a whole. */
  readonly draft: SiteModel | null;
  readonly dirty: boolean;
  readonly saving: boolean;
  /** From the last save, by path (`model.sites.0.departments.1.maintenanceSlots.0.start`). */
  readonly issues: readonly Issue[];
  /** A refusal that names no field (e.g. a duration for an unknown product family). */
  readonly problem: string;
  /** Set after a successful save until the next edit. */
  readonly lastSave: { readonly keptTeams: readonly string[] } | null;
  load(): Promise<void>;
  /** Changes the draft; `reshapes` (an item added or removed) drops issues whose paths would point elsewhere. */
  edit(recipe: (draft: SiteModel) => void, options?: { reshapes?: boolean }): void;
  discard(): void;
  save(): Promise<void>;
  /** A model saved elsewhere (an imported file) becomes the one shown. */
  adopt(model: SiteModel, keptTeams: readonly string[]): void;
}

/** A background reload while the person is editing keeps the edits, but takes the sites' current time zones. */
function withTimeZonesOf(fresh: SiteModel, draft: SiteModel): SiteModel {
  const zoneOf = new Map(fresh.sites.map((site) => [site.name.toLowerCase(), site.timeZone]));
  return {
    ...draft,
    sites: draft.sites.map((site) => ({
      ...site,
      timeZone: zoneOf.get(site.name.toLowerCase()) ?? site.timeZone,
    })),
  };
}

export const useSiteModelStore = create<SiteModelState>()((set, get) => ({
  saved: null,
  draft: null,
  dirty: false,
  saving: false,
  issues: [],
  problem: '',
  lastSave: null,
  async load() {
    const result = await call('getSiteModel', {});
    if (!result.ok) {
      reportError(result.error);
      return;
    }
    const { dirty, draft } = get();
    set({
      saved: result.value,
      draft: dirty && draft ? withTimeZonesOf(result.value, draft) : result.value,
    });
  },
  edit(recipe, options = {}) {
    const { draft, issues } = get();
    if (!draft) return;
    const next = structuredClone(draft);
    recipe(next);
    set({ draft: next, dirty: true, lastSave: null, issues: options.reshapes ? [] : issues });
  },
  discard() {
    set((state) => ({ draft: state.saved, dirty: false, issues: [], problem: '', lastSave: null }));
  },
  async save() {
    const { draft } = get();
    if (!draft) return;
    set({ saving: true, problem: '', lastSave: null });
    const result = await call('saveSiteModel', { model: draft });
    if (result.ok) {
      set({
        saved: result.value.model,
        draft: result.value.model,
        dirty: false,
        saving: false,
        issues: [],
        lastSave: { keptTeams: result.value.keptTeams },
      });
      return;
    }
    set({
      saving: false,
      issues: result.error.issues ?? [],
      problem: result.error.issues ? '' : result.error.message,
    });
  },
  adopt(model, keptTeams) {
    set({ saved: model, draft: model, dirty: false, issues: [], problem: '', lastSave: { keptTeams } });
  },
}));

onDataChanged((changed) => {
  const { saved, saving } = useSiteModelStore.getState();
  // Device imports add departments; Organization changes the main site's time zone.
  if (saved && !saving && changed.some((d) => d === 'settings' || d === 'planning' || d === 'devices'))
    void useSiteModelStore.getState().load();
});

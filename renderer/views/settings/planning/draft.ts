import type { Department, Site, SiteModel } from '../../../../electron/api/schemas/site-model';
import { useSiteModelStore } from '../../../stores/site-model';

type Recipe<T> = (value: T) => void;

/** One part of the draft model and a way to change it; `reshapes` when an item is added or removed. */
function usePart<T>(pick: (draft: SiteModel) => T | undefined) {
  const value = useSiteModelStore((state) => (state.draft ? pick(state.draft) : undefined));
  const edit = useSiteModelStore((state) => state.edit);
  const change = (recipe: Recipe<T>, reshapes = false) =>
    edit(
      (draft) => {
        const part = pick(draft);
        if (part !== undefined) recipe(part);
      },
      { reshapes },
    );
  return [value, change] as const;
}

export const useSiteDraft = (site: number) => usePart<Site>((draft) => draft.sites[site]);

export const useDepartmentDraft = (site: number, department: number) =>
  usePart<Department>((draft) => draft.sites[site]?.departments[department]);

export const useModelDraft = () => usePart<SiteModel>((draft) => draft);

/** `model.sites.0.departments.1`: the prefix of the core's issue paths for one department. */
export const departmentPath = (site: number, department: number) =>
  `model.sites.${site}.departments.${department}`;

export const WEEKDAY_NAMES = {
  Mon: 'Monday',
  Tue: 'Tuesday',
  Wed: 'Wednesday',
  Thu: 'Thursday',
  Fri: 'Friday',
  Sat: 'Saturday',
  Sun: 'Sunday',
} as const;

import { create } from 'zustand';

export const views = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'devices', label: 'Devices' },
  { id: 'advisories', label: 'Advisories' },
  { id: 'schedule', label: 'Schedule' },
  { id: 'reports', label: 'Reports' },
  { id: 'settings', label: 'Settings' },
] as const;

export type ViewId = (typeof views)[number]['id'];

const viewFromHash = (hash: string): ViewId => {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return views.find((view) => view.id === id)?.id ?? 'dashboard';
};

interface NavigationState {
  readonly view: ViewId;
}

/** The current view follows the address's #/view part, so a reload stays where the person was. */
export const useNavigationStore = create<NavigationState>()(() => ({
  view: viewFromHash(window.location.hash),
}));

window.addEventListener('hashchange', () =>
  useNavigationStore.setState({ view: viewFromHash(window.location.hash) }),
);

export const hrefOf = (view: ViewId) => `#/${view}`;

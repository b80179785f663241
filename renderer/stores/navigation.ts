import { create } from 'zustand';
import type { DeviceGroup } from '../../electron/api/device-groups';

export const views = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'devices', label: 'Devices' },
  { id: 'advisories', label: 'Advisories' },
  { id: 'schedule', label: 'Schedule' },
  { id: 'reports', label: 'Reports' },
  { id: 'settings', label: 'Settings' },
] as const;

export type ViewId = (typeof views)[number]['id'];

interface Location {
  readonly view: ViewId;
  /** What follows the view in the address: #/devices/import -> ['import']. */
  readonly rest: readonly string[];
}

const locationFromHash = (hash: string): Location => {
  const [first, ...rest] = hash.replace(/^#\/?/, '').split('?')[0]?.split('/') ?? [];
  const view = views.find((v) => v.id === first)?.id;
  return view ? { view, rest } : { view: 'dashboard', rest: [] };
};

/** The current view follows the address's #/view part, so a reload stays where the person was. */
export const useNavigationStore = create<Location>()(() => locationFromHash(window.location.hash));

window.addEventListener('hashchange', () =>
  useNavigationStore.setState(locationFromHash(window.location.hash)),
);

export const hrefOf = (view: ViewId, ...rest: string[]) => `#/${[view, ...rest].join('/')}`;

/** The Devices view filtered to a group: `#/devices?group=exposed`. */
export const groupHref = (group: DeviceGroup) => `${hrefOf('devices')}?group=${group}`;

export function navigate(view: ViewId, ...rest: string[]) {
  window.location.hash = hrefOf(view, ...rest);
}

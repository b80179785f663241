import { DEVICE_GROUP_LABELS, type DeviceGroup, isDeviceGroup } from '../../../electron/api/device-groups';
import { useDevicesStore } from '../../stores/devices';
import { hrefOf } from '../../stores/navigation';

/** The group a dashboard tile or alert asks for: `#/devices?group=exposed`. */
function groupInAddress(): DeviceGroup | undefined {
  const query = window.location.hash.split('?')[1] ?? '';
  const group = new URLSearchParams(query).get('group') ?? '';
  return isDeviceGroup(group) ? group : undefined;
}

/**
 * Loads the register; when the address names a group, filtered to that group instead of earlier filters, so
 * each dashboard tile and alert opens exactly the devices it counts.
 */
export function loadRegisterFromAddress(): Promise<void> {
  const group = groupInAddress();
  if (group) {
    useDevicesStore.setState((state) => ({ query: { ...state.query, filters: { group } } }));
    useDevicesStore.getState().clearSelection();
  }
  return useDevicesStore.getState().reload();
}

/** Says which group the register shows, with a way back to every device. */
export function GroupFilterNote() {
  const group = useDevicesStore((state) => state.query.filters.group);
  const filters = useDevicesStore((state) => state.query.filters);
  if (!group) return null;
  const showAll = () => {
    history.replaceState(null, '', hrefOf('devices'));
    useDevicesStore.getState().setFilters({ ...filters, group: undefined });
  };
  return (
    <p className="group-filter" data-testid="group-filter">
      Showing: <strong>{DEVICE_GROUP_LABELS[group]}</strong>{' '}
      <button type="button" className="link-button" onClick={showAll}>
        Show all devices
      </button>
    </p>
  );
}

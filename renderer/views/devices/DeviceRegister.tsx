import { useEffect } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { useDevicesStore } from '../../stores/devices';
import { hrefOf } from '../../stores/navigation';
import { BulkBar } from './BulkBar';
import { DeviceDrawer } from './DeviceDrawer';
import { DeviceTable } from './DeviceTable';
import { DeviceToolbar } from './DeviceToolbar';
import { GroupFilterNote, loadRegisterFromAddress } from './GroupFilter';

/** Every device of the inventory: search, filter, sort, open one, change many. */
export function DeviceRegister() {
  const total = useDevicesStore((state) => state.total);
  const query = useDevicesStore((state) => state.query);
  const selected = useDevicesStore((state) => state.selected);
  const detail = useDevicesStore((state) => state.detail);
  useEffect(() => {
    void loadRegisterFromAddress();
  }, []);
  const filtering = query.search !== '' || Object.values(query.filters).some((v) => v !== undefined);
  return (
    <>
      <div className="view-header">
        <h1>Devices</h1>
        <a className="button-primary" href={hrefOf('devices', 'import')}>
          Import devices
        </a>
      </div>
      {total === 0 && !filtering ? (
        <EmptyState title="No devices in this database">
          <p>
            Import the device list exported from your CMMS or asset tool (CSV or Excel). Columns are
            recognised in English and German, every other column is kept, and nothing is saved before you
            confirm.
          </p>
          <p>
            <a href={hrefOf('devices', 'import')}>Import a device list</a>
          </p>
        </EmptyState>
      ) : (
        // With a device open, the register keeps clear of the drawer (devices.css), so j and k show their row.
        <div className={detail ? 'register-beside-drawer' : undefined}>
          <GroupFilterNote />
          <DeviceToolbar />
          {selected.size > 0 && <BulkBar />}
          <DeviceTable />
        </div>
      )}
      {detail && <DeviceDrawer detail={detail} />}
    </>
  );
}

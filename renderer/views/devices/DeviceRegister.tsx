import { useEffect } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { useDevicesStore } from '../../stores/devices';
import { hrefOf } from '../../stores/navigation';
import { BulkBar, useFiltering } from './BulkBar';
import { DeviceDrawer } from './DeviceDrawer';
import { DeviceTable } from './DeviceTable';
import { DeviceToolbar } from './DeviceToolbar';
import { GroupFilterNote, loadRegisterFromAddress } from './GroupFilter';

/** Every device of the inventory: search, filter, sort, open one, change many. */
export function DeviceRegister() {
  const total = useDevicesStore((state) => state.total);
  const selecting = useDevicesStore((state) => state.selected.size > 0 || state.allMatching);
  const bulkMessage = useDevicesStore((state) => state.bulkMessage);
  const detail = useDevicesStore((state) => state.detail);
  useEffect(() => {
    void loadRegisterFromAddress();
  }, []);
  const filtering = useFiltering();
  // The register fills the window below the header and its list scrolls inside it (devices.css).
  return (
    <div className="device-register">
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
        <div className={detail ? 'register-body register-beside-drawer' : 'register-body'}>
          <GroupFilterNote />
          <DeviceToolbar />
          {selecting && <BulkBar />}
          {/* Stays in the page when the bar goes, so what the bulk change did is said and read out. */}
          <p className="bulk-result" role="status">
            {bulkMessage}
          </p>
          <DeviceTable />
        </div>
      )}
      {detail && <DeviceDrawer detail={detail} />}
    </div>
  );
}

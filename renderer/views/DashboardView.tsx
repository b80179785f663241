import { useEffect } from 'react';
import type { DashboardFigures } from '../../electron/api/schemas/status';
import { EmptyState } from '../components/EmptyState';
import { useDashboardStore } from '../stores/dashboard';
import { hrefOf } from '../stores/navigation';

const tiles: readonly { key: keyof DashboardFigures; label: string; help: string }[] = [
  { key: 'devices', label: 'Devices', help: 'in the inventory' },
  { key: 'affectedDevices', label: 'Affected', help: 'confirmed affected by an advisory' },
  { key: 'exposedDevices', label: 'Exposed', help: 'affected, neither isolated nor patched' },
  { key: 'advisories', label: 'Advisories', help: 'tracked' },
  { key: 'upcomingWindows', label: 'Planned windows', help: 'still to come' },
  { key: 'importBatches', label: 'Imports', help: 'device lists imported' },
];

export function DashboardView() {
  const figures = useDashboardStore((state) => state.figures);
  const load = useDashboardStore((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <h1>Dashboard</h1>
      {figures && (
        <ul className="tiles" aria-label="Figures">
          {tiles.map((tile) => (
            <li key={tile.key} className="tile">
              <span className="tile-figure" data-testid={`figure-${tile.key}`}>
                {figures[tile.key]}
              </span>
              <span className="tile-label">{tile.label}</span>
              <span className="tile-help">{tile.help}</span>
            </li>
          ))}
        </ul>
      )}
      {figures?.devices === 0 && (
        <EmptyState title="No devices yet">
          <p>
            Isopatch starts from your device inventory. Export the device list from your CMMS or asset tool
            (CSV or Excel) and <a href={hrefOf('devices', 'import')}>import the device list</a>. Then load the
            vendor advisories under <a href={hrefOf('advisories')}>Advisories</a> and confirm which devices
            are affected.
          </p>
        </EmptyState>
      )}
    </>
  );
}

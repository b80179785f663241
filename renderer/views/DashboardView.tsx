import { useEffect } from 'react';
import type { DashboardFigures } from '../../electron/api/schemas/status';
import { FirstRun } from '../components/FirstRun';
import { useDashboardStore } from '../stores/dashboard';
import { DashboardStatus } from './dashboard/DashboardStatus';

const tiles: readonly { key: keyof DashboardFigures; label: string; help: string }[] = [
  { key: 'devices', label: 'Devices', help: '' },
  { key: 'advisories', label: 'Advisories', help: 'tracked' },
  { key: 'upcomingWindows', label: 'Planned windows', help: 'still to come' },
  { key: 'importBatches', label: 'Imports', help: 'device lists imported' },
];

/** "in the inventory (1 decommissioned)": the count includes them, as Devices and the register do. */
const devicesHelp = (decommissioned: number) =>
  decommissioned === 0 ? 'in the inventory' : `in the inventory (${decommissioned} decommissioned)`;

export function DashboardView() {
  const figures = useDashboardStore((state) => state.figures);
  const load = useDashboardStore((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <h1>Dashboard</h1>
      {figures && figures.devices > 0 && <DashboardStatus figures={figures} />}
      {figures && (
        <ul className="tiles" aria-label="Figures">
          {tiles.map((tile) => (
            <li key={tile.key} className="tile">
              <span className="tile-figure" data-testid={`figure-${tile.key}`}>
                {figures[tile.key]}
              </span>
              <span className="tile-label">{tile.label}</span>
              <span className="tile-help">
                {tile.key === 'devices' ? devicesHelp(figures.decommissionedDevices) : tile.help}
              </span>
            </li>
          ))}
        </ul>
      )}
      {figures?.devices === 0 && <FirstRun />}
    </>
  );
}

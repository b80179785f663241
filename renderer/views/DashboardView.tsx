import { useEffect } from 'react';
import type { DashboardFigures } from '../../electron/api/schemas/status';
import { FirstRun } from '../components/FirstRun';
import { useDashboardStore } from '../stores/dashboard';
import { hrefOf } from '../stores/navigation';
import '../styles/dashboard.css';
import { DashboardStatus } from './dashboard/DashboardStatus';

/** Each figure leads to where its things are. */
const tiles: readonly { key: keyof DashboardFigures; label: string; help: string; href: string }[] = [
  { key: 'devices', label: 'Devices', help: '', href: hrefOf('devices') },
  { key: 'advisories', label: 'Advisories', help: 'tracked', href: hrefOf('advisories') },
  { key: 'upcomingWindows', label: 'Planned windows', help: 'still to come', href: hrefOf('schedule') },
  {
    key: 'importBatches',
    label: 'Imports',
    help: 'device lists imported',
    href: hrefOf('devices', 'import'),
  },
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
            <li key={tile.key}>
              <a className="tile tile-link" href={tile.href}>
                <span className="tile-figure" data-testid={`figure-${tile.key}`}>
                  {figures[tile.key]}
                </span>
                <span className="tile-label">{tile.label}</span>
                <span className="tile-help">
                  {tile.key === 'devices' ? devicesHelp(figures.decommissionedDevices) : tile.help}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {figures?.devices === 0 && <FirstRun />}
    </>
  );
}

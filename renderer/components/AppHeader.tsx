import { useDatabaseStore } from '../stores/database';
import { useSettingsStore } from '../stores/settings';
import { DemoBanner } from './DemoBanner';
import { ShortcutsHelp } from './ShortcutsHelp';

export function AppHeader() {
  const status = useDatabaseStore((state) => state.status);
  const organizationName = useSettingsStore(
    (state) => state.settings?.organizationName ?? status?.organizationName,
  );
  return (
    <header className="app-header">
      <span className="app-name">Isopatch</span>
      <span className="organization" data-testid="organization-name">
        {organizationName || 'Organization not set'}
      </span>
      {status?.demo && <DemoBanner />}
      {status && (
        <span className="database-path" title={status.databasePath}>
          Database: <code>{status.databasePath}</code>
        </span>
      )}
      <ShortcutsHelp />
    </header>
  );
}

import { type ComponentType, useEffect, useRef } from 'react';
import { AppHeader } from './components/AppHeader';
import { DatabaseRefused } from './components/DatabaseRefused';
import { ErrorSurface } from './components/ErrorSurface';
import { Navigation } from './components/Navigation';
import { useGlobalShortcuts } from './keyboard/shortcuts';
import { useDatabaseStore } from './stores/database';
import { useNavigationStore, type ViewId } from './stores/navigation';
import { useSettingsStore } from './stores/settings';
import { AdvisoriesView } from './views/advisories/AdvisoriesView';
import { DashboardView } from './views/DashboardView';
import { DevicesView } from './views/devices/DevicesView';
import { ReportsView, ScheduleView } from './views/PlaceholderViews';
import { SettingsView } from './views/settings/SettingsView';

const viewComponents: Record<ViewId, ComponentType> = {
  dashboard: DashboardView,
  devices: DevicesView,
  advisories: AdvisoriesView,
  schedule: ScheduleView,
  reports: ReportsView,
  settings: SettingsView,
};

export function App() {
  const loaded = useDatabaseStore((state) => state.loaded);
  const refusal = useDatabaseStore((state) => state.refusal);
  const view = useNavigationStore((state) => state.view);
  const main = useRef<HTMLElement>(null);
  const firstView = useRef(true);
  useGlobalShortcuts();

  useEffect(() => {
    void useDatabaseStore
      .getState()
      .load()
      .then(() => useSettingsStore.getState().load())
      .finally(() => {
        document.body.dataset.ready = 'true';
      });
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose each time the view changes
  useEffect(() => {
    // After the first paint, moving to another view moves keyboard and screen-reader focus to it.
    if (firstView.current) firstView.current = false;
    else main.current?.focus();
  }, [view]);

  if (!loaded) return <p className="loading">Opening the database…</p>;
  if (refusal) return <DatabaseRefused refusal={refusal} />;

  const View = viewComponents[view];
  return (
    <div className="app">
      {/* A button, not a #main link: the address's fragment holds the current view. */}
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
        Skip to content
      </button>
      <AppHeader />
      <Navigation />
      <main id="main" className="app-main" ref={main} tabIndex={-1} data-view={view}>
        <ErrorSurface />
        <View />
      </main>
    </div>
  );
}

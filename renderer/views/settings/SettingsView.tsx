import { useEffect } from 'react';
import { useSettingsStore } from '../../stores/settings';
import { DatabaseInfo } from './DatabaseInfo';
import { OrganizationForm } from './OrganizationForm';
import { ProductsSettings } from './ProductsSettings';
import { PlanningSettings } from './planning/PlanningSettings';
import { RecentChanges } from './RecentChanges';

export function SettingsView() {
  const settings = useSettingsStore((state) => state.settings);
  const load = useSettingsStore((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      <h1>Settings</h1>
      {settings && <OrganizationForm settings={settings} />}
      <PlanningSettings />
      <ProductsSettings />
      <DatabaseInfo />
      <RecentChanges />
    </>
  );
}

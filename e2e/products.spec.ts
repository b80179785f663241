import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  chooseInventoryFile,
  expect,
  expectNoSeriousAxeViolations,
  openApp,
  test,
  type WebApp,
} from './fixtures';

const INVENTORY = join(import.meta.dirname, 'fixtures', 'siemens-inventory.csv');

/** The five-device Siemens inventory: Symbia T16 matches the table, the two Intevo Bold are only suggested. */
async function importInventory(page: Page, app: WebApp) {
  await openApp(page, app);
  await chooseInventoryFile(page, app, INVENTORY);
  await page.getByRole('button', { name: 'Import 5 devices' }).click();
  await expect(page.getByText('5 added')).toBeVisible();
}

const nav = (page: Page, view: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: view }).click();

test('adding a model to a family in Settings > Products makes its devices matched', async ({ page, app }) => {
  await importInventory(page, app);
  await nav(page, 'Advisories');
  const win7 = page
    .getByRole('region', { name: /advisories$/ })
    .getByRole('row', { name: /ICSMA-17-215-02/ });
  await expect(win7).toContainText('1 affected, 2 suggested');
  await expect(win7).toContainText('1 exposed');

  await nav(page, 'Settings');
  const products = page.getByRole('region', { name: 'Products' });
  const spectCt = products.getByRole('list', { name: 'Models of SPECT/CT Systems' });
  await expect(spectCt.getByRole('listitem').filter({ hasText: 'Symbia T16' })).toContainText('bundled');
  const add = products.getByRole('form', { name: 'Add a model to SPECT/CT Systems' });
  await add.getByLabel('Model name').fill('Intevo Bold');
  await add.getByRole('button', { name: 'Add' }).click();
  await expect(products.getByRole('status')).toHaveText(
    'Intevo Bold is now in SPECT/CT Systems; the family has 3 devices.',
  );
  await expect(spectCt.getByRole('listitem').filter({ hasText: /^Intevo Bold/ })).toContainText('added here');
  await expect(spectCt.getByRole('listitem').filter({ hasText: /^Intevo Bold/ })).toContainText('2 devices');
  await expectNoSeriousAxeViolations(page);
  await products.screenshot({ path: 'e2e/.artifacts/screens/settings-products.png' });

  await nav(page, 'Advisories');
  await expect(win7).toContainText('3 affected');
  await expect(win7).toContainText('3 exposed');
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'e2e/.artifacts/screens/advisories-list.png', fullPage: true });

  // Removing the model again is the undo: the two devices are only suggested again.
  await nav(page, 'Settings');
  await products.getByRole('button', { name: 'Remove Intevo Bold from SPECT/CT Systems' }).click();
  await expect(products.getByRole('status')).toHaveText(
    'Intevo Bold is no longer in SPECT/CT Systems; the family has 1 device.',
  );
});

test('a patch for one version range reaches the devices whose version is in it', async ({ page, app }) => {
  await importInventory(page, app);
  await page.goto(`${app.origin}/#/advisories/ICSMA-17-215-02`);
  await expect(page.getByRole('heading', { level: 1, name: /ICSMA-17-215-02/ })).toBeVisible();
  await page.getByText('Add a version range for SPECT/CT Systems…').click();
  const range = page.getByRole('form', { name: 'Add a version range to SPECT/CT Systems' });
  await range.getByLabel('Version range').fill('<= VB22A');
  await range.getByLabel('Patch status').selectOption('available');
  await range.getByLabel('Available from').fill('2018-03-01');
  await range.getByLabel("Vendor's update").fill('VB22A-UD03');
  await range.getByRole('button', { name: 'Add range to SPECT/CT Systems' }).click();
  const saved = page.getByRole('form', {
    name: 'Patch for SPECT/CT Systems, versions <= VB22A',
    exact: true,
  });
  await expect(saved.getByLabel('Patch status')).toHaveValue('available');
  await expect(
    page.getByRole('form', { name: 'Patch for SPECT/CT Systems', exact: true }).getByLabel('Patch status'),
  ).toHaveValue('announced');
  await expect(
    page.getByText(/SPECT\/CT Systems, versions <= VB22A: not set → available from 2018-03-01/),
  ).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'e2e/.artifacts/screens/advisory-patch-ranges.png', fullPage: true });

  await nav(page, 'Devices');
  await page.getByRole('button', { name: 'NM-001' }).click();
  // Symbia T16 at VB22A is in the range: the patch is available, which raises its priority from 98.
  await expect(page.getByRole('complementary', { name: /NM-001/ })).toContainText('priority 108');
});

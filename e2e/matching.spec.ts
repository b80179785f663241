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

/** The five-device Siemens inventory, imported through the wizard as a person does. */
async function importInventory(page: Page, app: WebApp) {
  await openApp(page, app);
  await chooseInventoryFile(page, app, INVENTORY);
  await page.getByRole('button', { name: 'Import 5 devices' }).click();
  await expect(page.getByText('5 added')).toBeVisible();
}

test('confirm the suggested matches of one model, make a patch available and see the priority change', async ({
  page,
  app,
}) => {
  await importInventory(page, app);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Advisories' }).click();
  const review = page.getByRole('region', { name: 'Matches to confirm' });
  await expect(review.getByRole('rowheader', { name: 'Intevo Bold' })).toBeVisible();
  await expect(review.getByRole('row', { name: /Intevo Bold/ })).toContainText('2');
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'e2e/.artifacts/screens/matching-review.png', fullPage: true });
  await review.getByRole('button', { name: 'Confirm Intevo Bold as SPECT/CT Systems' }).click();
  await expect(review.getByRole('status')).toHaveText(
    'Intevo Bold is now in SPECT/CT Systems; 2 devices follow the rule.',
  );
  // The decided row is gone; focus is on the section, not lost to the page.
  await expect(review.getByRole('heading', { name: 'Matches to confirm' })).toBeFocused();
  await expect(review.getByText('No suggested matches wait for a decision.')).toBeVisible();

  await page.getByRole('link', { name: 'Devices' }).first().click();
  await page.getByRole('button', { name: 'NM-002' }).click();
  const drawer = page.getByRole('complementary', { name: /NM-002/ });
  await expect(drawer).toContainText('priority 98');
  await expect(drawer).toContainText(
    'model Intevo Bold -> SPECT/CT Systems (confirmed rule); OS Windows 7 -> ICSMA-17-215-02',
  );
  await drawer.getByRole('link', { name: 'ICSMA-17-215-02' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /ICSMA-17-215-02/ })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'CVE-2015-1497' })).toBeVisible();
  await expect(page.getByText('HP Client Automation: TCP 3465').first()).toBeVisible();
  const patch = page.getByRole('form', { name: 'Patch for SPECT/CT Systems' });
  await patch.getByLabel('Patch status').selectOption('available');
  await patch.getByLabel('Available from').fill('2018-03-01');
  await patch.getByLabel("Vendor's update").fill('VB22A-UD03');
  await patch.getByRole('button', { name: 'Save SPECT/CT Systems' }).click();
  await expect(patch.getByRole('status')).toHaveText('Saved.');
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'e2e/.artifacts/screens/matching-advisory.png', fullPage: true });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices' }).click();
  await page.getByRole('button', { name: 'NM-002' }).click();
  await expect(page.getByRole('complementary', { name: /NM-002/ })).toContainText('priority 108');
  await page.screenshot({ path: 'e2e/.artifacts/screens/matching-drawer.png', fullPage: true });
});

test('a suggested model can be decided not affected, with the reason kept', async ({ page, app }) => {
  await importInventory(page, app);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Advisories' }).click();
  const review = page.getByRole('region', { name: 'Matches to confirm' });
  await review.getByText('Not affected…').click();
  await review
    .getByLabel('Why Intevo Bold is not affected')
    .fill('Demonstration units without a network port.');
  await review.getByRole('button', { name: 'Mark Intevo Bold not affected' }).click();
  await expect(review.getByRole('status')).toHaveText(
    'Intevo Bold is not affected; 2 devices follow the rule.',
  );
  await expect(review.getByText('No suggested matches wait for a decision.')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test('a match that needs review is decided in the drawer: marked affected, it stops waiting for a person', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await chooseInventoryFile(page, app, {
    name: 'unknown-os.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Asset Tag,Manufacturer,Model,OS\nU-1,Siemens,Symbia T16,\n'),
  });
  await page.getByRole('button', { name: 'Import 1 device' }).click();
  await expect(page.getByText('1 added')).toBeVisible();

  await page.goto(`${app.origin}/#/devices?group=match-to-confirm`);
  await page.getByRole('button', { name: 'U-1' }).click();
  const drawer = page.getByRole('complementary', { name: /U-1/ });
  await expect(drawer).toContainText('Affected, needs review');
  await drawer.getByRole('button', { name: 'Mark affected' }).click();
  await expect(drawer).toContainText('Affected, assessed by a person');
  await expect(drawer.getByRole('button', { name: 'Mark affected' })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  await page.goto(`${app.origin}/#/devices?group=match-to-confirm`);
  await expect(page.getByRole('status').filter({ hasText: 'devices' })).toHaveText('0 devices');
});

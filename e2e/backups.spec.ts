import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectNoSeriousAxeViolations, openApp, startWebApp, test } from './fixtures';
import { api } from './reports-hospital';

const INVENTORY =
  'Asset Tag,Manufacturer,Model,OS,Department\n' +
  'NM-1,Siemens,Symbia T16,Windows 7,Nuclear Medicine\n' +
  'NM-2,Siemens,Symbia T16,Windows 7,Nuclear Medicine\n';

test('Settings > Database lists the backups and restores one in place of the database in use, which is kept aside', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(60_000);
  const db = join(dataDir, 'isopatch.sqlite');
  // Yesterday's work, then a start of the app: the first start of an existing file makes the day's backup.
  const first = await startWebApp(db);
  try {
    await api(first, 'updateSettings', { organizationName: 'Klinikum Nord', siteTimeZone: 'Europe/Berlin' });
    await api(first, 'importDevices', {
      fileName: 'cmms.csv',
      content: Buffer.from(INVENTORY).toString('base64'),
      options: {},
    });
  } finally {
    await first.stop();
  }
  const app = await startWebApp(db);
  try {
    // A mistake after the backup: a device decommissioned and the organization renamed.
    await api(app, 'setDeviceState', { assetTag: 'NM-1', state: 'decommissioned' });
    await api(app, 'updateSettings', { organizationName: 'Wrong name', siteTimeZone: 'Europe/Berlin' });
    const [backup] = (await api<{ backups: { path: string; createdAt: string }[] }>(app, 'listBackups'))
      .backups;
    if (!backup) throw new Error('The start was expected to make a backup.');
    const fileName = backup.path.split(/[\\/]/).at(-1) ?? '';

    await openApp(page, app);
    await expect(page.getByTestId('organization-name')).toHaveText('Wrong name');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const database = page.getByRole('region', { name: 'Database' });
    const table = database.getByRole('table', { name: 'Backups' });
    await expect(table.getByRole('row')).toHaveCount(2); // the header and the one backup
    // Found by its file: the restore adds a newer backup above it.
    const row = table.getByRole('row').filter({ hasText: fileName });
    await expect(row).toContainText('Daily, at start');
    await expect(row).toContainText(fileName);
    await expect(row).toContainText(/\d+\.\d MB/);
    await expect(row.locator('time')).toHaveAttribute('datetime', backup.createdAt);
    const restore = row.getByRole('button', {
      name: /^Restore the backup of \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}…$/,
    });
    await restore.scrollIntoViewIfNeeded();
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: 'e2e/.artifacts/screens/backups.png' });

    // From the keyboard: Restore… asks first and says what happens; Escape leaves everything as it was.
    await restore.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Restore from a backup' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('radio', { name: /Daily, at start/ })).toBeChecked();
    await expect(dialog).toContainText(
      'Every change made since the backup was made is no longer in the database',
    );
    await expect(dialog).toContainText('isopatch.sqlite.replaced-<time>');
    await expect(dialog).toContainText('saved first as a backup ("Before a restore")');
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: 'e2e/.artifacts/screens/backups-restore-dialog.png' });
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(restore).toBeFocused();
    await expect(page.getByTestId('organization-name')).toHaveText('Wrong name');

    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Restore this backup' }).press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(database.getByRole('status').filter({ hasText: 'Restored the backup' })).toContainText(
      fileName,
    );
    await expect(restore).toBeFocused();
    // Every view shows the restored data without a reload: the header, the settings, the register, the audit log.
    await expect(page.getByTestId('organization-name')).toHaveText('Klinikum Nord');
    await expect(page.getByRole('textbox', { name: 'Organization name' })).toHaveValue('Klinikum Nord');
    await expect(page.getByRole('region', { name: 'Recent changes' })).toContainText('restore');
    // The database as it was before is now a backup of its own: the restore can be undone from the list.
    await expect(database.getByRole('row', { name: /Before a restore/ })).toHaveCount(1);
    await page.screenshot({ path: 'e2e/.artifacts/screens/backups-restored.png' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices' }).click();
    const list = page.getByRole('region', { name: 'Device list' });
    await expect(list.getByRole('row', { name: /NM-1/ })).toContainText('Affected');
    await expect(list.getByRole('row', { name: /NM-1/ })).not.toContainText('Decommissioned');
  } finally {
    await app.stop();
  }
  // The replaced database is kept beside it, never deleted.
  expect(
    readdirSync(dataDir).filter((name) => /^isopatch\.sqlite\.replaced-\d{8}-\d{9}$/.test(name)),
  ).toHaveLength(1);
});

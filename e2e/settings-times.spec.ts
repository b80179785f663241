import { join } from 'node:path';
import { expect, expectNoSeriousAxeViolations, openApp, startWebApp, test } from './fixtures';
import { api } from './reports-hospital';

const SITE_ZONE = 'Europe/Berlin';
// The browser's zone is UTC, as on the reviewer's machine: a time shown in it instead of the site's differs.
test.use({ timezoneId: 'UTC' });

/** An instant as the app writes it in the site's zone, to the second or to the minute. */
const siteTime = (iso: string, timeStyle: 'medium' | 'short' = 'medium') =>
  new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle, timeZone: SITE_ZONE }).format(
    new Date(iso),
  );

interface Backup {
  readonly path: string;
  readonly createdAt: string;
  readonly reason: string;
}

/** A database in the site's zone with the day's backup, and the app on it (its next start made the backup). */
async function appWithBackup(dataDir: string) {
  const db = join(dataDir, 'isopatch.sqlite');
  const first = await startWebApp(db);
  try {
    await api(first, 'updateSettings', { organizationName: 'Klinikum Nord', siteTimeZone: SITE_ZONE });
  } finally {
    await first.stop();
  }
  const app = await startWebApp(db);
  const [backup] = (await api<{ backups: Backup[] }>(app, 'listBackups')).backups;
  if (!backup) {
    await app.stop();
    throw new Error('The start was expected to make a backup.');
  }
  return { app, backup };
}

test('backups, the restore dialog and Recent changes write times in the site zone, and say which once', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(60_000);
  const { app, backup } = await appWithBackup(dataDir);
  try {
    await openApp(page, app);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const database = page.getByRole('region', { name: 'Database' });
    const table = database.getByRole('table', { name: 'Backups' });
    const row = table.getByRole('row').filter({ hasText: 'Daily, at start' });
    await expect(row.locator('time')).toHaveText(siteTime(backup.createdAt));
    await expect(table.getByRole('columnheader', { name: `Made (${SITE_ZONE})` })).toBeVisible();
    const restore = row.getByRole('button', { name: `Restore the backup of ${siteTime(backup.createdAt)}…` });
    await restore.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e/.artifacts/screens/settings-times-backups.png' });

    await restore.click();
    const dialog = page.getByRole('dialog', { name: 'Restore from a backup' });
    await expect(
      dialog.getByRole('radio', { name: new RegExp(`^${siteTime(backup.createdAt)}`) }),
    ).toBeChecked();
    await expect(dialog.getByRole('group')).toContainText(`(times in ${SITE_ZONE})`);
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: 'e2e/.artifacts/screens/settings-times-restore-dialog.png' });
    await dialog.getByRole('button', { name: 'Restore this backup' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(database.getByRole('status')).toContainText(
      `Restored the backup of ${siteTime(backup.createdAt)}`,
    );

    // The restore as a backup and as a change: the same moment, the same zone, in words.
    const beforeRestore = (await api<{ backups: Backup[] }>(app, 'listBackups')).backups.find(
      (b) => b.reason === 'before-restore',
    );
    const [entry] = await api<{ at: string }[]>(app, 'listAudit', { entity: 'database' });
    if (!beforeRestore || !entry) throw new Error('The restore was expected to make a backup and an entry.');
    await expect(table.getByRole('row').filter({ hasText: 'Before a restore' }).locator('time')).toHaveText(
      siteTime(beforeRestore.createdAt),
    );
    const change = page
      .getByRole('region', { name: 'Recent changes' })
      .getByRole('row')
      .filter({ hasText: 'restore database' });
    await expect(change.getByRole('cell').first()).toHaveText(siteTime(entry.at, 'short'));
    await expect(change).toContainText(`restored from backup: ${backup.path}`);
    await expect(change).toContainText(/replaced file kept as: \S+\.replaced-\d{8}-\d{9}/);
    await expect(change).not.toContainText('was ');
    await expect(change).not.toContainText('[');
    await change.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e/.artifacts/screens/settings-times-restored.png' });
  } finally {
    await app.stop();
  }
});

test('Settings > Database names the backups once: their heading, with their folder under it', async ({
  page,
  dataDir,
}) => {
  const { app } = await appWithBackup(dataDir);
  try {
    await openApp(page, app);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const database = page.getByRole('region', { name: 'Database' });
    await expect(database.getByText('Backups', { exact: true })).toHaveCount(1);
    await expect(database.getByRole('heading', { name: 'Backups' })).toBeVisible();
    await expect(database.locator('.backups-panel')).toContainText(join(dataDir, 'backups'));
    await expectNoSeriousAxeViolations(page);
  } finally {
    await app.stop();
  }
});

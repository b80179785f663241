import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOSTILE } from '../electron/testing/hostile-text';
import { tableChecksums } from '../electron/testing/table-checksums';
import { expect, expectNoSeriousAxeViolations, openApp, startWebApp, test } from './fixtures';

const CLI = join(import.meta.dirname, '..', 'dist', 'electron', 'cli.cjs');
const VIEWS = ['Dashboard', 'Devices', 'Advisories', 'Schedule', 'Reports', 'Settings'] as const;
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

function isopatch(db: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, '--db', db, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`isopatch ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

/** A database of a few devices whose fields hold markup, SQL and formulas, imported with the CLI. */
function hostileHospital(dataDir: string): string {
  const db = join(dataDir, 'isopatch.sqlite');
  const rows = HOSTILE.map((value, i) => [
    `H-${String(i).padStart(2, '0')}`,
    'Siemens',
    value,
    'Nuclear Medicine',
    value,
    'Windows 7',
    value,
  ]);
  const csv = [
    'Asset Tag,Manufacturer,Model,Department,Location,OS,Notes',
    ...rows.map((r) => r.map(quoted).join(',')),
  ];
  writeFileSync(join(dataDir, 'hostile.csv'), csv.join('\r\n'));
  isopatch(db, 'import-devices', join(dataDir, 'hostile.csv'));
  return db;
}

test('a damaged database offers its backups with their times, restores one and keeps the damaged file', async ({
  page,
  dataDir,
}) => {
  const db = hostileHospital(dataDir);
  isopatch(db, 'status'); // the first start of an existing file makes the daily backup
  truncateSync(db, 5000);
  const damaged = sha(db);
  const app = await startWebApp(db);
  try {
    await openApp(page, app);
    await expect(page.getByRole('heading', { name: 'The database was not opened' })).toBeVisible();
    await page.getByRole('button', { name: 'Restore from a backup…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore from a backup' });
    await expect(dialog).toBeVisible();
    const choice = dialog.getByRole('radio');
    await expect(choice).toHaveCount(1);
    await expect(choice).toBeChecked();
    await expect(dialog.getByText('Daily, at start')).toBeVisible();
    await expect(dialog.locator('time')).toHaveAttribute(
      'datetime',
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
    );
    await expect(dialog).toContainText('isopatch.sqlite.damaged-<time>');
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: 'e2e/.artifacts/screens/restore-dialog.png', fullPage: true });

    await dialog.getByRole('button', { name: 'Restore this backup' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByTestId('figure-devices')).toHaveText(String(HOSTILE.length));
  } finally {
    await app.stop();
  }
  const kept = readdirSync(dataDir).filter((name) => /^isopatch\.sqlite\.damaged-\d{8}-\d{9}$/.test(name));
  expect(kept).toHaveLength(1);
  expect(sha(join(dataDir, kept[0] ?? ''))).toBe(damaged);
});

test('Export database… downloads a copy whose every table matches the running database', async ({
  page,
  dataDir,
}) => {
  const db = hostileHospital(dataDir);
  const app = await startWebApp(db);
  try {
    await openApp(page, app);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export database…' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^isopatch-\d{8}-\d{4}\.sqlite$/);
    const copy = join(dataDir, 'elsewhere.sqlite');
    await file.saveAs(copy);
    await expect(page.getByRole('status').filter({ hasText: 'Exported a copy' })).toBeVisible();
    expect(tableChecksums(copy)).toEqual(tableChecksums(db)); // read while the app still runs
  } finally {
    await app.stop();
  }
});

test('markup, SQL and formulas in device fields show as text in every view, and never run', async ({
  page,
  dataDir,
}) => {
  const db = hostileHospital(dataDir);
  const app = await startWebApp(db);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  try {
    await openApp(page, app);
    for (const view of VIEWS) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: view }).click();
      await expect(page.getByRole('heading', { level: 1, name: view })).toBeVisible();
    }
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices' }).click();
    for (const value of HOSTILE.slice(0, 6))
      await expect(page.getByText(value, { exact: true }).first()).toBeVisible();
    await page.getByRole('button', { name: 'H-00' }).click();
    const drawer = page.getByRole('complementary', { name: /H-00/ });
    await expect(drawer).toContainText(HOSTILE[0]);
    await page.keyboard.press('Escape');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Advisories' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Advisories' })).toBeVisible();
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('script:not([src]), img[src="x"], svg[onload]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  } finally {
    await app.stop();
  }
});

test('an inventory file past 64 MB is refused before a byte of it is read', async ({
  page,
  app,
  dataDir,
}) => {
  const huge = join(dataDir, 'huge.csv');
  writeFileSync(huge, 'Asset Tag,Model\n');
  truncateSync(huge, 64 * 1024 * 1024 + 1); // sparse: as large as that, on disk in no time
  await openApp(page, app);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices' }).click();
  await page.getByRole('link', { name: 'Import devices' }).click();
  await page.getByLabel('Choose an inventory file').setInputFiles(huge);
  await expect(page.getByRole('alert')).toHaveText(
    'huge.csv is larger than the 64 MB a file may have here; nothing was read.',
  );
  expect(existsSync(huge)).toBe(true);
});

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectNoSeriousAxeViolations, openApp, startWebApp, test } from './fixtures';

const VIEWS = ['Dashboard', 'Devices', 'Advisories', 'Schedule', 'Reports', 'Settings'] as const;

test('the app opens on an empty dashboard whose figures come from the database', async ({ page, app }) => {
  await openApp(page, app);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const view of VIEWS) await expect(nav.getByRole('link', { name: view })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByTestId('figure-devices')).toHaveText('0');
  await expect(page.getByRole('heading', { name: 'No devices yet' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(app.databasePath);
  await expect(page.getByRole('banner')).toContainText('Organization not set');
});

test('every view opens and axe finds no serious or critical violation', async ({ page, app }) => {
  await openApp(page, app);
  for (const view of VIEWS) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: view }).click();
    await expect(page.getByRole('heading', { level: 1, name: view })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: view })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: `e2e/.artifacts/screens/${view.toLowerCase()}.png`, fullPage: true });
  }
});

test('organization name and site time zone are saved, audited, and survive a reload and a restart', async ({
  page,
  app,
  dataDir,
}) => {
  await openApp(page, app);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Organization name').fill('Klinikum Nord <b>Radiologie</b>');
  await page.getByLabel('Site time zone').selectOption('America/New_York');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('form', { name: 'Organization' }).getByRole('status')).toHaveText(
    'Settings saved.',
  );
  await expect(page.getByTestId('organization-name')).toHaveText('Klinikum Nord <b>Radiologie</b>');
  const audit = page.getByRole('table', { name: 'The newest entries of the audit log' });
  await expect(audit).toContainText('update organization');
  await expect(audit).toContainText('update site');

  await page.reload();
  await page.locator('body[data-ready="true"]').waitFor();
  await expect(page.getByLabel('Organization name')).toHaveValue('Klinikum Nord <b>Radiologie</b>');
  await expect(page.getByLabel('Site time zone')).toHaveValue('America/New_York');
  // The audit's times are the site's, as in the audit trail report, whatever the zone of this computer.
  const newYork = (minutesAgo: number) =>
    new Intl.DateTimeFormat('sv-SE', {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: 'America/New_York',
    }).format(new Date(Date.now() - minutesAgo * 60_000));
  const when = await audit.getByRole('row').nth(1).getByRole('cell').first().textContent();
  expect([newYork(0), newYork(1)]).toContain(when);

  await app.stop();
  const restarted = await startWebApp(join(dataDir, 'isopatch.sqlite'));
  try {
    await openApp(page, restarted);
    await expect(page.getByTestId('organization-name')).toHaveText('Klinikum Nord <b>Radiologie</b>');
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByLabel('Site time zone')).toHaveValue('America/New_York');
  } finally {
    await restarted.stop();
  }
});

test('an invalid organization name is explained at the field and nothing is saved', async ({ page, app }) => {
  await openApp(page, app);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Organization name').fill('   ');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('The organization name must not be empty.')).toBeVisible();
  await expect(page.getByLabel('Organization name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('organization-name')).toHaveText('Organization not set');
});

test('the keyboard reaches every view and the settings form', async ({ page, app }) => {
  await openApp(page, app);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeFocused();
  for (let i = 0; i < VIEWS.length; i++) await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Settings' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Organization name')).toBeFocused();
  await page.keyboard.type('Keyboard Hospital');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('form', { name: 'Organization' }).getByRole('status')).toHaveText(
    'Settings saved.',
  );
});

test('a damaged database file is named, explained and left untouched', async ({ page, dataDir }) => {
  const path = join(dataDir, 'isopatch.sqlite');
  writeFileSync(path, 'Inventarnummer;Hersteller\n000123;Siemens\n'.repeat(100));
  const before = createHash('sha256').update(readFileSync(path)).digest('hex');
  const app = await startWebApp(path);
  try {
    await openApp(page, app);
    await expect(page.getByRole('heading', { name: 'The database was not opened' })).toBeVisible();
    await expect(page.getByText(path).first()).toBeVisible();
    await expect(page.getByText(/not a SQLite database/)).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  } finally {
    await app.stop();
  }
  expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(before);
});

test('the page makes no request outside its own loopback origin', async ({ page, app }) => {
  const seen: string[] = [];
  page.on('request', (request) => seen.push(request.url()));
  await openApp(page, app);
  for (const view of VIEWS) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: view }).click();
    await expect(page.getByRole('heading', { level: 1, name: view })).toBeVisible();
  }
  expect(seen.length).toBeGreaterThan(3);
  expect(seen.filter((url) => !url.startsWith(`${app.origin}/`))).toEqual([]);
});

test('every view opens without a console error or a failed request', async ({ page, app }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  await openApp(page, app);
  for (const view of VIEWS) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: view }).click();
    await expect(page.getByRole('heading', { level: 1, name: view })).toBeVisible();
  }
  expect(problems).toEqual([]);
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectNoSeriousAxeViolations, openApp, startWebApp, test } from './fixtures';

const SCREENS = 'e2e/.artifacts/screens';

test('from an empty app, explore the demo hospital, then leave it for the real (still empty) database', async ({
  page,
  app,
  dataDir,
}) => {
  test.setTimeout(120_000);
  await openApp(page, app);
  await expect(page.getByRole('heading', { name: 'No devices yet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Import a device list' })).toHaveAttribute(
    'href',
    '#/devices/import',
  );
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: `${SCREENS}/first-run.png` });

  await page.getByRole('button', { name: 'Explore the demo hospital' }).click();
  // The page reloads on the demo's own file once it is written (a few seconds the first time).
  await expect(page.getByTestId('demo-banner')).toContainText('Demo hospital — not real data', {
    timeout: 90_000,
  });
  // About 300 (the dashboard may leave the decommissioned camera out).
  await expect(page.getByTestId('figure-devices')).toHaveText(/^(29\d|300)$/);
  await expect(page.getByTestId('organization-name')).toHaveText('St. Aurelia Hospital Group');
  await expect(page.getByRole('banner')).toContainText(join(dataDir, 'isopatch-demo.sqlite'));
  await expect(page.getByRole('heading', { name: 'No devices yet' })).toHaveCount(0);
  await expect(page).toHaveTitle('Isopatch (demo hospital)');
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: `${SCREENS}/demo-dashboard.png` });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices' }).click();
  const list = page.getByRole('region', { name: 'Device list' });
  await expect(list.getByRole('cell', { name: 'Symbia T16' }).first()).toBeVisible();
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/demo-devices.png` });

  await page.getByRole('button', { name: 'Leave the demo' }).click();
  await expect(page.getByRole('heading', { name: 'No devices yet' })).toBeVisible();
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  await expect(page.getByTestId('figure-devices')).toHaveText('0');
  await expect(page.getByRole('banner')).toContainText(app.databasePath);
  expect(existsSync(join(dataDir, 'isopatch-demo.sqlite'))).toBe(true);
});

test('npm run start:web -- --demo opens the demo hospital directly', async ({ page, dataDir }) => {
  test.setTimeout(120_000);
  const app = await startWebApp(join(dataDir, 'isopatch.sqlite'), ['--demo']);
  try {
    await openApp(page, app);
    await expect(page.getByTestId('demo-banner')).toContainText('Demo hospital — not real data');
    await expect(page.getByTestId('figure-devices')).toHaveText(/^(29\d|300)$/);
    await expect(page.getByRole('banner')).toContainText(join(dataDir, 'isopatch-demo.sqlite'));

    // Explored into a muddle, then started afresh: the banner asks first, and the demo comes back as generated.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Organization name').fill('Muddled Demo');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByTestId('organization-name')).toHaveText('Muddled Demo');
    const banner = page.getByTestId('demo-banner');
    await banner.getByRole('button', { name: 'Start afresh…' }).click();
    await expect(banner).toContainText('Generate it anew, dated today? Your changes go.');
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: `${SCREENS}/demo-restart-question.png` });
    await banner.getByRole('button', { name: 'Keep it' }).click();
    await expect(page.getByTestId('organization-name')).toHaveText('Muddled Demo');
    await banner.getByRole('button', { name: 'Start afresh…' }).click();
    await banner.getByRole('button', { name: 'Start afresh' }).click();
    await expect(page.getByTestId('organization-name')).toHaveText('St. Aurelia Hospital Group', {
      timeout: 60_000,
    });
    await expect(page.getByTestId('figure-devices')).toHaveText(/^(29\d|300)$/);
    await expect(banner).toContainText('Demo hospital — not real data');
  } finally {
    await app.stop();
  }
  // The real database the demo sits beside was never written by it.
  expect(existsSync(join(dataDir, 'isopatch.sqlite'))).toBe(false);
});

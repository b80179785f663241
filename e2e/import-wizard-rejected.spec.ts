import type { Page } from '@playwright/test';
import { chooseInventoryFile, expect, expectNoSeriousAxeViolations, openApp, test } from './fixtures';

// When every row is rejected nothing can be imported, but the rows and their reasons can be saved to fix.

const csvOf = async (page: Page, click: () => Promise<void>) => {
  const downloading = page.waitForEvent('download');
  await click();
  const download = await downloading;
  const chunks = await (await download.createReadStream()).toArray();
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
};

test('a file whose every row is rejected lists the rows and saves them as CSV without importing', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await chooseInventoryFile(page, app, {
    name: 'f.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Asset Tag,Serial\n,1\n,2\n'),
  });
  const rejected = page.getByRole('region', { name: 'Rejected rows' });
  await expect(rejected.getByRole('listitem')).toHaveText([
    'Row 2 has no asset tag, the key that identifies the device',
    'Row 3 has no asset tag, the key that identifies the device',
  ]);
  const commit = page.getByRole('button', { name: 'Import 0 devices' });
  await expect(commit).toBeDisabled();
  await expect(commit).toHaveAccessibleDescription(
    'Every row was rejected: fix them in the saved CSV and import it again.',
  );
  await expectNoSeriousAxeViolations(page);
  await rejected.evaluate((section) => section.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: 'e2e/.artifacts/screens/import-wizard-every-row-rejected.png' });

  const saved = await csvOf(page, () =>
    page.getByRole('button', { name: 'Save rejected rows as CSV' }).click(),
  );
  expect(saved.name).toBe('f-rejected-rows.csv');
  // The importer's own two columns first (their names are the core's), then the file's, row by row.
  const lines = saved.text.replace(/^\ufeff/, '').split('\r\n');
  expect(lines[0]).toMatch(/^[^,]+,[^,]+,Asset Tag,Serial$/);
  expect(lines.slice(1)).toEqual([
    '2,"has no asset tag, the key that identifies the device",,1',
    '3,"has no asset tag, the key that identifies the device",,2',
    '',
  ]);
  // Nothing was imported: no batch, still on the review.
  await expect(commit).toBeDisabled();
  await page.goto(`${app.origin}/#/devices`);
  await expect(page.getByRole('heading', { name: 'No devices in this database' })).toBeVisible();
});

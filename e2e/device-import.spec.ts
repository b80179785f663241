import { join } from 'node:path';
import { chooseInventoryFile, expect, expectNoSeriousAxeViolations, openApp, test } from './fixtures';

const GERMAN_EXPORT = join(import.meta.dirname, 'fixtures', 'de-inventar.csv');
const shot = (name: string) => ({ path: `e2e/.artifacts/screens/import-${name}.png`, fullPage: true });

test('import a German CMMS export through the wizard, adjust a mapping, find a device, then undo', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices' }).click();
  await expect(page.getByRole('heading', { name: 'No devices in this database' })).toBeVisible();
  await page.getByRole('link', { name: 'Import devices' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import devices' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.screenshot(shot('1-choose'));

  await page.getByLabel('Choose an inventory file').setInputFiles(GERMAN_EXPORT);
  await expect(page.getByRole('heading', { name: 'de-inventar.csv' })).toBeVisible();
  await expect(page.getByLabel('Encoding')).toHaveValue('windows-1252');
  await expect(page.getByText('semicolon (detected)')).toBeVisible();
  await expect(page.getByLabel('Date order')).toHaveValue('dmy');
  await expect(page.getByLabel('Field for column Inventarnummer')).toHaveValue('assetTag');
  await expect(page.getByLabel('Field for column Raum')).toHaveValue('location');
  // "Typ" reads as the model, which "Modell" already fills, so it starts as an extra attribute.
  await expect(page.getByLabel('Field for column Typ')).toHaveValue('');
  const rows = page.getByRole('region', { name: /First 8 of 8 rows/ });
  await expect(rows.getByRole('cell', { name: 'Hauptgebäude, Raum 0.12' })).toBeVisible();
  await expect(rows.getByRole('cell', { name: '„Leihgerät“ – bis 2027' })).toBeVisible();
  await page.screenshot(shot('2-review'));

  await page.getByLabel('Field for column Typ').selectOption('modality');
  await expect(page.getByLabel('Field for column Typ')).toHaveValue('modality');
  await expectNoSeriousAxeViolations(page);
  await page.screenshot(shot('3-mapping-changed'));

  await page.getByRole('button', { name: 'Import 8 devices' }).click();
  await expect(page.getByRole('heading', { name: 'Imported de-inventar.csv' })).toBeVisible();
  await expect(page.getByText('8 added, 0 updated, 0 unchanged, 0 rejected (batch 1).')).toBeVisible();
  await page.screenshot(shot('4-done'));

  await page.getByRole('link', { name: 'Show devices' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'devices' })).toHaveText('8 devices');
  await page.getByLabel('Search devices').fill('Intevo');
  await expect(page.getByRole('status').filter({ hasText: /^\d+ devices?$/ })).toHaveText('1 device');
  await page.screenshot(shot('5-register'));
  await page.getByRole('button', { name: 'MT-200002' }).click();
  const drawer = page.getByRole('complementary', { name: /MT-200002/ });
  await expect(drawer).toContainText('Siemens Healthineers');
  await expect(drawer).toContainText('SIEMENS HEALTHINEERS AG');
  await expect(drawer).toContainText('SPECT/CT');
  await expect(drawer).toContainText('2016-02-23');
  await expect(drawer).toContainText('Added by batch 1, de-inventar.csv');
  await expectNoSeriousAxeViolations(page);
  await page.screenshot(shot('6-drawer'));
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  await page.getByRole('link', { name: 'Import devices' }).click();
  // Undo asks first, saying what it will do.
  await page.getByRole('button', { name: 'Undo batch 1…' }).click();
  await expect(page.getByText('Remove the 8 devices it added.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo batch 1', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Import batch 1 was undone' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'devices' })).toHaveText('0 devices');
  await page.getByLabel('Search devices').fill('');
  await expect(page.getByRole('heading', { name: 'No devices in this database' })).toBeVisible();
});

test('a file that is not a table gets one sentence and changes nothing', async ({ page, app }) => {
  await openApp(page, app);
  await chooseInventoryFile(page, app, {
    name: 'inventory.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('%PDF-1.7\n1 0 obj << >> endobj'),
  });
  await expect(page.getByRole('alert')).toHaveText(
    'inventory.csv is a PDF document, not a table; export the inventory as CSV or Excel instead.',
  );
});

test('rejected rows can be saved as CSV after the wizard is closed, from Earlier imports', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await chooseInventoryFile(page, app, {
    name: 'ward-4.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Asset Tag,Model\nW1,Symbia T16\n,no tag\n'),
  });
  await page.getByRole('button', { name: 'Import 1 device' }).click();
  await expect(page.getByText('1 added, 0 updated, 0 unchanged, 1 rejected (batch 1).')).toBeVisible();
  await page.getByRole('button', { name: 'Import another file' }).click();

  const history = page.getByRole('region', { name: 'Earlier imports' });
  const saving = page.waitForEvent('download');
  await history.getByRole('button', { name: 'Save as CSV: the 1 rejected row of batch 1' }).click();
  const download = await saving;
  expect(download.suggestedFilename()).toBe('ward-4-rejected-rows.csv');
  const text = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(text).toString('utf8')).toBe(
    '\ufeffRejected row,Why rejected,Asset Tag,Model\r\n3,"has no asset tag, the key that identifies the device",,no tag\r\n',
  );
  await expectNoSeriousAxeViolations(page);
});

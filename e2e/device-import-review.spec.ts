import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chooseInventoryFile, expect, openApp, test } from './fixtures';

const GERMAN_EXPORT = join(import.meta.dirname, 'fixtures', 'de-inventar.csv');

const currentStep = (page: import('@playwright/test').Page) =>
  page.getByRole('list', { name: 'Import steps' }).locator('[aria-current="step"]');

test('a header row the file cannot have is said on the review, which keeps the mapping', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await chooseInventoryFile(page, app, GERMAN_EXPORT);
  await page.getByLabel('Field for column Typ').selectOption('modality');
  await expect(page.getByLabel('Field for column Typ')).toHaveValue('modality');

  const totals = page.getByRole('heading', { name: 'What the import would do' });
  for (const row of ['9999', '50', '1500']) {
    await page.getByLabel('Header row').fill(row);
    await page.getByLabel('Header row').blur();
    await expect(page.getByRole('alert')).toHaveText(
      new RegExp(`^de-inventar\\.csv has no header in row ${row}[.;]`),
    );
    await expect(currentStep(page)).toContainText('Review');
    // The row stays as typed; the mapping and totals of another header row are not shown as this one's.
    await expect(page.getByLabel('Header row')).toHaveValue(row);
    await expect(
      page.getByRole('heading', { name: `cannot be read with the header in row ${row}` }),
    ).toBeVisible();
    await expect(page.getByLabel('Field for column Typ')).toBeHidden();
    await expect(totals).toBeHidden();
  }
  await page.screenshot({ path: 'e2e/.artifacts/screens/import-wizard-header-row-unreadable.png' });
  // Back to the header row found, the mapping edits are still there and can be changed.
  await page.getByRole('button', { name: 'Go back to what was detected: header row 1' }).click();
  await expect(page.getByLabel('Header row')).toHaveValue('1');
  await expect(totals).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByLabel('Field for column Typ')).toHaveValue('modality');
  await page.getByLabel('Field for column Bemerkung').selectOption('location');
  await expect(page.getByLabel('Field for column Bemerkung')).toHaveValue('location');
  await expect(page.getByLabel('Field for column Typ')).toHaveValue('modality');
  await expect(page.getByRole('alert')).toHaveCount(1); // the mapping problem: Raum and Bemerkung are both location
});

test('a file mixing UTF-8 and Windows-1252 is shown, cannot be imported, and imports once an encoding is chosen', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await chooseInventoryFile(page, app, {
    name: 'm.csv',
    mimeType: 'text/csv',
    buffer: Buffer.concat([
      Buffer.from('Asset Tag,Manufacturer,Notes\nM-1,Müller,Größe\nM-2,Dräger,caf', 'utf8'),
      Buffer.from([0xe9, 0x0a]),
    ]),
  });
  await expect(
    page.getByText(/^m\.csv mixes encodings: it has UTF-8 text, but row 3 \(column "Notes"\)/),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import 2 devices' })).toBeDisabled();
  await page.getByLabel('Encoding').selectOption('windows-1252');
  await expect(page.getByRole('button', { name: 'Import 2 devices' })).toBeEnabled();
});

test('hidden sheets are listed as hidden and not taken by default', async ({ page, app }) => {
  const book = new ExcelJS.Workbook();
  const hidden = book.addWorksheet('Old export', { state: 'hidden' });
  hidden.addRow(['Asset Tag', 'Serial', 'Manufacturer', 'Model']);
  hidden.addRow(['H-1', 'S-1', 'GE', 'Discovery']);
  const visible = book.addWorksheet('Devices');
  visible.addRow(['Asset Tag', 'Model']);
  visible.addRow(['V-1', 'Symbia']);
  await openApp(page, app);
  await chooseInventoryFile(page, app, {
    name: 'book.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await book.xlsx.writeBuffer()),
  });
  await expect(page.getByLabel('Sheet')).toHaveValue('Devices');
  await expect(page.getByLabel('Sheet').locator('option')).toHaveText(['Old export (hidden)', 'Devices']);
  await page.getByLabel('Sheet').selectOption('Old export');
  await expect(page.getByLabel('Field for column Serial')).toHaveValue('serial');
});

test('the result says a flagged date was left out and kept in the flags, other flagged values imported', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await chooseInventoryFile(page, app, {
    name: 'dates.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Asset Tag,Install Date,IP Address\nD-1,2010-02-30,10.0.0.1\nD-2,2010-02-03,10.0.0.300\n',
    ),
  });
  await page.getByRole('button', { name: 'Import 2 devices' }).click();
  await expect(page.getByRole('heading', { name: 'Flagged values', exact: true })).toBeVisible();
  await expect(page.getByText('(imported as written)')).toHaveCount(0);
  await expect(
    page.getByText(
      "Row 2, Install Date: “2010-02-30” is not a date that exists — kept as written in the device's flags; install date left empty",
    ),
  ).toBeVisible();
  await expect(
    page.getByText(
      'Row 3, IP Address: “10.0.0.300” is not a valid IPv4 or IPv6 address — imported as written',
    ),
  ).toBeVisible();
});

import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { chooseInventoryFile, expect, expectNoSeriousAxeViolations, openApp, test } from './fixtures';

// A choice of encoding, header row or sheet the file cannot be read with stays what the control shows, is said
// for that choice alone, hides what another reading found, and has a way back to what was detected.

const shot = (name: string) => ({ path: `e2e/.artifacts/screens/import-wizard-${name}.png` });

const totals = (page: Page) => page.getByRole('heading', { name: 'What the import would do' });

test('an encoding the file cannot be read in is shown as chosen, said alone, and undone by going back', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await chooseInventoryFile(page, app, {
    name: 'w.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Inventarnummer;Hersteller;Modell\r\nA-1;Müller Medizintechnik;Gerät\r\n', 'latin1'),
  });
  await expect(page.getByLabel('Encoding')).toHaveValue('windows-1252');

  // UTF-8 is refused for these bytes, and says so under the encoding.
  await page.getByLabel('Encoding').selectOption('utf-8');
  const notUtf8 = page.getByText(/^w\.csv is not UTF-8 as chosen/);
  await expect(notUtf8).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import 1 device' })).toBeDisabled();

  // Read as UTF-16 the bytes are no table: the select keeps that choice and only its problem is said.
  await page.getByLabel('Encoding').selectOption('utf-16le');
  await expect(page.getByRole('alert')).toHaveText(/^w\.csv does not look like a table/);
  await expect(page.getByLabel('Encoding')).toHaveValue('utf-16le');
  await expect(notUtf8).toBeHidden();
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(
    page.getByRole('heading', { name: 'w.csv cannot be read as UTF-16 little-endian' }),
  ).toBeVisible();
  await expect(page.getByLabel('Encoding')).toHaveAttribute('aria-invalid', 'true');
  // Nothing of another reading is shown as if it were this one.
  await expect(totals(page)).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Columns' })).toBeHidden();
  await expect(page.getByRole('button', { name: /^Import \d/ })).toBeHidden();
  await expect(page.getByText('semicolon (detected)')).toBeHidden();
  await expectNoSeriousAxeViolations(page);
  await page.screenshot(shot('encoding-unreadable'));

  await page.getByRole('button', { name: 'Go back to what was detected: Windows-1252' }).click();
  await expect(page.getByLabel('Encoding')).toHaveValue('windows-1252');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(totals(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import 1 device' })).toBeEnabled();
});

test('a sheet that is no table is shown as chosen until another sheet is chosen', async ({ page, app }) => {
  const book = new ExcelJS.Workbook();
  const devices = book.addWorksheet('Devices');
  devices.addRow(['Asset Tag', 'Model']);
  devices.addRow(['V-1', 'Symbia']);
  book.addWorksheet('Notes').addRow(['Exported on Monday']);
  await openApp(page, app);
  await chooseInventoryFile(page, app, {
    name: 'book.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await book.xlsx.writeBuffer()),
  });
  await expect(page.getByLabel('Sheet')).toHaveValue('Devices');

  await page.getByLabel('Sheet').selectOption('Notes');
  await expect(page.getByRole('alert')).toHaveText(/^book\.xlsx .*does not look like a table/);
  await expect(page.getByLabel('Sheet')).toHaveValue('Notes');
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(
    page.getByRole('heading', { name: 'book.xlsx cannot be read from sheet "Notes"' }),
  ).toBeVisible();
  await expect(totals(page)).toBeHidden();
  await page.screenshot(shot('sheet-unreadable'));

  // Choosing another sheet is a way back as well.
  await page.getByLabel('Sheet').selectOption('Devices');
  await expect(page.getByLabel('Sheet')).toHaveValue('Devices');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Import 1 device' })).toBeEnabled();
});

import { chooseInventoryFile, expect, openApp, test } from './fixtures';

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

// A monthly export again, with a cell left empty: the stored value stays, and the wizard says so before and after.

test('the review shows what an update changes, and counts the empty cells that keep a stored value', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await chooseInventoryFile(
    page,
    app,
    csv('v1.csv', 'Asset Tag,OS,Room\nU-1,Windows XP,R1\nU-2,Windows 7,R2\n'),
  );
  await page.getByRole('button', { name: 'Import 2 devices' }).click();
  await expect(page.getByRole('heading', { name: 'Imported v1.csv' })).toBeVisible();
  await page.getByRole('button', { name: 'Import another file' }).click();

  await chooseInventoryFile(page, app, csv('v2.csv', 'Asset Tag,OS,Room\nU-1,,R1\nU-2,Windows 10,\n'));
  await expect(
    page.getByText(
      '2 empty cells of devices already known keep the value stored before: an empty cell never erases.',
    ),
  ).toBeVisible();
  // What the update changes, beside it, before anything is written.
  const rows = page.getByRole('region', { name: 'Rows of the file' });
  await expect(rows.getByRole('row', { name: /^3 Update/ })).toContainText(
    'operating system: Windows 7 → Windows 10',
  );
  await rows.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/.artifacts/screens/import-wizard-update-changes.png' });
  await page.getByRole('button', { name: /^Import/ }).click();
  await expect(page.getByRole('heading', { name: 'Imported v2.csv' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('0 added, 1 updated, 1 unchanged');
  await expect(
    page.getByText('2 empty cells kept the value stored before (an empty cell never erases).'),
  ).toBeVisible();
});

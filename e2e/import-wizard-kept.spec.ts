import { chooseInventoryFile, expect, openApp, test } from './fixtures';

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

// A monthly export again, with a cell left empty: the stored value stays, and the wizard says so before and after.

test('empty cells that keep a stored value are counted in the review and the result', async ({
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

  await chooseInventoryFile(page, app, csv('v2.csv', 'Asset Tag,OS,Room\nU-1,,R1\nU-2,Windows 7,\n'));
  await expect(
    page.getByText(
      '2 empty cells of devices already known keep the value stored before: an empty cell never erases.',
    ),
  ).toBeVisible();
  await page.getByRole('button', { name: /^Import/ }).click();
  await expect(page.getByRole('heading', { name: 'Imported v2.csv' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('0 added, 0 updated, 2 unchanged');
  await expect(
    page.getByText('2 empty cells kept the value stored before (an empty cell never erases).'),
  ).toBeVisible();
});

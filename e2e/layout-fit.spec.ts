import type { Locator, Page } from '@playwright/test';
import { chooseInventoryFile, expect, expectNoSeriousAxeViolations, openApp, test } from './fixtures';
import { api } from './reports-hospital';

// The common hospital laptop: everything here must fit its width without scrolling sideways.
test.use({ viewport: { width: 1366, height: 768 } });

const base64 = (text: string) => Buffer.from(text).toString('base64');
const FIRST =
  'Asset Tag,Manufacturer,Model,OS,Department\n' +
  Array.from({ length: 6 }, (_, i) => `NM-${i + 1},Siemens,Symbia T16,Windows 7,Nuclear Medicine\n`).join('');
const SECOND = 'Asset Tag,Manufacturer,Model,OS,Department\nCT-1,Siemens,Somatom,Windows 10,Radiology\n';

/** Whether an element's content is wider than the element (it scrolls or is cut off sideways). */
const overflowsSideways = (locator: Locator) =>
  locator.evaluate((element) => element.scrollWidth > element.clientWidth + 1);

/** The lines a text takes: one rect per line of its first text node. */
const linesOf = (locator: Locator) =>
  locator.evaluate((element) => {
    const range = element.ownerDocument.createRange();
    range.selectNodeContents(element.firstChild);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  });

const pageScrollsSideways = (page: Page) => overflowsSideways(page.locator('html'));

test('Earlier imports fit 1366 pixels: undo asks in a row of its own, the hash is short and whole as text', async ({
  page,
  app,
}) => {
  for (const [fileName, content] of [
    ['cmms-export-main-site-and-heart-center.csv', FIRST],
    ['north-clinic-assets.csv', SECOND],
  ] as const)
    await api(app, 'importDevices', { fileName, content: base64(content), options: {} });
  const [, batch] = await api<{ id: number; sha256: string }[]>(app, 'listImportBatches');
  if (batch?.id !== 1) throw new Error('Batch 1 was expected second, the newest first.');

  await openApp(page, app);
  await page.goto(`${app.origin}/#/devices/import`);
  const history = page.getByRole('region', { name: 'Earlier imports' });
  const scroll = history.locator('.table-scroll');
  await expect(history.getByRole('row')).toHaveCount(3);
  const hash = history.getByRole('columnheader', { name: 'SHA-256 of the file' });
  expect(await linesOf(hash)).toBe(1);
  // Shown short, and whole as the cell's text and tooltip.
  const row = history.getByRole('row').filter({ hasText: 'cmms-export' });
  const hashCell = row.locator('code');
  await expect(hashCell).toHaveAttribute('title', batch.sha256);
  await expect(hashCell).toContainText(batch.sha256);
  await expect(hashCell.locator('[aria-hidden="true"]')).toHaveText(`${batch.sha256.slice(0, 8)}…`);
  expect(await overflowsSideways(scroll)).toBe(false);

  const undo = row.getByRole('button', { name: 'Undo batch 1…' });
  await undo.click();
  const question = history.getByText(
    'Undo batch 1 (cmms-export-main-site-and-heart-center.csv)? Remove the 6 devices it added.',
  );
  await expect(question).toBeVisible();
  await expect(undo).toHaveAttribute('aria-expanded', 'true');
  const confirm = history.getByRole('button', { name: 'Undo batch 1', exact: true });
  await expect(confirm).toBeFocused();
  // Read whole: nothing of the question is cut off, and the table still fits.
  expect(await overflowsSideways(scroll)).toBe(false);
  expect(await pageScrollsSideways(page)).toBe(false);
  const box = await question.boundingBox();
  const area = await scroll.boundingBox();
  if (!box || !area) throw new Error('The question and its table were expected on the page.');
  expect(box.x + box.width).toBeLessThanOrEqual(area.x + area.width);
  expect(await linesOf(hash)).toBe(1);
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'e2e/.artifacts/screens/layout-fit-undo-question.png' });

  await history.getByRole('button', { name: 'Keep it' }).click();
  await expect(question).toHaveCount(0);
  await expect(undo).toBeFocused();
  await page.keyboard.press('Enter');
  await confirm.click();
  await expect(history.getByRole('status')).toHaveText('Batch 1 undone: 6 devices removed, 0 restored.');
  await expect(row.getByRole('cell').last()).toHaveText('Undone');
});

test("the wizard's Encoding select is as wide as its longest choice", async ({ page, app }) => {
  await openApp(page, app);
  await chooseInventoryFile(page, app, 'e2e/fixtures/de-inventar.csv');
  const encoding = page.getByLabel('Encoding');
  await expect(encoding).toHaveValue('windows-1252');
  // The width the select takes when nothing limits it: its longest option and the arrow.
  const [shown, needed] = await encoding.evaluate((select) => {
    // A copy beside it (so it has the same font and padding), out of the grid's flow and free of its width.
    const free = select.cloneNode(true);
    free.style.cssText = 'position: absolute; width: auto; max-width: none; min-width: 0; visibility: hidden';
    select.after(free);
    const widths = [select.getBoundingClientRect().width, free.getBoundingClientRect().width];
    free.remove();
    return widths;
  });
  expect(shown).toBeGreaterThanOrEqual(Math.floor(needed ?? 0));
  expect(await pageScrollsSideways(page)).toBe(false);
  await encoding.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/.artifacts/screens/layout-fit-encoding.png' });
});

test("the register's Patch and Network filters and columns say their values in words", async ({
  page,
  app,
}) => {
  const inventory = `${FIRST}NM-XP,Siemens,Symbia T16,Windows XP,Nuclear Medicine\nPET-XP,Siemens,Biograph mCT,Windows XP,PET\n`;
  await api(app, 'importDevices', { fileName: 'cmms.csv', content: base64(inventory), options: {} });
  // Every patch status a device can have here: announced (the bundled default), none available, no fix planned.
  const advisory = 'ICSMA-17-215-01';
  await api(app, 'setPatchStatus', { advisory, family: 'SPECT/CT Systems', status: 'none-available' });
  await api(app, 'setPatchStatus', { advisory, family: 'PET/CT Systems', status: 'no-fix-planned' });
  await openApp(page, app);
  await page.goto(`${app.origin}/#/devices`);
  const patch = page.getByRole('combobox', { name: 'Patch' });
  await expect(patch.locator('option')).toHaveText(['All', 'Announced', 'No fix planned', 'None available']);
  await expect(page.getByRole('combobox', { name: 'Network' }).locator('option')).toHaveText([
    'All',
    'Connected',
  ]);
  // The words choose the stored value: the filter still filters.
  await patch.selectOption({ label: 'None available' });
  await expect(page.getByRole('status').filter({ hasText: /devices?$/ })).toHaveText('1 device');
  // The column says it in the same words.
  await page.getByText('Columns', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Patch' }).check();
  await page.getByText('Columns', { exact: true }).click();
  await expect(page.getByRole('row', { name: /NM-XP/ })).toContainText('None available');
  await page.screenshot({ path: 'e2e/.artifacts/screens/layout-fit-patch-filter.png' });
});

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousAxeViolations, openApp, startWebApp, test, type WebApp } from './fixtures';

const CLI = join(import.meta.dirname, '..', 'dist', 'electron', 'cli.cjs');
const shot = (name: string) => ({ path: `e2e/.artifacts/screens/register-${name}.png` });
const DEVICES = 600;
/** Nuklearmedizin has more devices than the register loads at once (a page is 200). */
const NUCLEAR = 450;

/**
 * A German hospital's register: long words in the text columns, IP addresses in the reverse of the asset tags'
 * order, and versions whose text order is not their natural order.
 */
async function germanHospital(dataDir: string): Promise<WebApp> {
  const db = join(dataDir, 'isopatch.sqlite');
  const csv = ['Asset Tag,Manufacturer,Model,Department,Location,IP Address,OS,Software Version'];
  for (let i = 0; i < DEVICES; i++) {
    const ip = DEVICES - 1 - i;
    csv.push(
      [
        `NM-${String(i).padStart(4, '0')}`,
        i % 2 === 0 ? 'Siemens Healthineers' : 'GE HealthCare',
        ['Biograph mCT Flow', 'Symbia Intevo Bold', 'Discovery NM530c'][i % 3],
        i < NUCLEAR ? 'Nuklearmedizin' : 'Intensivstation',
        '"Hauptgebäude, Ebene 3, Raum 3.112"',
        `10.0.${Math.floor(ip / 256)}.${ip % 256}`,
        'Windows 7',
        i % 2 === 0 ? '12.2.8.410' : '2.3.5',
      ].join(','),
    );
  }
  writeFileSync(join(dataDir, 'inventory.csv'), csv.join('\r\n'));
  const run = spawnSync(
    process.execPath,
    [CLI, '--db', db, 'import-devices', join(dataDir, 'inventory.csv')],
    {
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  return startWebApp(db);
}

async function openRegister(page: Page, app: WebApp) {
  await openApp(page, app);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices' }).click();
  await expect(count(page)).toHaveText(`${DEVICES} devices`);
}

const count = (page: Page) => page.getByRole('status').filter({ hasText: /^[\d,]+ devices?$/ });
const headerBox = (page: Page) => page.getByRole('checkbox', { name: 'Select all loaded devices' });
const bulkBar = (page: Page) => page.getByRole('region', { name: 'Change selected devices' });
// Callbacks run in the page and get its elements (this project has no DOM types: they are untyped there).
const indeterminate = (page: Page) => headerBox(page).evaluate((box) => box.indeterminate as boolean);

/** The texts of one column in the first rows shown. */
async function columnTexts(page: Page, label: string, rows: number): Promise<string[]> {
  const at = await page
    .locator('.device-table thead th')
    .evaluateAll((headers, label) => headers.findIndex((th) => th.textContent?.startsWith(label)), label);
  return page
    .locator('.device-table tbody tr[aria-rowindex]')
    .evaluateAll(
      (shown, { at, rows }) => shown.slice(0, rows).map((row) => row.children[at]?.textContent ?? ''),
      { at, rows },
    );
}

test('select all devices matching a filter, change them in one go, and start clean after', async ({
  page,
  dataDir,
}) => {
  const app = await germanHospital(dataDir);
  try {
    await openRegister(page, app);
    await page.getByRole('combobox', { name: 'Department', exact: true }).selectOption('Nuklearmedizin');
    await expect(count(page)).toHaveText(`${NUCLEAR} devices`);

    // The header's box, by keyboard, ticks the loaded rows and offers every device matching the filter.
    await headerBox(page).focus();
    await page.keyboard.press('Space');
    await expect(headerBox(page)).toBeChecked();
    await expect(bulkBar(page)).toContainText('200 selected');
    const offer = page.getByRole('button', { name: `Select all ${NUCLEAR} devices matching this filter` });
    await expect(offer).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.screenshot(shot('1-loaded-rows-selected'));

    // Applied to the 200 loaded rows only: they leave the list, and nothing stays selected.
    await bulkBar(page).getByLabel('Department').fill('Radiologie');
    await bulkBar(page).getByRole('button', { name: 'Apply to 200 devices' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'changed' })).toHaveText(
      '200 devices changed, 0 already so.',
    );
    await expect(count(page)).toHaveText(`${NUCLEAR - 200} devices`);
    await expect(bulkBar(page)).toBeHidden();
    await expect(headerBox(page)).not.toBeChecked();
    expect(await indeterminate(page)).toBe(false);
    await expect(page.getByRole('checkbox', { name: 'Select NM-0200' })).not.toBeChecked();
    await expect(headerBox(page)).toBeFocused();

    // Every matching device, loaded or not, by keyboard.
    await page.keyboard.press('Space');
    await expect(bulkBar(page)).toContainText('200 selected');
    await page
      .getByRole('button', { name: `Select all ${NUCLEAR - 200} devices matching this filter` })
      .press('Enter');
    await expect(bulkBar(page)).toContainText(
      `All ${NUCLEAR - 200} devices matching this filter are selected.`,
    );
    await expectNoSeriousAxeViolations(page);
    await page.screenshot(shot('2-all-matching-selected'));
    await bulkBar(page).getByLabel('Department').fill('Radiologie');
    await bulkBar(page)
      .getByRole('button', { name: `Apply to ${NUCLEAR - 200} devices` })
      .click();
    await expect(page.getByRole('status').filter({ hasText: 'changed' })).toHaveText(
      `${NUCLEAR - 200} devices changed, 0 already so.`,
    );
    await expect(count(page)).toHaveText('0 devices');
    await expect(bulkBar(page)).toBeHidden();
    await expect(headerBox(page)).not.toBeChecked();

    await page.getByRole('combobox', { name: 'Department', exact: true }).selectOption('Radiologie');
    await expect(count(page)).toHaveText(`${NUCLEAR} devices`);
    await expect(page.getByRole('status').filter({ hasText: 'changed' })).toHaveCount(0);

    // A new search starts with nothing selected.
    await page.getByRole('checkbox', { name: 'Select NM-0001' }).check();
    await expect(bulkBar(page)).toContainText('1 selected');
    expect(await indeterminate(page)).toBe(true);
    await page.getByLabel('Search devices').fill('Biograph');
    await expect(count(page)).toHaveText(`${NUCLEAR / 3} devices`);
    await expect(bulkBar(page)).toBeHidden();
    await expect(headerBox(page)).not.toBeChecked();
    expect(await indeterminate(page)).toBe(false);
  } finally {
    await app.stop();
  }
});

test('IP addresses sort by number and versions in natural order', async ({ page, dataDir }) => {
  const app = await germanHospital(dataDir);
  try {
    await openRegister(page, app);
    await page.getByText('Columns', { exact: true }).click();
    await page.getByRole('checkbox', { name: 'IP address' }).check();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'IP address' }).click();
    await expect(page.getByRole('table')).toHaveAccessibleName(/sorted by IP address/);
    await expect
      .poll(() => columnTexts(page, 'IP address', 4))
      .toEqual(['10.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.0.3']);
    await page.getByRole('button', { name: 'Software version' }).click();
    await expect.poll(() => columnTexts(page, 'Software version', 1)).toEqual(['2.3.5']);
  } finally {
    await app.stop();
  }
});

test('at 1366 by 768 the register breaks no word and its list fits the window', async ({ page, dataDir }) => {
  const app = await germanHospital(dataDir);
  try {
    await openRegister(page, app);
    await expect(page.getByRole('button', { name: 'NM-0000' })).toBeVisible();
    await page.screenshot(shot('3-layout'));
    // A word split over two lines has boxes on two lines.
    const brokenWords = () =>
      page.locator('.device-table .cell-clamp').evaluateAll((cells) => {
        const broken: string[] = [];
        for (const cell of cells) {
          const text = cell.firstChild;
          if (text?.nodeType !== 3) continue;
          for (const match of (text.data as string).matchAll(/\S+/g)) {
            const range = cell.ownerDocument.createRange();
            range.setStart(text, match.index);
            range.setEnd(text, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (lines.size > 1) broken.push(match[0]);
          }
        }
        return broken;
      });
    expect(await brokenWords()).toEqual([]);

    const list = page.getByRole('region', { name: 'Device list' });
    const fits = () =>
      list.evaluate((element) => {
        const height = element.ownerDocument.defaultView.innerHeight;
        return {
          page: element.ownerDocument.documentElement.scrollHeight <= height,
          list: element.getBoundingClientRect().bottom <= height,
        };
      });
    expect(await fits()).toEqual({ page: true, list: true });
    // The last device comes into sight by scrolling the list alone.
    await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    const last = page.getByRole('button', { name: `NM-0${DEVICES - 1}` });
    await expect(last).toBeVisible();
    const box = await last.boundingBox();
    expect((box?.y ?? Number.POSITIVE_INFINITY) + (box?.height ?? 0)).toBeLessThanOrEqual(768);

    // With the bulk bar open too.
    await page.getByRole('checkbox', { name: `Select NM-0${DEVICES - 1}` }).check();
    await expect(bulkBar(page)).toBeVisible();
    expect(await fits()).toEqual({ page: true, list: true });
    await page.screenshot(shot('4-layout-bulk-bar'));
    await expectNoSeriousAxeViolations(page);
  } finally {
    await app.stop();
  }
});

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousAxeViolations, openApp, startWebApp, test, type WebApp } from './fixtures';

// The shared look (tokens, dark and print variants, badges, explained terms) and the keyboard layer, on the demo
// hospital: 300 devices in every state, the bundled advisories and a plan running into the coming weeks.

const CLI = join(import.meta.dirname, '..', 'dist', 'electron', 'cli.cjs');
const SCREENS = 'e2e/.artifacts/screens';

async function startDemo(dataDir: string): Promise<WebApp> {
  const db = join(dataDir, 'demo.sqlite');
  const made = spawnSync(process.execPath, [CLI, 'demo', '--db', db], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`isopatch demo failed: ${made.stderr}`);
  return startWebApp(db);
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

test('shortcuts: / searches, j and k walk the register, ? lists them, Escape closes and focus returns', async ({
  page,
  dataDir,
}) => {
  test.slow();
  const app = await startDemo(dataDir);
  try {
    await openApp(page, app);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

    // `/` from another view opens Devices with the search box focused; letters typed there are text.
    await page.keyboard.press('/');
    const search = page.getByLabel('Search devices');
    await expect(search).toBeFocused();
    await page.keyboard.type('jk');
    await expect(search).toHaveValue('jk');
    await expect(page.getByRole('complementary')).toHaveCount(0);
    await search.fill('');
    await expect(page.getByRole('status').filter({ hasText: /devices$/ })).toHaveText('300 devices');

    // `j` opens the first device in the drawer, `j` again the second, `k` goes back.
    const list = page.getByRole('region', { name: 'Device list' });
    const tags = list.locator('[data-device-id]');
    const first = (await tags.nth(0).textContent()) ?? '';
    const second = (await tags.nth(1).textContent()) ?? '';
    await list.focus();
    await page.keyboard.press('j');
    const drawer = page.getByRole('complementary');
    await expect(drawer.getByRole('heading', { level: 2 })).toContainText(first);
    await expect(drawer.getByRole('heading', { level: 2 })).toBeFocused();
    await page.keyboard.press('j');
    await expect(drawer.getByRole('heading', { level: 2 })).toContainText(second);
    await expect(list.locator('tr[aria-current="true"]')).toContainText(second);
    await page.keyboard.press('k');
    await expect(drawer.getByRole('heading', { level: 2 })).toContainText(first);

    // While the drawer is open, Tab and Shift+Tab stay inside it.
    await page.keyboard.press('Shift+Tab');
    await expect(drawer.locator(':focus')).toHaveCount(1);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await expect(drawer.locator(':focus')).toHaveCount(1);
    await drawer.getByRole('heading', { level: 2 }).focus();

    // `?` opens the help; focus is trapped in it; Escape closes it and focus returns where it was.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help).toContainText('Next device: opens it in the drawer');
    await expect(help.locator('kbd', { hasText: 'j' }).first()).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/shortcuts-help.png` });
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    await expect(help.locator(':focus')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await expect(drawer.getByRole('heading', { level: 2 })).toBeFocused();

    // Escape closes the drawer; focus goes back to the device's row.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('complementary')).toHaveCount(0);
    await expect(list.getByRole('button', { name: first, exact: true })).toBeFocused();

    // The header's button opens the same help; closing it returns focus to the button.
    const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
    await button.click();
    await expect(help).toBeVisible();
    await help.getByRole('button', { name: 'Close' }).click();
    await expect(help).toBeHidden();
    await expect(button).toBeFocused();

    // g then a letter goes to a view.
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();

    // `d` on a window opens its Mark done form. (The demo's past windows are done; the plan goes on next week.)
    await page.getByRole('button', { name: 'Next week' }).click();
    const bar = page.locator('.bar:not(.bar-done)').first();
    await bar.focus();
    const name = (await bar.getAttribute('aria-label')) ?? '';
    await page.keyboard.press('d');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('form', { name: 'Mark done' }).getByLabel('Actual start')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name, exact: true })).toBeFocused();

    await page.keyboard.press('g');
    await page.keyboard.press('d');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  } finally {
    await app.stop();
  }
});

/** The body's colours in each variant (tokens.css). */
const BODY = {
  dark: { background: 'rgb(21, 25, 30)', text: 'rgb(232, 236, 241)' },
  light: { background: 'rgb(246, 247, 249)', text: 'rgb(27, 31, 36)' },
  print: { background: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)' },
};

for (const scheme of ['dark', 'light'] as const)
  test(`${scheme} mode follows the OS with no serious axe violation; badges and terms say it in words; print is black on white`, async ({
    page,
    dataDir,
  }) => {
    test.slow(); // axe on every view of the demo
    await page.emulateMedia({ colorScheme: scheme });
    const app = await startDemo(dataDir);
    try {
      await openApp(page, app);
      await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
      await expect(page.getByTestId('status-exposed')).toBeVisible();
      const body = page.locator('body');
      const expectColours = async ({ background, text }: { background: string; text: string }) => {
        await expect(body).toHaveCSS('background-color', background);
        await expect(body).toHaveCSS('color', text);
      };
      await expectColours(BODY[scheme]);
      await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: `${SCREENS}/dashboard-${scheme}.png` });

      // A term explains itself: the tile's question mark opens the definition; Escape closes it.
      const term = page.getByRole('button', { name: 'What “exposed” means' });
      await term.click();
      const note = page.getByRole('note', { name: 'Exposure' });
      await expect(note).toBeVisible();
      await expect(note).toContainText('not isolated, not patched');
      await expect(term).toHaveAttribute('aria-expanded', 'true');
      await page.keyboard.press('Escape');
      await expect(note).toBeHidden();

      await nav(page, 'Devices').click();
      const list = page.getByRole('region', { name: 'Device list' });
      const states = list.locator('.status-badge');
      await expect(states.first()).toBeVisible();
      // Every badge has words and a shape, never colour alone.
      for (const text of await states.allTextContents()) expect(text.trim()).not.toBe('');
      expect(await list.locator('.status-badge:not(:has(svg.badge-shape))').count()).toBe(0);
      await page.getByRole('combobox', { name: 'State', exact: true }).selectOption('isolated');
      await expect(states.first()).toHaveText('Isolated');
      await list.locator('[data-device-id]').first().click();
      const drawer = page.getByRole('complementary');
      await expect(drawer.locator('.status-badge[data-state="isolated"]')).toHaveText('Isolated');
      await expect(drawer.locator('[data-severity]').first()).toHaveText(
        /^(Critical|High|Medium|Low|None) \d+\.\d$/,
      );
      await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: `${SCREENS}/devices-${scheme}.png` });
      await page.keyboard.press('Escape');

      await nav(page, 'Advisories').click();
      await expect(page.getByRole('heading', { level: 2, name: 'Import a CSAF advisory' })).toBeVisible();
      await expect(page.locator('[data-severity="critical"]').first()).toHaveText('Critical 9.8');
      await expectNoSeriousAxeViolations(page);

      await nav(page, 'Schedule').click();
      await expect(page.locator('.bar').first()).toBeVisible();
      await expectNoSeriousAxeViolations(page);

      await nav(page, 'Reports').click();
      await expect(page.locator('.report-sheet').first()).toBeVisible();
      await expectNoSeriousAxeViolations(page);

      await nav(page, 'Settings').click();
      await expect(page.getByRole('button', { name: 'Maintenance slots' }).first()).toBeVisible();
      await expectNoSeriousAxeViolations(page);

      // On paper the tokens are black on white, also from a dark desktop.
      await page.emulateMedia({ media: 'print', colorScheme: scheme });
      await expectColours(BODY.print);
    } finally {
      await app.stop();
    }
  });

test('Shift-click ticks every device between two, and the bulk bar counts them', async ({
  page,
  dataDir,
}) => {
  const app = await startDemo(dataDir);
  try {
    await openApp(page, app);
    await nav(page, 'Devices').click();
    const list = page.getByRole('region', { name: 'Device list' });
    const boxes = list.getByRole('checkbox', { name: /^Select / });
    await boxes.nth(1).click();
    await boxes.nth(5).click({ modifiers: ['Shift'] });
    for (const n of [1, 2, 3, 4, 5]) await expect(boxes.nth(n)).toBeChecked();
    await expect(boxes.nth(0)).not.toBeChecked();
    await expect(boxes.nth(6)).not.toBeChecked();
    await expect(page.getByRole('button', { name: 'Apply to 5 devices' })).toBeVisible();
    // Shift again unticks the range back to the last box ticked by hand.
    await boxes.nth(3).click({ modifiers: ['Shift'] });
    for (const n of [3, 4, 5]) await expect(boxes.nth(n)).not.toBeChecked();
    await expect(boxes.nth(2)).toBeChecked();
  } finally {
    await app.stop();
  }
});

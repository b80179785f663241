import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoSeriousAxeViolations, openApp, startWebApp, test, type WebApp } from './fixtures';

// Every view and every dialog as a person sees it, on the demo hospital (and the first run on an empty
// database): at the common hospital laptop's 1366x768 and at 1920x1080, light and dark. Each gets a screenshot in
// e2e/.artifacts/screens/every-view/ (to look at), axe-core with no serious violation, no sideways scrolling of
// the page (wide tables and the timeline scroll inside their own containers), and every open dialog or drawer
// inside the window.

const CLI = join(import.meta.dirname, '..', 'dist', 'electron', 'cli.cjs');
const SCREENS = 'e2e/.artifacts/screens/every-view';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

type Size = (typeof SIZES)[number];
type Scheme = (typeof SCHEMES)[number];

async function startDemo(dataDir: string): Promise<WebApp> {
  const db = join(dataDir, 'demo.sqlite');
  const made = spawnSync(process.execPath, [CLI, 'demo', '--db', db], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`isopatch demo failed: ${made.stderr}`);
  return startWebApp(db);
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

interface Overflow {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  /** Elements past the right edge that no scrolling or clipping ancestor holds in. */
  readonly culprits: readonly string[];
}

/** Runs in the page (a string: the e2e types have no DOM). Null when the page does not scroll sideways. */
const OVERFLOW_SCRIPT = `(() => {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth) return null;
  const held = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    return false;
  };
  const name = (el) =>
    el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const culprits = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right + window.scrollX <= root.clientWidth + 0.5 || held(el)) continue;
    culprits.push(name(el) + ' ends at ' + Math.round(box.right + window.scrollX) + 'px');
    if (culprits.length >= 8) break;
  }
  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits };
})()`;

/** Open dialogs and the device drawer whose box leaves the window (so a part of them cannot be seen). */
const DIALOG_SCRIPT = `(() => {
  const root = document.documentElement;
  const out = [];
  for (const el of document.querySelectorAll('dialog[open], [role="dialog"], aside')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.left < -0.5 || box.top < -0.5 || box.right > root.clientWidth + 0.5 || box.bottom > window.innerHeight + 0.5)
      out.push((el.getAttribute('aria-label') || el.className || el.tagName) + ': ' +
        [box.left, box.top, box.right, box.bottom].map(Math.round).join(','));
  }
  return out;
})()`;

/** Words the register cuts short where a person needs them whole: a state's badge, an asset tag. */
const CLIPPED_IN_REGISTER_SCRIPT = `[...document.querySelectorAll('.device-table .badge-words, .device-table td:has([data-device-id])')]
  .filter((el) => el.scrollWidth > el.clientWidth + 1)
  .map((el) => el.textContent.trim())`;

/** Screenshot, then the checks: no sideways page scroll, dialogs inside the window, axe-core clean. */
async function look(page: Page, view: string, size: Size, scheme: Scheme, axe = true): Promise<void> {
  await page.screenshot({ path: `${SCREENS}/${view}-${size.width}x${size.height}-${scheme}.png` });
  const overflow = await page.evaluate<Overflow | null>(OVERFLOW_SCRIPT);
  expect(overflow, `${view}: the page scrolls sideways`).toBeNull();
  expect(await page.evaluate<string[]>(DIALOG_SCRIPT), `${view}: a dialog leaves the window`).toEqual([]);
  if (axe) await expectNoSeriousAxeViolations(page);
}

/** Scrolls so the element's top is at the top of the window (or as far as the page goes). */
const scrollToTop = (locator: Locator) => locator.evaluate((el) => el.scrollIntoView({ block: 'start' }));

for (const size of SIZES)
  for (const scheme of SCHEMES)
    test.describe(`${size.width}x${size.height} ${scheme}`, () => {
      test.use({ viewport: size });
      test.beforeEach(async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
      });

      test('dashboard, devices, the device drawer, the import wizard and the shortcuts help', async ({
        page,
        dataDir,
      }) => {
        test.slow();
        const app = await startDemo(dataDir);
        try {
          await openApp(page, app);
          await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
          await expect(page.getByTestId('figure-devices')).toHaveText(/^(29\d|300)$/);
          await expect(page.getByRole('img', { name: /Exposed and unpatched devices/ })).toBeVisible();
          await look(page, 'dashboard', size, scheme);

          await nav(page, 'Devices').click();
          const list = page.getByRole('region', { name: 'Device list' });
          const symbia = list
            .getByRole('row')
            .filter({ has: page.getByRole('cell', { name: 'Symbia T16' }) });
          await expect(symbia.first()).toBeVisible();
          await look(page, 'devices', size, scheme);
          expect(
            await page.evaluate<string[]>(CLIPPED_IN_REGISTER_SCRIPT),
            'cut short in the register',
          ).toEqual([]);

          await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
          const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
          await expect(help).toBeVisible();
          await look(page, 'shortcuts-help', size, scheme);
          await page.keyboard.press('Escape');
          await expect(help).toBeHidden();

          await symbia.first().locator('[data-device-id]').click();
          const drawer = page.getByRole('complementary');
          await expect(drawer.getByRole('heading', { level: 2 })).toBeFocused();
          await expect(drawer.locator('[data-severity]').first()).toBeVisible();
          await look(page, 'device-drawer', size, scheme);
          await page.keyboard.press('Escape');
          await expect(drawer).toHaveCount(0);

          await page.getByRole('link', { name: 'Import devices' }).click();
          await expect(page.getByRole('heading', { level: 1, name: 'Import devices' })).toBeVisible();
          await expect(page.getByLabel('Choose an inventory file')).toBeAttached();
          await look(page, 'import-wizard', size, scheme);
        } finally {
          await app.stop();
        }
      });

      test('advisories, an advisory page, matches to confirm, and the schedule week with its window dialog', async ({
        page,
        dataDir,
      }) => {
        test.slow();
        const app = await startDemo(dataDir);
        try {
          await openApp(page, app);
          await nav(page, 'Advisories').click();
          const advisories = page.getByRole('region', { name: /advisories$/ });
          await expect(advisories.getByRole('rowheader', { name: 'ICSMA-17-215-02' })).toBeVisible();
          await look(page, 'advisories', size, scheme);

          const review = page.getByRole('region', { name: 'Matches to confirm' });
          await expect(review).toBeVisible();
          await scrollToTop(review);
          await look(page, 'matches-to-confirm', size, scheme, false);

          await page.evaluate('window.scrollTo(0, 0)');
          await advisories.getByRole('link', { name: 'ICSMA-17-215-02' }).click();
          await expect(page.getByRole('heading', { level: 1 })).toContainText('ICSMA-17-215-02');
          await expect(page.getByRole('heading', { level: 2, name: 'Where the work stands' })).toBeVisible();
          await look(page, 'advisory', size, scheme);

          await nav(page, 'Schedule').click();
          await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
          await expect(page.getByRole('button', { name: 'Week', exact: true })).toHaveAttribute(
            'aria-pressed',
            'true',
          );
          // This week: the last days' work; a done window's dialog is its record (the timeline and its bars
          // come in one render, so the count is known once the heading shows).
          const timeline = page.getByRole('heading', { level: 2, name: 'Timeline' });
          await expect(timeline).toBeVisible();
          await scrollToTop(timeline);
          await look(page, 'schedule-week', size, scheme);
          const dialog = page.getByRole('dialog');
          const done = page.locator('.bar.bar-done');
          if ((await done.count()) > 0) {
            await done.first().click();
            await expect(dialog).toBeVisible();
            await look(page, 'schedule-dialog-done', size, scheme);
            await page.keyboard.press('Escape');
            await expect(dialog).toBeHidden();
          }

          // Next week: the plan going on; a planned window's dialog has its change and Mark done forms.
          await page.getByRole('button', { name: 'Next week' }).click();
          const planned = page.locator('.bar:not(.bar-done)').first();
          await expect(planned).toBeAttached();
          await scrollToTop(timeline);
          await look(page, 'schedule-next-week', size, scheme);
          await planned.click();
          await expect(dialog.getByRole('form', { name: 'Mark done' })).toBeVisible();
          await look(page, 'schedule-dialog', size, scheme);
          await page.keyboard.press('Escape');
          await expect(dialog).toBeHidden();

          await page.getByRole('button', { name: 'New window…' }).click();
          await expect(page.getByRole('dialog', { name: 'New window' })).toBeVisible();
          await look(page, 'schedule-new-window', size, scheme);
          await page.keyboard.press('Escape');
          await expect(dialog).toBeHidden();
        } finally {
          await app.stop();
        }
      });

      test('reports with the status report, and every section of settings', async ({ page, dataDir }) => {
        test.slow();
        const app = await startDemo(dataDir);
        try {
          await openApp(page, app);
          await nav(page, 'Reports').click();
          await page.getByLabel('Report', { exact: true }).selectOption('status');
          const sheet = page.getByTestId('report-sheet');
          await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('Status report');
          await look(page, 'reports', size, scheme);
          await scrollToTop(sheet);
          await look(page, 'status-report', size, scheme, false);

          await page.evaluate('window.scrollTo(0, 0)');
          await nav(page, 'Settings').click();
          await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
          const sections = page.getByRole('main').locator('h2, h3');
          await expect(page.getByRole('heading', { level: 2, name: 'Recent changes' })).toBeVisible();
          await expect(page.getByRole('button', { name: 'Maintenance slots' }).first()).toBeVisible();
          await look(page, 'settings', size, scheme);
          const names = await sections.allTextContents();
          expect(names.length).toBeGreaterThan(3);
          for (const [index, name] of names.entries()) {
            await scrollToTop(sections.nth(index));
            const slug = name
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, '-')
              .replace(/^-|-$/g, '');
            await look(page, `settings-${slug}`, size, scheme, false);
          }
        } finally {
          await app.stop();
        }
      });

      test('the first-run dashboard on an empty database', async ({ page, app }) => {
        await openApp(page, app);
        await expect(page.getByRole('heading', { name: 'No devices yet' })).toBeVisible();
        await expect(page.getByTestId('figure-devices')).toHaveText('0');
        await look(page, 'first-run', size, scheme);
      });
    });

// The Devices view with 100,000 devices in Chromium: time to the first rows, and from a keystroke in the
// search box to the filtered rows (measured inside the page, from keydown to the updated count).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { writeInventory } from './inventory.mjs';
import { chromiumArgs, chromiumPath, root, startWebApp, summary, withTempDir } from './measure.mjs';

const ROWS = 100_000;
const RUNS = 5;

export async function run() {
  return withTempDir(async (dir) => {
    const file = join(dir, 'inventory.csv');
    const db = join(dir, 'register.sqlite');
    writeInventory(file, ROWS);
    const imported = spawnSync(process.execPath, [
      join(root, 'dist', 'electron', 'cli.cjs'),
      '--db',
      db,
      'import-devices',
      file,
    ]);
    if (imported.status !== 0) throw new Error(`import failed: ${imported.stderr}`);
    const { server, url } = await startWebApp(db);
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      const firstRows = [];
      const search = [];
      for (let i = 0; i < RUNS; i++) {
        await page.goto(url.replace('#token', `?run=${i}#token`));
        await page.locator('body[data-ready="true"]').waitFor();
        const started = Date.now();
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices' }).click();
        await page.getByRole('button', { name: 'BME-000000' }).waitFor();
        firstRows.push(Date.now() - started);

        const box = page.getByLabel('Search devices');
        await box.fill('');
        await box.focus();
        const measured = page.evaluate(
          () =>
            new Promise((resolve) => {
              const status = [...document.querySelectorAll('[role="status"]')].find((e) =>
                /devices$/.test(e.textContent ?? ''),
              );
              let pressed = 0;
              document.addEventListener('keydown', () => (pressed = performance.now()), {
                once: true,
                capture: true,
              });
              new MutationObserver((_m, observer) => {
                if (pressed && status?.textContent !== '100,000 devices') {
                  observer.disconnect();
                  requestAnimationFrame(() => resolve(performance.now() - pressed));
                }
              }).observe(status ?? document.body, { subtree: true, childList: true, characterData: true });
            }),
        );
        // A selective term is the slow case (every device scanned); timed from its first keystroke, so the search
        // box's short debounce is included.
        await page.keyboard.type(`0${i}123`, { delay: 0 });
        search.push(await measured);
      }
      return [
        {
          name: `register: ${ROWS} devices, navigation to first rows (goal 1000 ms)`,
          ms: summary(firstRows),
        },
        { name: 'register: typing a search term to filtered rows (goal 150 ms)', ms: summary(search) },
      ];
    } finally {
      await browser.close();
      server.kill('SIGTERM');
    }
  });
}

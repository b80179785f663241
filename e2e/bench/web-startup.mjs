// Web mode: from starting `node dist/electron/web.cjs` to an interactive dashboard in Chromium.
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath, startWebApp, summary, withTempDir } from './measure.mjs';

const RUNS = 7;

async function once(browser, dir, run) {
  const { server, url, listeningAfter, started } = await startWebApp(join(dir, `run-${run}.sqlite`));
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.locator('body[data-ready="true"]').waitFor();
    await page.getByTestId('figure-devices').waitFor();
    const interactive = performance.now();
    await page.close();
    return { server: listeningAfter, total: interactive - started };
  } finally {
    server.kill('SIGTERM');
  }
}

export async function run() {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    return await withTempDir(async (dir) => {
      const samples = [];
      for (let i = 0; i < RUNS; i++) samples.push(await once(browser, dir, i));
      return [
        { name: 'web: server start until listening', ms: summary(samples.map((s) => s.server)) },
        { name: 'web: start until dashboard interactive', ms: summary(samples.map((s) => s.total)) },
      ];
    });
  } finally {
    await browser.close();
  }
}

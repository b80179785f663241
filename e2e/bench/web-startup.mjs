// Web mode: from starting `node dist/electron/web.cjs` to an interactive dashboard in Chromium.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath, root, summary, withTempDir } from './measure.mjs';

const RUNS = 7;

async function once(browser, dir, run) {
  const started = performance.now();
  const server = spawn(process.execPath, [
    join(root, 'dist', 'electron', 'web.cjs'),
    '--db',
    join(dir, `run-${run}.sqlite`),
  ]);
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out);
        if (match) resolve(match[1]);
      });
      server.once('exit', (code) => reject(new Error(`web server exited with ${code}`)));
    });
    const listening = performance.now();
    const page = await browser.newPage();
    await page.goto(url);
    await page.locator('body[data-ready="true"]').waitFor();
    await page.getByTestId('figure-devices').waitFor();
    const interactive = performance.now();
    await page.close();
    return { server: listening - started, total: interactive - started };
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

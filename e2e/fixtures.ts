import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

const WEB_ENTRY = join(import.meta.dirname, '..', 'dist', 'electron', 'web.cjs');
/** Origins of the app servers this test process started: the only places a page may send a request. */
const appOrigins = new Set<string>();

export interface WebApp {
  readonly url: string;
  readonly origin: string;
  readonly databasePath: string;
  readonly stderr: () => string;
  stop(): Promise<void>;
}

/** Starts `node dist/electron/web.cjs` on a free port, as `npm run start:web` does, and reads the printed address. */
export async function startWebApp(databasePath: string, extraArgs: readonly string[] = []): Promise<WebApp> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [WEB_ENTRY, '--db', databasePath, '--port', '0', ...extraArgs],
    { stdio: 'pipe' },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`The web server exited with ${code}: ${stderr}`)));
  });
  appOrigins.add(new URL(url).origin);
  return {
    url,
    origin: new URL(url).origin,
    databasePath,
    stderr: () => stderr,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Goes to the import wizard and chooses a file there, as a person does with the file dialog. */
export async function chooseInventoryFile(
  page: Page,
  app: WebApp,
  file: Parameters<Page['setInputFiles']>[1],
): Promise<void> {
  await page.goto(`${app.origin}/#/devices/import`);
  await page.getByLabel('Choose an inventory file').setInputFiles(file);
}

/** Opens the app and waits for its readiness marker, never for a fixed time. */
export async function openApp(page: Page, app: WebApp): Promise<void> {
  await page.goto(app.url);
  await page.locator('body[data-ready="true"]').waitFor();
}

export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious).toEqual([]);
}

interface Fixtures {
  /** A fresh data folder for this test, removed afterwards. */
  dataDir: string;
  /** The app on a fresh database; every request the page makes must stay on the app's own loopback origin. */
  app: WebApp;
}

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'isopatch-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  app: async ({ dataDir, page }, use) => {
    const app = await startWebApp(join(dataDir, 'isopatch.sqlite'));
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!appOrigins.has(new URL(request.url()).origin)) foreign.push(request.url());
    });
    await use(app);
    await app.stop();
    expect(foreign, 'requests outside the app').toEqual([]);
  },
});

export { expect };

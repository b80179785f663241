import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { operationNames } from '../electron/api/operations';
// @ts-expect-error: a plain .mjs build script without type declarations
import { ensureNativeBinding, installedElectronBinary } from '../electron/tools/desktop-runtime.mjs';

/**
 * The real desktop app through Playwright's Electron driver. It runs wherever the Electron binary has been
 * downloaded (`npm start` does that on a machine that can reach GitHub) and reports itself skipped elsewhere.
 */
const binary: string | undefined = installedElectronBinary();
const root = join(import.meta.dirname, '..');
const SKIP_REASON =
  'the Electron runtime is not downloaded on this machine (it comes from GitHub); run "npm start" once where GitHub is reachable';
if (!binary) console.log(`Electron spec skipped: ${SKIP_REASON}.`);

test.describe('desktop app', () => {
  test.skip(!binary, SKIP_REASON);

  test('opens hardened: isolated, sandboxed renderer with only the named operations, no navigation', async () => {
    ensureNativeBinding();
    const dir = mkdtempSync(join(tmpdir(), 'isopatch-electron-'));
    const app = await electron.launch({
      executablePath: binary,
      args: [root, '--db', join(dir, 'isopatch.sqlite')],
    });
    try {
      const page = await app.firstWindow();
      await page.locator('body[data-ready="true"]').waitFor();
      await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
        'undefined',
      );
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
        'undefined',
      );
      const operations = await page.evaluate(() =>
        Object.keys((globalThis as unknown as { isopatch: object }).isopatch),
      );
      expect(operations.sort()).toEqual([...operationNames].sort());

      const entry = page.url();
      await page.evaluate(() => {
        (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.org/';
      });
      expect(page.url()).toBe(entry);
      expect(
        await page.evaluate(() =>
          (globalThis as unknown as { open(url: string): unknown }).open('https://example.org/'),
        ),
      ).toBeNull();

      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByLabel('Organization name').fill('Desktop Hospital');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expect(page.getByRole('status')).toHaveText('Settings saved.');
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('Save as PDF prints the report with printToPDF to the file chosen, with its page numbers', async () => {
    ensureNativeBinding();
    const dir = mkdtempSync(join(tmpdir(), 'isopatch-electron-'));
    const file = join(dir, 'status-report.pdf');
    const app = await electron.launch({
      executablePath: binary,
      args: [root, '--db', join(dir, 'isopatch.sqlite')],
    });
    try {
      // The operating system's save dialog answers with the file (Playwright cannot click native dialogs).
      await app.evaluate(({ dialog }, chosen) => {
        dialog.showSaveDialog = (async () => ({
          canceled: false,
          filePath: chosen,
        })) as typeof dialog.showSaveDialog;
      }, file);
      const page = await app.firstWindow();
      await page.locator('body[data-ready="true"]').waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
      await expect(page.getByTestId('report-sheet')).toHaveAttribute('data-state', 'ready');
      await page.getByRole('button', { name: 'Save as PDF…' }).click();
      await expect(page.getByRole('region', { name: 'Print and export' }).getByRole('status')).toHaveText(
        `Saved ${file}.`,
      );
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Status report');
      expect(text).toMatch(/Page 1 of \d+/);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

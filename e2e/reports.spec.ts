import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { Dashboard } from '../electron/api/schemas/dashboard';
import { expect, expectNoSeriousAxeViolations, openApp, test, type WebApp } from './fixtures';
import { api, seedHospital } from './reports-hospital';

const OUT = join(import.meta.dirname, '.artifacts', 'reports');
const SCREENS = join(import.meta.dirname, '.artifacts', 'screens');

/** The PDF's text, page by page (pdftotext separates pages with a form feed). */
function pdfPages(file: string): string[] {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
}
const pdfInfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
/** Page images to look at (the test cannot judge them; a person does, see the README). */
const pageImages = (file: string, prefix: string) =>
  execFileSync('pdftoppm', ['-r', '70', '-png', file, join(OUT, prefix)]);

/** What the paged preview shows, page by page, read in the page (a string: the e2e types have no DOM). */
interface PreviewPage {
  readonly label: string;
  readonly text: string;
  /** The report's bottom edge and the sheet's content box bottom, in px. */
  readonly contentBottom: number;
  readonly sheetContentBottom: number;
  /** Tables on the page that continue from the page before (no heading of their own here), and with a header. */
  readonly continued: number;
  readonly continuedWithHeader: number;
  readonly tables: number;
  readonly tablesWithHeader: number;
}
const PREVIEW_PAGES_SCRIPT = `[...document.querySelectorAll('[data-testid="report-sheet"] > li')].map((li) => {
  const content = li.querySelector('.report-sheet-content');
  const report = content.firstElementChild;
  const headed = (table) => {
    const row = table.tHead && table.tHead.rows[0];
    return !!row && row.getBoundingClientRect().height > 0 && row.cells.length > 0 && !!row.textContent.trim();
  };
  const tables = [...content.querySelectorAll('table')];
  const continued = tables.filter((t) => !t.parentElement.querySelector(':scope > h2'));
  return {
    label: li.getAttribute('aria-label'),
    // Each text node apart (innerText would be empty for pages off screen, which the browser does not render).
    text: (() => {
      const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
      const words = [];
      while (walker.nextNode()) words.push(walker.currentNode.data);
      return words.join(' ');
    })(),
    contentBottom: report.getBoundingClientRect().bottom,
    sheetContentBottom: content.getBoundingClientRect().bottom,
    continued: continued.length,
    continuedWithHeader: continued.filter(headed).length,
    tables: tables.length,
    tablesWithHeader: tables.filter(headed).length,
  };
})`;
/**
 * The PDF's text in reading order, page by page: a cell's lines follow each other (a tag wrapped after its "-"
 * comes out whole, pdftotext joining the hyphenated lines to "CARD001").
 */
const pdfRawPages = (file: string) =>
  execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
/** The device asset tags in a text, sorted: which devices a page holds. */
const tagsIn = (text: string) =>
  [...text.matchAll(/\b(NM|PET|CARD|RAD)-?\s*(\d{3})\b/g)]
    .map((m) => `${m[1]}-${m[2]}`)
    .sort()
    .join(' ');

/** The register's count of the devices shown: "1 device", "12 devices". */
const DEVICE_COUNT = /^[\d,]+ devices?$/;
const devicesText = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'device' : 'devices'}`;

/** The Reports view with its first report, the status report, on its pages. */
async function openReports(page: Page, app: WebApp) {
  await openApp(page, app);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  const sheet = page.getByTestId('report-sheet');
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('Status report');
  return sheet;
}

test.describe('reports', () => {
  test.setTimeout(180_000);
  test.beforeAll(() => {
    mkdirSync(OUT, { recursive: true });
    mkdirSync(SCREENS, { recursive: true });
  });

  test('on an empty database every report opens, says what is empty, and axe finds nothing serious', async ({
    page,
    app,
  }) => {
    await openApp(page, app);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    const sheet = page.getByTestId('report-sheet');
    for (const [report, title, empty] of [
      ['status', 'Status report', 'No device is exposed.'],
      ['worklist', 'Worklist', 'No window is planned for All departments'],
      ['devices', 'Device register', 'No device is in the register.'],
      ['audit', 'Audit trail', 'changes'],
    ] as const) {
      await page.getByLabel('Report', { exact: true }).selectOption(report);
      await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(sheet).toContainText(empty);
      await expectNoSeriousAxeViolations(page);
    }
  });

  test('the dashboard shows the figures, the burn-down, the next week and alerts; each leads to its devices', async ({
    page,
    app,
  }) => {
    await seedHospital(app);
    const dashboard = await api<Dashboard>(app, 'getDashboard');
    expect(dashboard.devices).toBe(300);
    await openApp(page, app);
    await expect(page.getByTestId('status-exposed')).toContainText(String(dashboard.status.exposed));
    await expect(page.getByTestId('status-affected')).toContainText(String(dashboard.status.affected));
    await expect(page.getByRole('heading', { name: /Status: \d+ % complete/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /Exposed and unpatched devices/ })).toBeVisible();
    // Each alert leads to its devices; the first stands for them all.
    const [first] = dashboard.alerts;
    if (!first) throw new Error('the hospital should need some action');
    await expect(page.getByTestId(`alert-${first.group}`)).toHaveText(first.text);
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: join(SCREENS, 'dashboard.png') });

    await page.getByTestId('status-exposed').click();
    await expect(page.getByTestId('group-filter')).toContainText('Exposed devices');
    await expect(page.getByRole('status').filter({ hasText: DEVICE_COUNT })).toHaveText(
      devicesText(dashboard.status.exposed),
    );
    await page.goto(`${app.origin}/#/dashboard`);
    await page.getByTestId(`alert-${first.group}`).getByRole('link').click();
    await expect(page.getByRole('status').filter({ hasText: DEVICE_COUNT })).toHaveText(
      devicesText(first.count),
    );
    await page.getByRole('button', { name: 'Show all devices' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'devices' })).toHaveText('300 devices');
  });

  test('the Reports view previews, exports CSV, XLSX and HTML named by report and date, and passes axe', async ({
    page,
    app,
  }) => {
    await seedHospital(app);
    const sheet = await openReports(page, app);
    await expect(sheet).toContainText('Klinikum Nord');
    await expect(sheet).toContainText('<b>Hot lab</b> & "store"');
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: join(SCREENS, 'reports-view.png') });

    // Named by the site's date (Europe/Berlin), which is not UTC's around midnight.
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
    for (const [button, extension] of [
      ['Download CSV', 'csv'],
      ['Download XLSX', 'xlsx'],
      ['Download HTML', 'html'],
    ] as const) {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: button }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`status-report-${today}.${extension}`);
      const path = join(OUT, file.suggestedFilename());
      await file.saveAs(path);
      if (extension === 'csv')
        expect(readFileSync(path, 'utf8').startsWith('\ufeffStatus report')).toBe(true);
      if (extension === 'html') expect(readFileSync(path, 'utf8')).toContain('&lt;b&gt;Hot lab&lt;/b&gt;');
      if (extension === 'xlsx') {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path);
        expect(workbook.worksheets.map((w) => w.name)).toContain('Exposed devices');
      }
    }
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(
      `Saved status-report-${today}.html.`,
    );
  });

  test('the status report and a worklist print to PDF with repeated headers, "Page X of Y" and the footer', async ({
    page,
    app,
  }) => {
    await seedHospital(app);
    const dashboard = await api<Dashboard>(app, 'getDashboard');
    const sheet = await openReports(page, app);

    const print = async (name: string) => {
      const file = join(OUT, `${name}.pdf`);
      // As Print and Save as PDF do: the page's print stylesheet, the report's own @page size and margins.
      await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
      pageImages(file, name);
      return { file, pages: pdfPages(file), info: pdfInfo(file) };
    };
    const expectPaging = (pages: readonly string[]) => {
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((text, i) => {
        expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
        expect(text).toMatch(
          /Generated \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Europe\/Berlin\) by \S+ with Isopatch/,
        );
      });
    };

    const status = await print('status-a4-portrait');
    expect(status.info).toMatch(/Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)/);
    expectPaging(status.pages);
    const all = status.pages.join('\n');
    const figures = dashboard.status;
    expect(all).toMatch(
      new RegExp(
        `${figures.affected}\\s+${figures.exposed}\\s+${figures.isolatedAwaitingPatch}\\s+${figures.patched}`,
      ),
    );
    expect(all).toContain(`${figures.percentComplete} %`);
    expect(all).toContain('Klinikum Nord');
    // Markup in a location prints as the text it is (here wrapped over three lines of its narrow column).
    expect(all).toMatch(/<b>Hot\s[\s\S]{0,240}lab<\/b> &\s[\s\S]{0,240}"store"/);
    // The exposure list runs over several pages; its header row starts each of them again.
    const exposureHeaders = all.match(/Priority\s+Device\s+Model\s+Department\s+Location\s+CVSS/g) ?? [];
    expect(exposureHeaders.length).toBeGreaterThan(1);

    await page.getByLabel('Orientation', { exact: true }).selectOption('landscape');
    await expect(sheet).toHaveAttribute('data-orientation', 'landscape');
    const landscape = await print('status-a4-landscape');
    expect(landscape.info).toMatch(/Page size:\s+841\.\d+ x 59\d\.\d+ pts \(A4\)/);
    expectPaging(landscape.pages);

    await page.getByLabel('Paper', { exact: true }).selectOption('letter');
    await page.getByLabel('Orientation', { exact: true }).selectOption('portrait');
    await expect(sheet).toHaveAttribute('data-paper', 'letter');
    await expect(sheet).toHaveAttribute('data-orientation', 'portrait');
    const letter = await print('status-letter-portrait');
    expect(letter.info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expectPaging(letter.pages);

    await page.getByLabel('Paper', { exact: true }).selectOption('a4');
    await page.getByLabel('Report', { exact: true }).selectOption('worklist');
    await page.getByText('Departments: All departments', { exact: true }).click();
    await page.getByRole('checkbox', { name: 'Nuclear Medicine' }).check();
    await page
      .getByLabel('To', { exact: true })
      .fill(new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10));
    await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('Worklist Nuclear Medicine');
    await expect(sheet).toHaveAttribute('data-orientation', 'landscape');
    const worklist = await print('worklist-a4-landscape');
    expect(worklist.info).toMatch(/Page size:\s+841\.\d+ x 59\d\.\d+ pts \(A4\)/);
    expectPaging(worklist.pages);
    const text = worklist.pages.join('\n');
    expect(text).toContain('Departments: Nuclear Medicine');
    // The window's number first ("Planned start" may wrap under its header, depending on the widths).
    const headers =
      text.match(/Window\s+Planned(\s+start)?\s+Planned end\s+Device\s+Location\s+Task and checks/g) ?? [];
    expect(headers.length).toBe(worklist.pages.filter((p) => /NM-\d{3}/.test(p)).length);
    expect(text).toContain('Sign-off: Nuclear Medicine');
    for (const role of ['Biomed engineer', 'Department lead', 'Network team']) expect(text).toContain(role);
  });

  test('the preview shows the pages the PDF prints: same count, headers on every page, nothing past the sheet', async ({
    page,
    app,
  }) => {
    await seedHospital(app);
    const sheet = await openReports(page, app);
    await expect(
      page.getByRole('region', { name: 'Print preview' }).getByRole('list', { name: 'Pages' }),
    ).toBeVisible();
    for (const [report, title, paper, orientation] of [
      ['status', 'Status report', 'a4', 'portrait'],
      ['status', 'Status report', 'letter', 'landscape'],
      // Every department's windows of the next two months: a page break before each department.
      ['worklist', 'Worklist', 'a4', 'portrait'],
      ['worklist', 'Worklist', 'letter', 'landscape'],
      ['devices', 'Device register', 'a4', 'landscape'],
    ] as const) {
      const name = `preview-${report}-${paper}-${orientation}`;
      if (report === 'worklist')
        await page
          .getByLabel('To', { exact: true })
          .fill(new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10));
      await page.getByLabel('Report', { exact: true }).selectOption(report);
      await page.getByLabel('Paper', { exact: true }).selectOption(paper);
      await page.getByLabel('Orientation', { exact: true }).selectOption(orientation);
      await expect(sheet).toHaveAttribute('data-paper', paper);
      await expect(sheet).toHaveAttribute('data-orientation', orientation);
      await expect(sheet).toHaveAttribute('data-state', 'ready');
      await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`^${title}`));
      // As Print and Save as PDF do: the flowing report with its @page rules, not the preview's sheets.
      const file = join(OUT, `${name}.pdf`);
      await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
      const printed = pdfRawPages(file);
      const count = Number(await sheet.getAttribute('data-pages'));
      const shown = await page.evaluate<PreviewPage[]>(PREVIEW_PAGES_SCRIPT);
      console.log(`${name}: ${count} pages in the preview, ${printed.length} in the PDF`);
      expect(shown.length).toBe(count);
      expect(count, `${name}: pages in the preview and in the PDF`).toBe(printed.length);
      shown.forEach((p, i) => {
        expect(p.label).toBe(`Page ${i + 1} of ${count}`);
        // Within a pixel: a continued table's collapsed borders lay out a fraction of a pixel taller on a sheet
        // than where the report was measured, and the printer fits the same rows (they match below).
        expect(
          p.contentBottom,
          `${name} page ${i + 1} runs past its sheet by ${p.contentBottom - p.sheetContentBottom} px`,
        ).toBeLessThanOrEqual(p.sheetContentBottom + 1);
        expect(p.continuedWithHeader, `${name} page ${i + 1}: a continued table without its header`).toBe(
          p.continued,
        );
        expect(p.tablesWithHeader).toBe(p.tables);
        // Each page holds the devices its printed page holds.
        expect(tagsIn(p.text), `${name} page ${i + 1}: other devices than on paper`).toBe(
          tagsIn(printed[i] ?? ''),
        );
      });
      if (report === 'status') expect(shown.filter((p) => p.continued > 0).length).toBeGreaterThan(0);
      const first = sheet.getByRole('listitem', { name: `Page 1 of ${count}`, exact: true });
      await expect(first.getByText(`Page 1 of ${count}`, { exact: true })).toBeVisible();
      await expect(
        first.getByText(/^Generated \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Europe\/Berlin\) by \S+ with Isopatch$/),
      ).toBeVisible();
      await expect(first.getByText(`${title} · Klinikum Nord · `)).toBeVisible();
    }
    await expectNoSeriousAxeViolations(page);
  });
});

test('the departments popover closes with Escape, back on its button, and on a click outside', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  const popover = page.locator('details.report-departments');
  const summary = popover.locator('summary');
  await summary.click();
  await expect(popover).toHaveAttribute('open', '');
  await page.keyboard.press('Escape');
  await expect(popover).not.toHaveAttribute('open', '');
  await expect(summary).toBeFocused();
  await summary.click();
  await page.getByRole('heading', { level: 1, name: 'Reports' }).click();
  await expect(popover).not.toHaveAttribute('open', '');
});

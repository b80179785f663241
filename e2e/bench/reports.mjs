// Reports on 10,000 devices: the status report as HTML (the core builds and renders it), and that HTML printed to
// PDF in Chromium (as Save as PDF does in the app: the report's own page rules, "Page X of Y" in the margins).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath, loadScenario, summary, withTempDir } from './measure.mjs';

const DEVICES = 10_000;
const RUNS = 5;
const PDF_RUNS = 3;

export async function run() {
  return withTempDir(async (dir) => {
    const { measure } = await loadScenario('reports-scenario');
    const result = await measure(join(dir, 'reports.sqlite'), DEVICES, RUNS);
    const file = join(dir, 'status-report.html');
    writeFileSync(file, result.html);
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const pdf = [];
    let pages = 0;
    try {
      for (let i = 0; i < PDF_RUNS; i++) {
        const page = await browser.newPage();
        const started = performance.now();
        await page.goto(pathToFileURL(file).href);
        const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        pdf.push(performance.now() - started);
        pages = (bytes.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
        await page.close();
      }
    } finally {
      await browser.close();
    }
    const size = `${(result.html.length / 1024).toFixed(0)} KB`;
    return [
      {
        name: `reports: status report of ${DEVICES} devices to HTML (${result.exposed} exposed listed, ${result.auditEntries} audit entries, ${size}; goal 1000 ms)`,
        ms: summary(result.samples),
      },
      {
        name: `reports: dashboard figures, burn-down and alerts of ${DEVICES} devices`,
        ms: summary(result.dashboard),
      },
      {
        name: `reports: the same report to PDF in Chromium (${pages} pages; goal 10000 ms)`,
        ms: summary(pdf),
      },
    ];
  });
}

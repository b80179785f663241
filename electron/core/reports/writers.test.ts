import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ReportFile, ReportPreview } from '../../api/schemas/reports';
import { call } from '../../testing/router';
import { csvCell, csvDocument } from '../formats/csv';
import { cssString, el } from './html';
import type { Cell, Column, TableSection } from './model';
import { excelDate } from './render-xlsx';
import { buildReport } from './service';
import { INVENTORY, reportHospital } from './test-hospital';

/** Text a hostile or careless inventory may hold: markup, and cells a spreadsheet would run as formulas. */
const HOSTILE = [
  INVENTORY,
  '=1+2,Siemens,<img src=x onerror=alert(1)>,NM,Nuclear Medicine,<script>alert(1)</script>,Windows 7,@SUM(1+1)',
  '"+41 44,""x""",Siemens,-2+3,NM,Nuclear Medicine,Room 1.04,Windows 7,VA60A',
].join('\n');
const ORGANIZATION = '</style><script>alert("org")</script> Klinikum "Nord"';

async function hostileHospital() {
  const hospital = await reportHospital(HOSTILE);
  await call(hospital.router, 'updateSettings', {
    organizationName: ORGANIZATION,
    siteTimeZone: 'Europe/Berlin',
  });
  return hospital;
}

const exported = (router: Parameters<typeof call>[0], input: Record<string, unknown>) =>
  call<ReportFile>(router, 'exportReport', { departments: [], ...input });

describe('CSV', () => {
  it('neutralises every cell that starts with = + - @ tab or CR, and quotes as RFC 4180 asks', () => {
    expect(['=1+2', '+1', '-2', '@SUM(A1)', '\tcmd', '\rcmd', 'plain'].map(csvCell)).toEqual([
      "'=1+2",
      "'+1",
      "'-2",
      "'@SUM(A1)",
      `"'\tcmd"`,
      `"'\rcmd"`,
      'plain',
    ]);
    expect(csvDocument([['a', 'b,c'], ['"q"'], []])).toBe('\ufeffa,"b,c"\r\n"""q""",\r\n,\r\n');
    // Excel in a ';' locale starts a cell after each ';' (and a tab does where a file is read as tab-separated).
    expect(['a;=1', 'a;"=1"', 'a\t+1', 'a; =1'].map(csvCell)).toEqual([
      `"a;'=1"`,
      `"a;""'=1"""`,
      `"a\t'+1"`,
      '"a; =1"',
    ]);
  });

  it('writes the device register with formula prefixes neutralised, BOM first, one field count throughout', async () => {
    const { router } = await hostileHospital();
    const file = await exported(router, { report: 'devices', format: 'csv' });
    expect(file).toMatchObject({
      fileName: 'device-register-2026-11-29.csv',
      mimeType: 'text/csv;charset=utf-8',
    });
    expect(file.content.startsWith('\ufeffDevice register,,')).toBe(true);
    const records = Papa.parse<string[]>(file.content.slice(1), { newline: '\r\n' }).data.filter(
      (r) => r.length > 1,
    );
    expect(new Set(records.map((r) => r.length)).size).toBe(1);
    const evil = records.find((r) => r[0] === "'=1+2") as string[];
    expect(evil[4]).toBe('<img src=x onerror=alert(1)>');
    expect(evil[7]).toBe('<script>alert(1)</script>');
    expect(evil[12]).toBe("'@SUM(1+1)");
    const phone = records.find((r) => r[0]?.startsWith("'+41")) as string[];
    expect([phone[0], phone[4]]).toEqual(['\'+41 44,"x"', "'-2+3"]);
    expect(records.find((r) => r[0] === 'Organization')?.[1]).toBe(ORGANIZATION);
  });
});

describe('CSV of the status report', () => {
  it('keeps percentages as numbers and says in the label that they are percentages', async () => {
    const { router } = await reportHospital();
    const file = await exported(router, { report: 'status', format: 'csv' });
    const records = Papa.parse<string[]>(file.content.slice(1), { newline: '\r\n' }).data;
    expect(records.find((r) => r[0]?.startsWith('Complete'))?.slice(0, 2)).toEqual(['Complete (%)', '33']);
  });
});

describe('HTML', () => {
  it('shows markup from the database as text, in the file and in the preview', async () => {
    const { router } = await hostileHospital();
    const file = await exported(router, { report: 'devices', format: 'html' });
    expect(file.fileName).toBe('device-register-2026-11-29.html');
    const html = file.content;
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(
      '&lt;/style&gt;&lt;script&gt;alert(&quot;org&quot;)&lt;/script&gt; Klinikum &quot;Nord&quot;',
    );
    expect(html).not.toMatch(/<script|<img/i);
    // The organization is also in the page footer, inside the stylesheet: escaped for CSS, so no early </style>.
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).toContain('content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;"');
    const preview = await call<ReportPreview>(router, 'previewReport', { report: 'devices' });
    expect(preview.html).not.toMatch(/<script|<img/i);
    expect(preview.css).not.toContain('<');
  });

  it('the builder escapes text and attributes and refuses names that are not names', () => {
    expect(el('td', { title: '"><b>' }, '<b>&</b>').markup).toBe(
      '<td title="&quot;&gt;&lt;b&gt;">&lt;b&gt;&amp;&lt;/b&gt;</td>',
    );
    expect(() => el('td onclick=x', {})).toThrow();
    expect(() => el('td', { 'onclick=x': 1 })).toThrow();
    expect(cssString('a"b\\c</style>\n (1.5)')).toBe('"a\\22 b\\5c c\\3c \\2f style\\3e \\a  (1.5)"');
  });
});

/** What exceljs should read back for one cell the document holds. */
function expected(column: Column, value: Cell): unknown {
  if (value === null || column.type === 'tick' || column.type === 'blank') return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.join('\n');
  if (column.type === 'percent') return (value as number) / 100;
  if (column.type === 'date' || column.type === 'datetime') return excelDate(value as string);
  return value;
}

describe('XLSX', () => {
  it('reopens with exceljs with the same values and types, header rows frozen and filtered', async () => {
    const { router, session } = await hostileHospital();
    for (const report of ['status', 'worklist', 'devices', 'audit'] as const) {
      const file = await exported(router, { report, format: 'xlsx' });
      expect(file.encoding).toBe('base64');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
      const doc = buildReport(session.ctx, { report, departments: [], paper: 'a4' });
      const tables = doc.sections.filter((s): s is TableSection => s.kind === 'table');
      for (const table of tables) {
        const sheet = workbook.getWorksheet(table.sheet) as ExcelJS.Worksheet;
        expect(sheet, `${report}: sheet ${table.sheet}`).toBeDefined();
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(sheet.autoFilter).toBeDefined();
        expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(table.columns.map((c) => c.label));
        table.rows.forEach((row, r) => {
          const read = sheet.getRow(r + 2);
          table.columns.forEach((column, c) => {
            const value = read.getCell(c + 1).value;
            expect(value ?? null, `${report} ${table.sheet} row ${r + 2} ${column.label}`).toEqual(
              expected(column, row[c] ?? null),
            );
          });
        });
      }
    }
    const devices = new ExcelJS.Workbook();
    await devices.xlsx.load(
      Buffer.from(
        (await exported(router, { report: 'devices', format: 'xlsx' })).content,
        'base64',
      ) as unknown as ArrayBuffer,
    );
    const sheet = devices.getWorksheet('Devices') as ExcelJS.Worksheet;
    const evil = sheet.getRows(2, sheet.rowCount - 1)?.find((row) => row.getCell(1).value === '=1+2');
    expect(evil?.getCell(1).type).toBe(ExcelJS.ValueType.String);
    const status = new ExcelJS.Workbook();
    await status.xlsx.load(
      Buffer.from(
        (await exported(router, { report: 'status', format: 'xlsx' })).content,
        'base64',
      ) as unknown as ArrayBuffer,
    );
    expect(status.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Burn-down',
      'By department',
      'By advisory',
      'Exposed devices',
      'Next windows',
      'Risk acceptances',
    ]);
    const burn = status.getWorksheet('Burn-down') as ExcelJS.Worksheet;
    expect(burn.getRow(2).values).toEqual([undefined, new Date(Date.UTC(2026, 10, 16)), 0, 0]);
    expect(burn.getCell('A2').numFmt).toBe('yyyy-mm-dd');
  });
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isopatchOn } from '../testing/cli';
import { tempDir } from '../testing/temp';

function hospital() {
  const dir = tempDir();
  const db = join(dir, 'isopatch.sqlite');
  const inventory = join(dir, 'inventory.csv');
  writeFileSync(
    inventory,
    [
      'Asset Tag,Manufacturer,Model,Modality,Department,Location,OS,Software Version',
      'NM-1,Siemens,Symbia T16,NM,Nuclear Medicine,<b>Room 1</b>,Windows 7,VA60A',
      '=CMD(1),Siemens,Symbia T16,NM,Nuclear Medicine,Room 2,Windows 7,VA60A',
      'CT-1,GE,Revolution,CT,Radiology,Room 3,Windows 10,1.0',
    ].join('\n'),
  );
  const imported = isopatchOn(db, 'import-devices', inventory);
  if (imported.code !== 0) throw new Error(imported.stderr);
  return { dir, db };
}

describe('isopatch report', () => {
  it('writes each report as HTML, CSV or XLSX, with the format from --format or the file name', async () => {
    const { dir, db } = hospital();
    const html = join(dir, 'status.html');
    const status = isopatchOn(db, 'report', 'status', '--format', 'html', '--out', html);
    expect(status).toMatchObject({ code: 0, stdout: `Wrote the status report to ${html}.\n` });
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<h1>Status report</h1>');
    expect(page).toContain('Exposed');

    const csv = join(dir, 'worklist.csv');
    const worklist = isopatchOn(
      db,
      '--json',
      'report',
      'worklist',
      '--department',
      'nuclear medicine',
      '--out',
      csv,
    );
    expect(worklist.code).toBe(0);
    expect(JSON.parse(worklist.stdout)).toMatchObject({ report: 'worklist', format: 'csv', file: csv });
    expect(JSON.parse(worklist.stdout).suggestedName).toMatch(
      /^worklist-nuclear-medicine-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    expect(readFileSync(csv, 'utf8')).toContain('Filter: Departments,Nuclear Medicine');

    const devicesCsv = join(dir, 'devices.csv');
    expect(isopatchOn(db, 'report', 'devices', '--out', devicesCsv).code).toBe(0);
    const register = readFileSync(devicesCsv, 'utf8');
    expect(register).toContain("\r\n'=CMD(1),");
    expect(register).toContain('<b>Room 1</b>');
    const devicesHtml = join(dir, 'devices.html');
    expect(isopatchOn(db, 'report', 'devices', '--format', 'html', '--out', devicesHtml).code).toBe(0);
    // As text: escaped, never a tag (the report's own spans keep identifiers from breaking across lines).
    const registerHtml = readFileSync(devicesHtml, 'utf8');
    expect(registerHtml).not.toContain('<b>Room');
    expect(registerHtml.replace(/<\/?span[^>]*>/g, '')).toContain('&lt;b&gt;Room 1&lt;/b&gt;');

    const xlsx = join(dir, 'audit.xlsx');
    const audit = isopatchOn(
      db,
      'report',
      'audit',
      '--format',
      'xlsx',
      '--from',
      '2000-01-01',
      '--to',
      '2100-01-01',
      '--out',
      xlsx,
    );
    expect(audit.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', 'Audit trail']);
    expect((workbook.getWorksheet('Audit trail')?.rowCount ?? 0) > 1).toBe(true);
  });

  it('refuses what it cannot do in one sentence, exit code 2, and writes nothing', () => {
    const { dir, db } = hospital();
    const out = join(dir, 'x.pdf');
    expect(isopatchOn(db, 'report', 'status', '--out', out)).toMatchObject({
      code: 2,
      stderr: 'PDF comes from the app (Reports > Save as PDF); here use --format html, csv or xlsx.\n',
    });
    expect(isopatchOn(db, 'report', 'weekly', '--out', out)).toMatchObject({ code: 2 });
    expect(isopatchOn(db, 'report', 'status', '--format', 'html')).toMatchObject({
      code: 2,
      stderr: 'report needs --out FILE.\n',
    });
    const html = join(dir, 'x.html');
    expect(isopatchOn(db, 'report', 'worklist', '--department', 'Cardiology', '--out', html)).toMatchObject({
      code: 2,
      stderr: 'No department is called "Cardiology".\n',
    });
    expect(isopatchOn(db, 'report', 'audit', '--from', '2026-13-01', '--out', html).code).toBe(2);
    expect(existsSync(out) || existsSync(html)).toBe(false);
  });
});

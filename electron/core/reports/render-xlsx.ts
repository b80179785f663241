import type ExcelJS from 'exceljs';
import type { Cell, Column, ReportDocument } from './model';

/**
 * The report as a workbook: a Summary sheet (header, filter, figures), the burn-down and one sheet per table.
 * Cells are typed: numbers are numbers, dates and times are Excel dates (the site's local wall time, as printed),
 * percentages are fractions shown as %. Each table sheet has its header row frozen and an autofilter.
 * Text is always written as text, never as a formula.
 */

const DATE_FORMAT = 'yyyy-mm-dd';
const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';

/** A local 'YYYY-MM-DD[ HH:mm]' as the Date Excel shows with those same figures (Excel has no time zones). */
export function excelDate(text: string): Date {
  const [date = '', time = '00:00'] = text.split(' ');
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, d, h, min));
}

function typed(column: Column, value: Cell): { value: ExcelJS.CellValue; numFmt?: string } {
  if (value === null) return { value: null };
  if (Array.isArray(value)) return { value: value.length > 0 ? value.join('\n') : null };
  if (column.type === 'tick' || column.type === 'blank') return { value: null };
  if (typeof value === 'number') {
    return column.type === 'percent' ? { value: value / 100, numFmt: '0%' } : { value };
  }
  if (column.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value as string))
    return { value: excelDate(value as string), numFmt: DATE_FORMAT };
  if (column.type === 'datetime' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(value as string))
    return { value: excelDate(value as string), numFmt: DATETIME_FORMAT };
  return { value: value as string };
}

/** Excel's rules for sheet names: at most 31 characters, none of \ / * ? : [ ], unique regardless of case. */
function sheetNamer() {
  const used = new Set<string>();
  return (wanted: string) => {
    const base =
      wanted
        .replace(/[\\/*?:[\]]/g, ' ')
        .trim()
        .slice(0, 31) || 'Sheet';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 26)} (${n})`;
    used.add(name.toLowerCase());
    return name;
  };
}

function addTable(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(columns.map((c) => c.label)).font = { bold: true };
  const widths = columns.map((c) => c.label.length);
  for (const row of rows) {
    const added = sheet.addRow([]);
    columns.forEach((column, i) => {
      const { value, numFmt } = typed(column, row[i] ?? null);
      const target = added.getCell(i + 1);
      target.value = value;
      if (numFmt) target.numFmt = numFmt;
      if (typeof value === 'string' && value.includes('\n'))
        target.alignment = { wrapText: true, vertical: 'top' };
      const length =
        value instanceof Date
          ? 16
          : Math.max(
              ...String(value ?? '')
                .split('\n')
                .map((l) => l.length),
            );
      widths[i] = Math.max(widths[i] ?? 0, length);
    });
  }
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, width + 2));
  });
  if (columns.length > 0)
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: Math.max(1, rows.length + 1), column: columns.length },
    };
}

export async function reportXlsx(doc: ReportDocument): Promise<Buffer> {
  // Loaded on first use, as the importer does: exceljs is most of the bundle.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = `Isopatch (${doc.header.author})`;
  const name = sheetNamer();
  const summary = workbook.addWorksheet(name('Summary'));
  summary.addRow([doc.title]).font = { bold: true, size: 14 };
  summary.addRow(['Organization', doc.header.organization]);
  summary.addRow(['Site', doc.header.site]);
  const generated = summary.addRow(['Generated', excelDate(doc.header.generatedAt), doc.header.timeZone]);
  generated.getCell(2).numFmt = DATETIME_FORMAT;
  summary.addRow(['Author', doc.header.author]);
  for (const [filter, value] of doc.header.filter) summary.addRow([`Filter: ${filter}`, value]);
  summary.getColumn(1).width = 28;
  summary.getColumn(2).width = 40;
  for (const section of doc.sections) {
    if (section.kind === 'figures') {
      summary.addRow([]);
      summary.addRow(['Figure', 'Value', 'Meaning']).font = { bold: true };
      for (const f of section.figures) {
        const row = summary.addRow([f.label, f.unit === '%' ? f.value / 100 : f.value, f.help]);
        if (f.unit === '%') row.getCell(2).numFmt = '0%';
      }
    } else if (section.kind === 'burn-down') {
      addTable(
        workbook,
        name('Burn-down'),
        [
          { label: 'Date', type: 'date' },
          { label: 'Exposed', type: 'number' },
          { label: 'Unpatched', type: 'number' },
        ],
        section.points.map((p) => [p.date, p.exposed, p.unpatched]),
      );
    } else if (section.kind === 'table') {
      addTable(workbook, name(section.sheet), section.columns, section.rows);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

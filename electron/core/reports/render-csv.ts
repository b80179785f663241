import { csvDocument } from '../formats/csv';
import type { Cell, ReportDocument } from './model';

/**
 * The report as one CSV file: its header lines, then each table under its title with its own header row, a
 * blank record between them. Every cell goes through csvCell (formula prefixes neutralised); lines of a cell
 * are joined with "; ". Boxes and blanks for handwriting are paper only and stay empty.
 */
export function reportCsv(doc: ReportDocument): string {
  const text = (value: Cell): string =>
    value === null ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  const records: string[][] = [
    [doc.title],
    ['Organization', doc.header.organization],
    ['Site', doc.header.site],
    ['Generated', doc.header.generatedAt, doc.header.timeZone],
    ['Author', doc.header.author],
    ...doc.header.filter.map(([name, value]) => [`Filter: ${name}`, value]),
  ];
  for (const section of doc.sections) {
    records.push([], [section.title]);
    if (section.kind === 'figures') {
      records.push(['Figure', 'Value', 'Meaning']);
      // Numbers stay numbers for the spreadsheet; a percentage says so in its label.
      for (const f of section.figures)
        records.push([f.unit === '%' ? `${f.label} (%)` : f.label, String(f.value), f.help]);
    } else if (section.kind === 'burn-down') {
      records.push(['Date', 'Exposed', 'Unpatched']);
      for (const p of section.points) records.push([p.date, String(p.exposed), String(p.unpatched)]);
    } else if (section.kind === 'table') {
      records.push(section.columns.map((c) => (c.type === 'percent' ? `${c.label} (%)` : c.label)));
      for (const row of section.rows) records.push(section.columns.map((_, i) => text(row[i] ?? null)));
      if (section.rows.length === 0) records.push([section.empty]);
    } else {
      records.push(['Role', 'Name', 'Signature', 'Date'], ...section.roles.map((role) => [role]));
    }
  }
  return csvDocument(records);
}

import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { ReportFile } from '../api/schemas/reports';
import { type Command, call } from './command';
import { CliError, EXIT } from './exit-codes';

const REPORTS = { status: 'status', worklist: 'worklist', devices: 'devices', audit: 'audit' } as const;
const FORMATS = ['html', 'csv', 'xlsx'] as const;

const usage = [
  'isopatch report status|worklist|devices|audit --format html|csv|xlsx --out FILE',
  '       [--site NAME] [--department NAME]... [--from YYYY-MM-DD] [--to YYYY-MM-DD]',
  '       [--paper a4|letter] [--orientation portrait|landscape] [--json]',
  '',
  'Without --format the file name tells it (.html, .csv, .xlsx). PDF comes from the app (Reports > Save as',
  'PDF or Print), where a browser engine lays the HTML out on pages.',
].join('\n');

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export const reportCommand: Command = {
  summary: 'write a status report, department worklist, device register or audit trail (HTML, CSV, XLSX)',
  usage,
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    site: { type: 'string' },
    department: { type: 'string', multiple: true },
    from: { type: 'string' },
    to: { type: 'string' },
    paper: { type: 'string' },
    orientation: { type: 'string' },
  },
  async run({ router, positionals, values, json }) {
    const [name, ...extra] = positionals;
    const report = name === undefined ? undefined : REPORTS[name as keyof typeof REPORTS];
    if (!report || extra.length > 0)
      throw new CliError(
        'report needs one of: status, worklist, devices, audit; run "isopatch report --help".',
      );
    const out = text(values.out);
    if (!out || out.trim() === '') throw new CliError('report needs --out FILE.');
    const format = text(values.format) ?? extname(out).slice(1).toLowerCase();
    if (format === 'pdf')
      throw new CliError(
        'PDF comes from the app (Reports > Save as PDF); here use --format html, csv or xlsx.',
      );
    if (!(FORMATS as readonly string[]).includes(format))
      throw new CliError(`--format must be html, csv or xlsx (not "${format || 'missing'}").`);
    const departments = values.department as unknown;
    const file = await call<ReportFile>(router, 'exportReport', {
      report,
      format,
      departments: Array.isArray(departments) ? departments : departments === undefined ? [] : [departments],
      ...(text(values.site) && { site: text(values.site) }),
      ...(text(values.from) && { from: text(values.from) }),
      ...(text(values.to) && { to: text(values.to) }),
      ...(text(values.paper) && { paper: text(values.paper) }),
      ...(text(values.orientation) && { orientation: text(values.orientation) }),
    });
    try {
      writeFileSync(out, file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : file.content);
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
      throw new CliError(`The file ${out} cannot be written${reason}.`);
    }
    console.log(
      json
        ? JSON.stringify({ report, format, file: out, suggestedName: file.fileName }, null, 2)
        : `Wrote the ${report} report to ${out}.`,
    );
    return EXIT.done;
  },
};

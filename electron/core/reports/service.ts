import type {
  ExportReportInput,
  ReportFile,
  ReportInput,
  ReportKind,
  ReportPreview,
} from '../../api/schemas/reports';
import type { CoreContext } from '../context';
import { auditReport } from './audit-report';
import type { ReportDocument } from './model';
import { registerReport } from './register-report';
import { reportCsv } from './render-csv';
import { reportBody, reportHtmlDocument } from './render-html';
import { reportXlsx } from './render-xlsx';
import { pageFooter, reportCss, runningHeader } from './report-css';
import { statusReport } from './status-report';
import { worklistReport } from './worklist-report';

const BUILDERS: Record<ReportKind, (ctx: CoreContext, input: ReportInput) => ReportDocument> = {
  status: statusReport,
  worklist: worklistReport,
  devices: registerReport,
  audit: auditReport,
};

export const buildReport = (ctx: CoreContext, input: ReportInput) => BUILDERS[input.report](ctx, input);

const pageOf = (doc: ReportDocument, input: ReportInput) => ({
  paper: input.paper,
  orientation: input.orientation ?? doc.defaultOrientation,
});

/** What the Reports view shows and prints: the same HTML the .html file holds, and its stylesheet. */
export function previewReport(ctx: CoreContext, input: ReportInput): ReportPreview {
  const doc = buildReport(ctx, input);
  const page = pageOf(doc, input);
  return {
    title: doc.title,
    fileStem: doc.fileStem,
    ...page,
    css: reportCss(doc, page),
    html: reportBody(doc, page).markup,
    runningHeader: runningHeader(doc),
    footer: pageFooter(doc),
  };
}

/** The report as a file: HTML, CSV or XLSX, named after the report and the day it was made. */
export async function exportReport(ctx: CoreContext, input: ExportReportInput): Promise<ReportFile> {
  const doc = buildReport(ctx, input);
  switch (input.format) {
    case 'html':
      return {
        fileName: `${doc.fileStem}.html`,
        mimeType: 'text/html;charset=utf-8',
        encoding: 'utf8',
        content: reportHtmlDocument(doc, pageOf(doc, input)),
      };
    case 'csv':
      return {
        fileName: `${doc.fileStem}.csv`,
        mimeType: 'text/csv;charset=utf-8',
        encoding: 'utf8',
        content: reportCsv(doc),
      };
    case 'xlsx':
      return {
        fileName: `${doc.fileStem}.xlsx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        encoding: 'base64',
        content: (await reportXlsx(doc)).toString('base64'),
      };
  }
}

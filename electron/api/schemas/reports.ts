import { z } from 'zod';
import { localDate } from './site-model';

/** The reports Isopatch prints: for department heads, the CISO, the risk committee, regulators and the bench. */
export const reportKind = z.enum(['status', 'worklist', 'devices', 'audit']);
export type ReportKind = z.infer<typeof reportKind>;

export const paperSize = z.enum(['a4', 'letter']);
export type PaperSize = z.infer<typeof paperSize>;
export const orientation = z.enum(['portrait', 'landscape']);
export type Orientation = z.infer<typeof orientation>;
export const reportFormat = z.enum(['html', 'csv', 'xlsx']);
export type ReportFormat = z.infer<typeof reportFormat>;

const name = z.string().trim().min(1, 'must not be empty').max(200);

/** What a report covers. Dates are local days of the site (both included); each report says how it uses them. */
const parameterShape = {
  report: reportKind,
  /** A site by name (any case); none means every site. */
  site: name.optional(),
  /** Departments by name (any case); none means every department (of the site). */
  departments: z.array(name).max(500).default([]),
  from: localDate.optional(),
  to: localDate.optional(),
  paper: paperSize.default('a4'),
  /** Each report has its own default: the status report portrait, the wide tables landscape. */
  orientation: orientation.optional(),
};

const datesInOrder = (input: { from?: string | undefined; to?: string | undefined }) =>
  !input.from || !input.to || input.from <= input.to;
const datesMessage = { message: '"from" must not be after "to"', path: ['to'] };

export const reportInput = z.object(parameterShape).strict().refine(datesInOrder, datesMessage);
export type ReportInput = z.output<typeof reportInput>;

export const exportReportInput = z
  .object({ ...parameterShape, format: reportFormat })
  .strict()
  .refine(datesInOrder, datesMessage);
export type ExportReportInput = z.output<typeof exportReportInput>;

/** The report as the app previews and prints it: one HTML fragment and its stylesheet, both from the core. */
export const reportPreview = z.object({
  title: z.string(),
  /** "status-report-2026-11-29": what every file of this report is called, before its extension. */
  fileStem: z.string(),
  paper: paperSize,
  orientation,
  /** The report's stylesheet, page rules for the paper included. */
  css: z.string(),
  /** `<article class="report">...`: built by the core's escaping HTML builder; every imported text is escaped. */
  html: z.string(),
  /** What the stylesheet's page-margin boxes print, for the paged preview: the running header (top left)... */
  runningHeader: z.string(),
  /** ...and the footer with the generation time (bottom left); "Page X of Y" goes bottom right. */
  footer: z.string(),
});
export type ReportPreview = z.infer<typeof reportPreview>;

export const reportFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** Text files come as they are; a workbook as base64. */
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});
export type ReportFile = z.infer<typeof reportFile>;

/** The desktop app prints the shown report to a PDF file (Electron's printToPDF) where the person chooses. */
export const savePdfInput = z
  .object({
    fileName: z
      .string()
      .trim()
      .regex(/^[\w.-]{1,120}\.pdf$/, 'must be a plain file name ending in .pdf'),
    paper: paperSize,
    orientation,
  })
  .strict();
export type SavePdfInput = z.output<typeof savePdfInput>;

export const savedPdf = z.object({ saved: z.boolean(), file: z.string().nullable() });
export type SavedPdf = z.infer<typeof savedPdf>;

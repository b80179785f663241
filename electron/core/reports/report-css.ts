import { PAGE_MARGIN, PAPER } from '../../api/paper';
import type { Orientation, PaperSize } from '../../api/schemas/reports';
import { COMPACT_FONT_PT } from './column-widths';
import { cssString } from './html';
import type { ReportDocument } from './model';

/**
 * The report's stylesheet, the same in the app's print preview and in every HTML file: paper first, black on
 * white, lines and weights instead of colour. Page numbers ("Page 3 of 7") and the footer with the generation
 * time are CSS page-margin boxes, which Chromium prints (Chrome 131 and later, Electron 34 and later).
 */

export interface PageSetup {
  readonly paper: PaperSize;
  readonly orientation: Orientation;
}

/** The running header of every page (top left): the report, the organization and the site. */
export const runningHeader = (doc: ReportDocument) =>
  `${doc.title} · ${doc.header.organization} · ${doc.header.site}`;

/** The footer of every page (bottom left): when, in which time zone, and by whom the report was made. */
export const pageFooter = ({ header }: ReportDocument) =>
  `Generated ${header.generatedAt} (${header.timeZone}) by ${header.author} with Isopatch`;

/** The font size of a report's tables: the register and the audit trail hold more columns, in smaller type. */
export const tableFontPt = (report: ReportDocument['report']): number =>
  report === 'devices' || report === 'audit' ? 6.8 : 8;

export function reportCss(doc: ReportDocument, page: PageSetup): string {
  const m = PAGE_MARGIN;
  return `@page {
  size: ${PAPER[page.paper].css} ${page.orientation};
  margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @top-left { content: ${cssString(runningHeader(doc))}; font: 7.5pt sans-serif; color: #000; }
  @bottom-left { content: ${cssString(pageFooter(doc))}; font: 7.5pt sans-serif; color: #000; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7.5pt sans-serif; color: #000; }
}
${BASE_CSS}`;
}

const BASE_CSS = `
.report {
  color: #000;
  background: #fff;
  font: 9pt/1.35 "Noto Sans", "DejaVu Sans", Arial, Helvetica, sans-serif;
  print-color-adjust: exact;
  -webkit-print-color-adjust: exact;
  text-align: left;
}
.report * { box-sizing: border-box; }
.report h1 { font-size: 16pt; margin: 0 0 2mm; }
.report h2 { font-size: 11.5pt; margin: 5mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
.report p { margin: 0 0 2mm; }
.report-meta {
  display: grid;
  grid-template-columns: max-content 1fr max-content 1fr;
  gap: 0.5mm 4mm;
  margin: 0 0 3mm;
  padding: 2mm 0;
  border-top: 1.5pt solid #000;
  border-bottom: 0.75pt solid #000;
}
.report-meta dt { font-weight: 700; }
.report-meta dd { margin: 0; overflow-wrap: anywhere; }
.report-filter { grid-column: 2 / -1; }
.report section { margin: 0 0 2mm; }
.report .page-break { break-before: page; page-break-before: always; }
.report .figures {
  display: grid;
  grid-template-columns: repeat(4, 1fr);
  gap: 2mm;
  margin: 0;
  padding: 0;
  list-style: none;
}
.report .figure { border: 0.75pt solid #000; padding: 1.5mm 2mm; break-inside: avoid; }
.report .figure-value { display: block; font-size: 17pt; font-weight: 700; line-height: 1.1; }
.report .figure-label { display: block; font-weight: 700; }
.report .figure-help { display: block; font-size: 7.5pt; }
.report .burn-down { display: block; width: 100%; max-height: 75mm; height: auto; color: #000; break-inside: avoid; }
.report table { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: ${tableFontPt('status')}pt; }
.report thead { display: table-header-group; }
.report tr { break-inside: avoid; page-break-inside: avoid; }
.report th, .report td {
  border: 0.5pt solid #444;
  padding: 0.8mm 1.2mm;
  vertical-align: top;
  text-align: left;
  overflow-wrap: anywhere;
}
.report th { background: #e4e4e4; font-weight: 700; border-bottom: 1.2pt solid #000; overflow-wrap: break-word; }
.report thead tr.running-label th { background: none; border: none; font-weight: 400; font-size: 7.5pt; padding-left: 0; }
.report td.num, .report th.num { text-align: right; font-variant-numeric: tabular-nums; }
.report tr.total td { font-weight: 700; border-top: 1.2pt solid #000; }
.report .line { display: block; }
.report .nobr { white-space: nowrap; }
.report .task { font-weight: 700; }
.report .box {
  display: inline-block;
  width: 3mm;
  height: 3mm;
  margin-right: 1.2mm;
  border: 0.8pt solid #000;
  vertical-align: -0.4mm;
  background: #fff;
}
.report .box-large { width: 5mm; height: 5mm; }
.report .empty { font-style: italic; }
.report .note { font-size: 7.5pt; font-style: italic; }
/* A warning among the checks: bold behind a rule, so it reads as one without colour and has no box to tick. */
.report .warning { font-weight: 700; border-left: 1.2pt solid #000; padding-left: 1mm; margin-top: 0.6mm; }
/* A heading's note stays with the table under it, as the heading does. */
.report h2 + .note { break-after: avoid; page-break-after: avoid; }
.report-worklist td { height: 17mm; }
.report-devices table, .report-audit table { font-size: ${tableFontPt('devices')}pt; }
.report table.compact { font-size: ${COMPACT_FONT_PT}pt; }
.report table.compact th, .report table.compact td { padding: 0.8mm; }
.report .sign-off table td { height: 11mm; }
.report .sign-off th[scope="row"] { background: #fff; }
.report .sign-off { break-inside: avoid; }
`;

/** Around the report in a file of its own: centred on a screen, nothing around it on paper. */
export const PAGE_CSS = `
html { background: #fff; }
body { margin: 0; }
@media screen { body { max-width: 277mm; margin: 0 auto; padding: 12mm; } }
`;

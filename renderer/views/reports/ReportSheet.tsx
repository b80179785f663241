import { type CSSProperties, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { PAGE_MARGIN, pageGeometry } from '../../../electron/api/paper';
import type { ReportPreview } from '../../../electron/api/schemas/reports';
import { ScrollRegion } from '../../components/ScrollRegion';
import { type Pagination, paginate } from './paginate';
import { printArea } from './print-area';
import { adoptReportStyles } from './report-output';

/**
 * The report on pages of the chosen paper, as they will print: the running header, "Page X of Y" and the footer
 * on each, table headers again on every page a table continues on (paginate.ts cuts them). Printing prints the
 * core's HTML as it flows, with the stylesheet's @page rules, exactly as the PDF and the .html file do: on screen
 * that flowing report is hidden and never laid out, on paper only it shows (reports.css). While a new report is
 * loaded or cut, the last pages stay, dimmed and marked busy.
 */
export function ReportSheet({ preview, current }: { preview: ReportPreview; current: boolean }) {
  const flow = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLDivElement>(null);
  const pages = useRef<HTMLOListElement>(null);
  const region = useRef<HTMLElement>(null);
  const shown = useRef('');
  const [done, setDone] = useState<{ of: ReportPreview; result: Pagination } | null>(null);
  const page = pageGeometry(preview.paper, preview.orientation);
  const area = printArea(page);

  useEffect(() => () => adoptReportStyles(null), []);
  // Before the browser styles the new report: one style pass with its own stylesheet, not one with the last.
  useLayoutEffect(() => adoptReportStyles(preview.css), [preview.css]);
  useEffect(() => {
    const report = flow.current?.querySelector('.report');
    const into = pages.current;
    if (!report || !into || !probe.current) return;
    const abort = new AbortController();
    // Another report or paper starts at its first page; the same one, reloaded after a change, stays where it is.
    const identity = `${preview.fileStem} ${preview.paper} ${preview.orientation}`;
    if (identity !== shown.current) region.current?.scrollTo({ top: 0 });
    shown.current = identity;
    const { height } = printArea(pageGeometry(preview.paper, preview.orientation));
    const text = { header: preview.runningHeader, footer: preview.footer };
    void paginate(report, probe.current, height, text, into, abort.signal).then((result) => {
      if (result) setDone({ of: preview, result });
    });
    return () => abort.abort();
  }, [preview]);

  // Pages are ready when they are cut from this preview and it is the one asked for (not the last, still shown).
  const ready = done?.of === preview && current;
  const geometry = {
    '--sheet-width': `${page.width}mm`,
    '--sheet-height': `${page.height}mm`,
    '--area-width': `${area.width}px`,
    '--area-height': `${area.height}px`,
    '--margin-top': `${PAGE_MARGIN.top}mm`,
    '--margin-right': `${PAGE_MARGIN.right}mm`,
    '--margin-bottom': `${PAGE_MARGIN.bottom}mm`,
    '--margin-left': `${PAGE_MARGIN.left}mm`,
  } as CSSProperties;
  return (
    <>
      <p className="report-page-count no-print" aria-live="polite">
        {ready
          ? `${done.result.pages} ${done.result.pages === 1 ? 'page' : 'pages'}`
          : 'Preparing the pages…'}
      </p>
      <ScrollRegion ref={region} label="Print preview" className="report-preview">
        <div className="report-sheets" style={geometry}>
          <div
            ref={flow}
            className="report-flow"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: markup from the core's escaping HTML builder (electron/core/reports/html.ts), which escapes every text from the database; the app's CSP forbids inline script besides
            dangerouslySetInnerHTML={{ __html: preview.html }}
          />
          <div ref={probe} className="report-probe" />
          <ol
            ref={pages}
            className="report-pages"
            aria-label="Pages"
            aria-busy={!ready}
            data-testid="report-sheet"
            data-paper={preview.paper}
            data-orientation={preview.orientation}
            data-state={ready ? 'ready' : 'paginating'}
            data-pages={ready ? done.result.pages : undefined}
            data-layout-ms={ready ? Math.round(done.result.layoutMs) : undefined}
            data-build-ms={ready ? Math.round(done.result.buildMs) : undefined}
          />
        </div>
      </ScrollRegion>
    </>
  );
}

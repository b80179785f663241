import { useEffect } from 'react';
import type { ReportPreview } from '../../../electron/api/schemas/reports';
import { ScrollRegion } from '../../components/ScrollRegion';
import { adoptReportStyles } from './report-output';

/**
 * The report on a sheet the size of the chosen paper, exactly as it prints: the same HTML the core writes to an
 * .html file, with the same stylesheet. Printing hides everything else on the page (reports.css).
 */
export function ReportSheet({ preview }: { preview: ReportPreview }) {
  useEffect(() => adoptReportStyles(preview.css), [preview.css]);
  useEffect(() => () => adoptReportStyles(null), []);
  return (
    <ScrollRegion label="Print preview" className="report-preview">
      <div
        className="report-sheet"
        data-testid="report-sheet"
        data-paper={preview.paper}
        data-orientation={preview.orientation}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: markup from the core's escaping HTML builder (electron/core/reports/html.ts), which escapes every text from the database; the app's CSP forbids inline script besides
        dangerouslySetInnerHTML={{ __html: preview.html }}
      />
    </ScrollRegion>
  );
}

import type { PrintToPDFOptions } from 'electron';
import type { SavePdfInput } from './api/schemas/reports';

/**
 * How the desktop app prints the shown report to PDF. The page's print stylesheet hides everything but the report,
 * and the report's own @page rules give the size, the margins, "Page X of Y" and the footer with the generation
 * time, so no header or footer template is needed; paper and orientation are passed as well, for safety.
 */
export function pdfOptions(input: Pick<SavePdfInput, 'paper' | 'orientation'>): PrintToPDFOptions {
  return {
    pageSize: input.paper === 'letter' ? 'Letter' : 'A4',
    landscape: input.orientation === 'landscape',
    preferCSSPageSize: true,
    printBackground: true,
    displayHeaderFooter: false,
    generateTaggedPDF: true,
    generateDocumentOutline: true,
  };
}

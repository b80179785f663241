import type { ReportFile } from '../../../electron/api/schemas/reports';
import { bytesOfBase64, saveFile } from '../../save-file';

/** Saves a file the core made (text, or bytes in base64). */
export function downloadReportFile(file: ReportFile) {
  const content = file.encoding === 'base64' ? bytesOfBase64(file.content) : file.content;
  saveFile(file.fileName, content, file.mimeType);
}

/** In the desktop app the preload provides `window.isopatch`, and main answers savePdf with printToPDF. */
export const isDesktop = () => window.isopatch !== undefined;

let sheet: CSSStyleSheet | null = null;

/**
 * Puts the report's stylesheet (from the core, with the @page rules for the chosen paper) into the document.
 * A constructed stylesheet, because the app's Content-Security-Policy allows no inline <style>; the rules are
 * the core's constant text, not data. Removed when the Reports view closes, so other views print as before.
 */
export function adoptReportStyles(css: string | null) {
  if (css === null) {
    if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    sheet = null;
    return;
  }
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(css);
}

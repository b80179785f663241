import type { ReportFile } from '../../../electron/api/schemas/reports';

/** Saves a file the core made, through a Blob and an object URL: the same in Electron and in a browser. */
export function downloadReportFile(file: ReportFile) {
  const bytes =
    file.encoding === 'base64' ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)) : file.content;
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
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

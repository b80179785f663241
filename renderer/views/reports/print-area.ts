import { mmToPx, PAGE_MARGIN, type PageGeometry } from '../../../electron/api/paper';

/**
 * The box Chromium lays a printed page's report out in, in CSS px: it holds the paper's size in 1/64 px (rounded)
 * and the margins in 1/64 px (cut off), and rounds the box up to whole pixels, so A4 portrait holds 704 x 998 px
 * where the millimetres make 702.99 x 997.80. Found by printing test pages with page.pdf (A4 and Letter, both
 * ways). The preview lays the report out at this width and fills its pages to this height, so that it breaks
 * lines and pages where the printer does.
 */
export function printArea(page: PageGeometry): { width: number; height: number } {
  const round = (mm: number) => Math.round(mmToPx(mm) * 64) / 64;
  const cut = (mm: number) => Math.floor(mmToPx(mm) * 64) / 64;
  return {
    width: Math.ceil(round(page.width) - cut(PAGE_MARGIN.left) - cut(PAGE_MARGIN.right)),
    height: Math.ceil(round(page.height) - cut(PAGE_MARGIN.top) - cut(PAGE_MARGIN.bottom)),
  };
}

import type { Orientation, PaperSize } from './schemas/reports';

/**
 * The printed page as data, in millimetres, in one place: the core's @page rules
 * (electron/core/reports/report-css.ts) and the renderer's paged print preview (renderer/views/reports/) both read
 * it, so the preview's sheets and the printer's pages have the same size and the same room for the report.
 */

/** Paper sizes in portrait, and the name CSS `@page { size }` knows them by. */
export const PAPER: Readonly<
  Record<PaperSize, { readonly css: string; readonly width: number; readonly height: number }>
> = {
  a4: { css: 'A4', width: 210, height: 297 },
  letter: { css: 'letter', width: 215.9, height: 279.4 },
};

/** The page margins: the running header lives in the top one, the footer and "Page X of Y" in the bottom one. */
export const PAGE_MARGIN = { top: 16, right: 12, bottom: 17, left: 12 } as const;

/** The sheet in millimetres, turned for the orientation; the report flows in it within `PAGE_MARGIN`. */
export interface PageGeometry {
  readonly width: number;
  readonly height: number;
}

export function pageGeometry(paper: PaperSize, orientation: Orientation): PageGeometry {
  const { width: short, height: long } = PAPER[paper];
  const width = orientation === 'portrait' ? short : long;
  const height = orientation === 'portrait' ? long : short;
  return { width, height };
}

/** Millimetres in CSS pixels (96 to the inch), the unit the browser lays the page out in. */
export const mmToPx = (mm: number) => (mm * 96) / 25.4;

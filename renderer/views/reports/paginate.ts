/**
 * Cuts the flowing report into pages the way Chromium's print layout does, so the preview shows the pages the
 * printer will print (e2e/reports.spec.ts compares each page with a PDF of the same report).
 *
 * A copy of the report is laid out off screen at exactly the width the printer gives it (print-area.ts), with the
 * report's own stylesheet, and measured: positions, not summed heights, so margins between blocks count as they
 * print. Then it is cut between pieces that print whole, and each page is built from clones of the report's
 * nodes: the report's text is never turned back into markup.
 */
import { measure, type Piece } from './report-pieces';

/** Groups the pieces into pages of `height` px: as many as fit, then the rules for breaks. */
function cut(pieces: readonly Piece[], height: number): Piece[][] {
  const pages: Piece[][] = [];
  let i = 0;
  while (i < pieces.length) {
    const start = pieces[i] as Piece;
    let end = i + 1; // A piece taller than a page gets a page of its own (the printer would split it).
    while (end < pieces.length) {
      const next = pieces[end] as Piece;
      // No allowance: a row that ends within a fraction of a pixel of the page's bottom goes on the page, as on
      // paper (an allowance of half a pixel moved a row the printer kept; found by the e2e comparison).
      if (next.forcedBreak || next.bottom - start.pageTop > height) break;
      end++;
    }
    // A heading stays with what follows it: the page ends before the heading instead.
    if (end < pieces.length && !pieces[end]?.forcedBreak)
      while (end - 1 > i && pieces[end - 1]?.keepWithNext) end--;
    pages.push(pieces.slice(i, end));
    i = end;
  }
  return pages;
}

/**
 * One page's share of the report: a shallow clone of every ancestor of its pieces (a table brings its column
 * widths and its header along, so a table continued on this page has its header again), deep clones of the pieces.
 */
function pageContent(report: Element, pieces: readonly Piece[]): Element {
  const root = report.cloneNode(false) as Element;
  const clones = new Map<Element, Element>([[report, root]]);
  const cloneOf = (el: Element): Element => {
    const known = clones.get(el);
    if (known) return known;
    const parent = cloneOf(el.parentElement as Element);
    const clone = el.cloneNode(false) as Element;
    if (el instanceof HTMLTableElement)
      for (const part of el.children)
        if (part.localName === 'colgroup' || part.localName === 'thead' || part.localName === 'caption')
          clone.append(part.cloneNode(true));
    parent.append(clone);
    clones.set(el, clone);
    return clone;
  };
  pieces.forEach((piece, index) => {
    const clone = piece.node.cloneNode(true) as Element;
    (piece.node.parentElement ? cloneOf(piece.node.parentElement) : root).append(clone);
    // The printer drops the top margin of a page's first block after an unforced break (see `measure`).
    if (index === 0 && !piece.forcedBreak)
      for (let c: Element | null = clone; c && c !== root; c = c.parentElement)
        c.setAttribute('data-page-top', '');
  });
  return root;
}

export interface PageText {
  /** The running header, top left of every page. */
  readonly header: string;
  /** The footer, bottom left; "Page X of Y" goes bottom right. */
  readonly footer: string;
}

export interface Pagination {
  readonly pages: number;
  /** Milliseconds from the start to the pages cut (laying the report out, measuring, cutting)... */
  readonly layoutMs: number;
  /** ...and spent building the pages (in slices, between frames). */
  readonly buildMs: number;
}

/**
 * One sheet: the running header, the page's share of the report, the footer and "Page X of Y", all as text. A
 * piece taller than a page (which the printer would split) makes its sheet longer, so that nothing is hidden.
 */
function sheet(
  content: Element,
  number: number,
  total: number,
  text: PageText,
  tall: boolean,
): HTMLLIElement {
  const div = (className: string, ...children: (Node | string)[]) => {
    const d = document.createElement('div');
    d.className = className;
    d.append(...children);
    return d;
  };
  const span = (t: string) => {
    const s = document.createElement('span');
    s.textContent = t;
    return s;
  };
  const label = `Page ${number} of ${total}`;
  const li = document.createElement('li');
  li.className = 'report-sheet';
  li.setAttribute('aria-label', label);
  if (tall) li.setAttribute('data-tall', '');
  li.append(
    div('report-sheet-header', span(text.header)),
    div('report-sheet-content', content),
    div('report-sheet-footer', span(text.footer), span(label)),
  );
  return li;
}

/**
 * Fills `into` with the pages of `report` (the flowing report, the print source), `height` px of report on each.
 * The report is measured in slices (`measure`) and cut, then the pages are built in slices of about 16 ms between
 * frames: a register of a thousand pages never freezes the window, and its first pages can be read while the rest
 * are made. Resolves null when `signal` aborts first (the person chose another report or paper).
 */
export async function paginate(
  report: Element,
  probe: HTMLElement,
  height: number,
  text: PageText,
  into: HTMLElement,
  signal: AbortSignal,
): Promise<Pagination | null> {
  const started = performance.now();
  await document.fonts.ready;
  const pieces = signal.aborted ? null : await measure(report, probe, signal);
  if (!pieces) return null;
  const pages = cut(pieces, height);
  const layoutMs = performance.now() - started;
  let built = 0;
  let buildMs = 0;
  into.replaceChildren();
  while (built < pages.length) {
    const slice = performance.now();
    const fragment = document.createDocumentFragment();
    do {
      const page = pages[built] as Piece[];
      const tall = (page[page.length - 1] as Piece).bottom - (page[0] as Piece).pageTop > height;
      fragment.append(sheet(pageContent(report, page), built + 1, pages.length, text, tall));
      built++;
    } while (built < pages.length && performance.now() - slice < 16);
    into.append(fragment);
    buildMs += performance.now() - slice;
    if (built < pages.length) await new Promise(requestAnimationFrame);
    if (signal.aborted) return null;
  }
  return { pages: pages.length, layoutMs, buildMs };
}

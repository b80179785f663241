import { mmToPx, PAGE_MARGIN, type PageGeometry } from '../../../electron/api/paper';

/**
 * Cuts the flowing report into pages the way Chromium's print layout does, so the preview shows the pages the
 * printer will print (e2e/reports.spec.ts compares each page with a PDF of the same report).
 *
 * A copy of the report is laid out off screen at exactly the width the printer gives it (`printArea`), with the
 * report's own stylesheet, and measured: positions, not summed heights, so margins between blocks count as they
 * print. Then it is cut between pieces that print whole, and each page is built from clones of the report's
 * nodes: the report's text is never turned back into markup.
 */

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

/** A block no page break cuts: a table row, a heading, a paragraph, a figure grid, the chart, the sign-off. */
interface Piece {
  readonly node: Element;
  /** Where a page that starts with this piece starts, in px from the report's top (see `measure`). */
  readonly pageTop: number;
  /** The bottom of its border box: it fits a page when this less the page's top is at most the page height. */
  readonly bottom: number;
  /** `break-before: page` (each department of a worklist): it starts a page. */
  readonly forcedBreak: boolean;
  /** `break-after: avoid` (headings): no page ends with it while something follows. */
  readonly keepWithNext: boolean;
}

/**
 * Whether the paginator may look inside an element for breaks: plain blocks of blocks (the article, a section).
 * Grids (the report header, the figures), tables' cells, text, the chart and everything the stylesheet asks
 * to keep whole (`break-inside: avoid`) print whole. Chromium could split a grid between its rows, but the only
 * grids sit at the top of the first page, where they fit.
 */
function isContainer(copy: Element, el: Element, style: CSSStyleDeclaration): boolean {
  if (style.display !== 'block' || style.breakInside.startsWith('avoid')) return false;
  if (el.childElementCount === 0 || copy instanceof SVGElement) return false;
  for (const child of el.childNodes)
    if (child.nodeType === Node.TEXT_NODE && child.textContent?.trim()) return false;
  return true;
}

/** Hands the main thread back to the browser (input, painting) between slices of work. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The pieces of the report in order, with where they are in the report as it prints, in px from its top.
 *
 * Measuring needs the report laid out, and laying out the device register of 10,000 devices at once holds the
 * main thread for seconds. So a copy is laid out in `probe` (off screen, at the printer's width) a slice of about
 * 40 ms at a time, and the browser gets the main thread back between slices. A long table is laid out as
 * consecutive parts of a slice each (a table that grows row by row would be laid out whole again each time), and
 * a slice that ends inside a table starts the probe afresh with the table's next part, so the probe never holds
 * more than a slice or two. The parts lay out as the whole table does (fixed table layout: the columns come from
 * the `<col>` widths), and a part's first row starts where the row before it ended: `offset` ties each part,
 * and what follows it, to the whole report.
 */
async function measure(report: Element, probe: HTMLElement, signal: AbortSignal): Promise<Piece[] | null> {
  const pieces: Piece[] = [];
  // Boxes are read once a slice is laid out, in order: one layout a slice, not one a piece.
  let reads: (() => void)[] = [];
  let rowsInSlice = 0;
  let sliceRows = 200;
  // The copies in the probe of the report's elements, made when first needed.
  let copies = new Map<Element, Element>();
  const copyOf = (el: Element): Element => {
    let copy = copies.get(el);
    if (!copy) {
      copy = el.cloneNode(false) as Element;
      copyOf(el.parentElement as Element).append(copy);
      copies.set(el, copy);
    }
    return copy;
  };
  // A box of its own in the probe: a pagination given up may still be finishing its slice when the next starts.
  const host = probe.appendChild(document.createElement('div'));
  const restart = () => {
    const root = report.cloneNode(false) as Element;
    host.replaceChildren(root);
    copies = new Map([[report, root]]);
    return root;
  };
  // Where the probe's boxes are in the report: report position = probe position + offset.
  let offset = -restart().getBoundingClientRect().top;
  // The copy with `break-before: page` (a worklist's department) whose first piece starts a new page.
  let forced: Element | null = null;

  const endSlice = async () => {
    const started = performance.now();
    for (const read of reads) read();
    reads = [];
    rowsInSlice = 0;
    // About 40 ms of layout a slice, whatever this machine and these rows take.
    const took = Math.max(5, performance.now() - started);
    sliceRows = Math.max(50, Math.min(2000, Math.round((sliceRows * 40) / took)));
    await breathe();
    return !signal.aborted;
  };

  const block = (node: Element, copy: Element, keepWithNext: boolean) => {
    const breakTop = forced;
    forced = null;
    reads.push(() => {
      const box = copy.getBoundingClientRect();
      // After an unforced break the printer drops the margin above the page's first block; after a forced one
      // it keeps it (CSS Fragmentation 3, 5.2), and the margin may come from any element starting here.
      let margin = 0;
      if (breakTop)
        for (let a: Element | null = copy; a && a !== breakTop.parentElement; a = a.parentElement)
          margin = Math.max(margin, Number.parseFloat(getComputedStyle(a).marginTop) || 0);
      const top = box.top + offset;
      pieces.push({
        node,
        pageTop: top - margin,
        bottom: top + box.height,
        forcedBreak: breakTop !== null,
        keepWithNext,
      });
    });
  };

  // A page that starts inside a table starts with the table's header again (`thead` repeats in print), so each
  // row's page starts the header's height (`lead`) above the row; for the first row that is the table's own top.
  const table = async (source: HTMLTableElement): Promise<boolean> => {
    const rows = [...source.tBodies].flatMap((body) => [...body.rows]);
    let lead = 0;
    let lastBottom = 0;
    for (let start = 0; start < rows.length; ) {
      const first = start === 0;
      const part = source.cloneNode(false) as HTMLTableElement;
      for (const child of source.children)
        if (child.localName === 'colgroup' || (first && ['thead', 'caption'].includes(child.localName)))
          part.append(child.cloneNode(true));
      const body = (source.tBodies[0] as HTMLTableSectionElement).cloneNode(false);
      const slice = rows.slice(start, start + Math.max(1, sliceRows - rowsInSlice));
      const copies = slice.map((row) => body.appendChild(row.cloneNode(true)) as Element);
      part.append(body);
      copyOf(source.parentElement as Element).append(part);
      start += slice.length;
      rowsInSlice += slice.length;
      const breakTop = forced;
      forced = null;
      reads.push(() => {
        const boxes = copies.map((copy) => copy.getBoundingClientRect());
        const top = (boxes[0] as DOMRect).top;
        if (first) lead = top - part.getBoundingClientRect().top;
        else offset = lastBottom - top;
        boxes.forEach((box, i) => {
          const rowTop = box.top + offset;
          pieces.push({
            node: slice[i] as Element,
            pageTop: rowTop - lead,
            bottom: rowTop + box.height,
            forcedBreak: i === 0 && breakTop !== null,
            keepWithNext: false,
          });
        });
        lastBottom = (boxes[boxes.length - 1] as DOMRect).bottom + offset;
      });
      if (rowsInSlice >= sliceRows && start < rows.length) {
        if (!(await endSlice())) return false;
        restart();
      }
    }
    return true;
  };

  const walk = async (parent: Element): Promise<boolean> => {
    for (const el of parent.children) {
      const copy = el.cloneNode(false) as Element;
      copyOf(parent).append(copy);
      const style = getComputedStyle(copy);
      if (style.display === 'none') continue;
      if (style.breakBefore === 'page' && (pieces.length > 0 || reads.length > 0)) forced = copy;
      if (el instanceof HTMLTableElement && el.tBodies[0]?.rows.length) {
        copy.remove();
        if (!(await table(el))) return false;
      } else if (isContainer(copy, el, style)) {
        copies.set(el, copy);
        if (!(await walk(el))) return false;
      } else {
        copy.append(...[...el.childNodes].map((child) => child.cloneNode(true)));
        block(el, copy, style.breakAfter.startsWith('avoid'));
      }
    }
    return true;
  };

  const done = (await walk(report)) && (await endSlice());
  host.remove();
  return done ? pieces : null;
}

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

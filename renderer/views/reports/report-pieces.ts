/**
 * The report as the printer lays it out: its pieces (rows, headings, blocks that print whole) with where each
 * starts and ends, measured on a copy laid out off screen at the printer's width (paginate.ts cuts them into pages).
 */

/** A block no page break cuts: a table row, a heading, a paragraph, a figure grid, the chart, the sign-off. */
export interface Piece {
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
export async function measure(
  report: Element,
  probe: HTMLElement,
  signal: AbortSignal,
): Promise<Piece[] | null> {
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

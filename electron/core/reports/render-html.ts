import { burnDownChart } from './chart';
import { type Child, el, type Html, trusted } from './html';
import type { Cell, Column, ReportDocument, Section, TableSection } from './model';
import { PAGE_CSS, type PageSetup, reportCss } from './report-css';

/** The report as HTML: built once here, shown by the app's preview, printed, and written to .html files. */

const box = () => el('span', { class: 'box', 'aria-hidden': 'true' });

const formatNumber = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

function cell(column: Column, value: Cell): Html {
  const lines = Array.isArray(value) ? (value as readonly string[]) : null;
  const classes = [
    column.type === 'number' || column.type === 'percent' ? 'num' : null,
    column.type === 'date' || column.type === 'datetime' ? 'date' : null,
    column.type === 'blank' ? 'blank' : null,
    column.width ?? null,
  ].filter(Boolean);
  const attributes = { class: classes.length > 0 ? classes.join(' ') : null };
  switch (column.type) {
    case 'tick':
      return el(
        'td',
        attributes,
        el('span', { class: 'box box-large', role: 'img', 'aria-label': 'box to tick' }),
      );
    case 'blank':
      return el('td', attributes);
    case 'checklist':
      return el(
        'td',
        attributes,
        (lines ?? [String(value ?? '')]).map((line, i) =>
          i === 0
            ? el('span', { class: 'line task' }, line)
            : line.startsWith('Note: ')
              ? el('span', { class: 'line note' }, line)
              : el('span', { class: 'line' }, box(), line),
        ),
      );
    case 'percent':
      return el('td', attributes, value === null ? '' : `${value} %`);
    default:
      if (lines)
        return el(
          'td',
          attributes,
          lines.map((line) => el('span', { class: 'line' }, line)),
        );
      return el('td', attributes, typeof value === 'number' ? formatNumber(value) : (value ?? ''));
  }
}

/** Columns as printed: neighbours of one group share a cell. */
function printColumns(columns: readonly Column[]): { column: Column; index: number }[][] {
  const printed: { column: Column; index: number }[][] = [];
  columns.forEach((column, index) => {
    const last = printed[printed.length - 1];
    const previous = last?.[last.length - 1]?.column;
    if (last && column.group !== undefined && previous?.group === column.group) last.push({ column, index });
    else printed.push([{ column, index }]);
  });
  return printed;
}

const lengthOf = (column: Column, value: Cell): number => {
  if (column.type === 'tick') return 4;
  if (column.type === 'blank') return column.width === 'wide' ? 30 : 12;
  if (Array.isArray(value))
    return Math.max(0, ...value.map((line: string) => line.length + (column.type === 'checklist' ? 3 : 0)));
  return value === null ? 0 : String(value).length;
};

/**
 * The longest word in a text column's values, up to `cap` (numbers and boxes have their own room). Stops at the
 * cap: a register of 10,000 devices would otherwise split every value of every column.
 */
function longestWord(column: Column, rows: readonly (readonly Cell[])[], index: number, cap: number): number {
  if (column.type !== 'text') return 0;
  let longest = 0;
  for (const row of rows) {
    const value = row[index];
    const lines = Array.isArray(value) ? (value as readonly string[]) : [value];
    for (const line of lines)
      if (typeof line === 'string')
        for (const word of line.split(/\s+/)) {
          longest = Math.max(longest, word.length);
          if (longest >= cap) return cap;
        }
  }
  return longest;
}

/**
 * Column widths for a fixed table layout, from what the columns hold (most of their values fit a line) and the
 * longest word of their header, so a page never grows wider than the paper and words break only when they must.
 */
function widths(section: TableSection, printed: readonly { column: Column; index: number }[][]): string[] {
  const weights = printed.map((members) =>
    Math.max(
      ...members.map(({ column, index }) => {
        const lengths = section.rows.map((row) => lengthOf(column, row[index] ?? null)).sort((a, b) => a - b);
        const typical = lengths[Math.floor((lengths.length - 1) * 0.9)] ?? 0;
        // Header words are bold: a third wider than the characters of the values.
        const word = Math.max(...column.label.split(/\s+/).map((w) => w.length * 1.35));
        // A short word of a value ("announced") is not cut either; long ones (host names, paths) may wrap.
        const valueWord = longestWord(column, section.rows, index, 14) * 1.3;
        return Math.min(45, Math.max(3, typical, word + 1.5, valueWord + 1));
      }),
    ),
  );
  // Each cell's padding and border take about two and a half characters besides its text.
  const padded = weights.map((w) => w + 2.5);
  const total = padded.reduce((sum, w) => sum + w, 0);
  return padded.map((w) => `${((w * 100) / total).toFixed(2)}%`);
}

function groupCell(members: readonly { column: Column; index: number }[], row: readonly Cell[]): Html {
  if (members.length === 1) {
    const [only] = members as [{ column: Column; index: number }];
    return cell(only.column, row[only.index] ?? null);
  }
  return el(
    'td',
    {},
    members.map(({ column, index }) => {
      const value = row[index] ?? null;
      const text = Array.isArray(value)
        ? value.join('; ')
        : typeof value === 'number'
          ? `${formatNumber(value)}${column.type === 'percent' ? ' %' : ''}`
          : value;
      return el('span', { class: 'line' }, text === null || text === '' ? '–' : text);
    }),
  );
}

function table(section: TableSection): Html {
  if (section.rows.length === 0) return el('p', { class: 'empty' }, section.empty);
  const printed = printColumns(section.columns);
  return el(
    'table',
    {},
    el(
      'colgroup',
      {},
      widths(section, printed).map((width) => el('col', { width })),
    ),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        printed.map((members) => {
          const [first] = members as [{ column: Column; index: number }];
          const numeric =
            members.length === 1 && (first.column.type === 'number' || first.column.type === 'percent');
          return el(
            'th',
            { scope: 'col', class: numeric ? 'num' : null },
            members.length === 1
              ? first.column.label
              : members.map(({ column }) => el('span', { class: 'line' }, column.label)),
          );
        }),
      ),
    ),
    el(
      'tbody',
      {},
      section.rows.map((row) =>
        el(
          'tr',
          { class: row[0] === 'Total' ? 'total' : null },
          printed.map((members) => groupCell(members, row)),
        ),
      ),
    ),
  );
}

function section(s: Section): Html {
  switch (s.kind) {
    case 'figures':
      return el(
        'section',
        { class: 'summary' },
        el('h2', {}, s.title),
        el(
          'ul',
          { class: 'figures' },
          s.figures.map((f) =>
            el(
              'li',
              { class: 'figure' },
              el('span', { class: 'figure-value' }, `${f.value}${f.unit ? ` ${f.unit}` : ''}`),
              el('span', { class: 'figure-label' }, f.label),
              el('span', { class: 'figure-help' }, f.help),
            ),
          ),
        ),
      );
    case 'burn-down':
      return el('section', { class: 'chart' }, el('h2', {}, s.title), burnDownChart(s.points, s.title));
    case 'table':
      return el(
        'section',
        { class: s.pageBreakBefore ? 'page-break' : null },
        el('h2', {}, s.title),
        s.note ? el('p', { class: 'note' }, s.note) : null,
        table(s),
      );
    case 'sign-off':
      return el(
        'section',
        { class: 'sign-off' },
        el('h2', {}, s.title),
        el(
          'table',
          {},
          el(
            'colgroup',
            {},
            ['22%', '28%', '34%', '16%'].map((width) => el('col', { width })),
          ),
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              ['Role', 'Name', 'Signature', 'Date'].map((label) => el('th', { scope: 'col' }, label)),
            ),
          ),
          el(
            'tbody',
            {},
            s.roles.map((role) =>
              el('tr', {}, el('th', { scope: 'row' }, role), el('td', {}), el('td', {}), el('td', {})),
            ),
          ),
        ),
      );
  }
}

/** `<article class="report">`: the header with the exact filter, then each section. */
export function reportBody(doc: ReportDocument): Html {
  const { header } = doc;
  const meta: Child[] = [
    ['Organization', header.organization],
    ['Site', header.site],
    ['Generated', `${header.generatedAt} (${header.timeZone})`],
    ['Author', header.author],
  ].map(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]);
  return el(
    'article',
    { class: `report report-${doc.report}` },
    el('h1', {}, doc.title),
    el(
      'dl',
      { class: 'report-meta' },
      meta,
      el('dt', {}, 'Filter'),
      el(
        'dd',
        { class: 'report-filter' },
        header.filter.map(([name, value]) => el('span', { class: 'line' }, `${name}: ${value}`)),
      ),
    ),
    doc.sections.map(section),
  );
}

/** A complete file that needs nothing else: its own stylesheet, and a policy that lets no script run. */
export function reportHtmlDocument(doc: ReportDocument, page: PageSetup): string {
  const css = `${reportCss(doc, page)}${PAGE_CSS}`;
  return `${trusted('<!doctype html>')}${el(
    'html',
    { lang: 'en' },
    el(
      'head',
      {},
      el('meta', { charset: 'utf-8' }),
      el('meta', {
        'http-equiv': 'Content-Security-Policy',
        content: "default-src 'none'; style-src 'unsafe-inline'",
      }),
      el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      el('title', {}, `${doc.title} - ${doc.header.organization} - ${doc.header.generatedAt}`),
      // The stylesheet is the code's own text; names in it went through cssString, and '<' never occurs raw.
      el('style', {}, trusted(css.replace(/</g, '\\3c '))),
    ),
    el('body', {}, reportBody(doc)),
  )}\n`;
}

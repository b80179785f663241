import { PAGE_MARGIN, pageGeometry } from '../../api/paper';
import { burnDownChart } from './chart';
import { LONG_WORD, type TableRoom, tableLayout } from './column-widths';
import { type Child, el, type Html, trusted } from './html';
import {
  type Cell,
  type Column,
  checklistLine,
  type ReportDocument,
  type Section,
  type TableSection,
} from './model';
import { PAGE_CSS, type PageSetup, reportCss, tableFontPt } from './report-css';

/** The report as HTML: built once here, shown by the app's preview, printed, and written to .html files. */

const box = () => el('span', { class: 'box', 'aria-hidden': 'true' });

const formatNumber = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** A word with a digit and a hyphen, slash or dash, where lines may break: an asset tag, a date, a time range. */
const BREAKABLE_IDENTIFIER = /^(?=\S*\d)\S*[-/\u2010-\u2015]\S*$/;

/**
 * Text whose identifiers ("CC-1010", "2026-12-05", "11:00-11:30") never break at their hyphens: a line breaks
 * between words. The column widths (column-widths.ts) leave room for every such word; longer ones may break.
 */
function text(value: string): Child {
  if (!/\d/.test(value)) return value;
  return value
    .split(/(\s+)/)
    .map((word) =>
      word.length <= LONG_WORD && BREAKABLE_IDENTIFIER.test(word)
        ? el('span', { class: 'nobr' }, word)
        : word,
    );
}

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
        (lines ?? [String(value ?? '')]).map((line, i) => {
          const kind = checklistLine(line, i);
          // Only a check gets a box: a note or a warning ticked off would look like work done.
          return kind === 'check'
            ? el('span', { class: 'line' }, box(), text(line))
            : el('span', { class: `line ${kind}` }, text(line));
        }),
      );
    case 'percent':
      return el('td', attributes, value === null ? '' : `${value} %`);
    default:
      if (lines)
        return el(
          'td',
          attributes,
          lines.map((line) => el('span', { class: 'line' }, text(line))),
        );
      return el(
        'td',
        attributes,
        typeof value === 'number' ? formatNumber(value) : text(String(value ?? '')),
      );
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
      const shown = Array.isArray(value)
        ? value.join('; ')
        : typeof value === 'number'
          ? `${formatNumber(value)}${column.type === 'percent' ? ' %' : ''}`
          : value;
      return el('span', { class: 'line' }, shown === null || shown === '' ? '–' : text(String(shown)));
    }),
  );
}

function table(section: TableSection, room: TableRoom): Html {
  if (section.rows.length === 0) return el('p', { class: 'empty' }, section.empty);
  const printed = printColumns(section.columns);
  const layout = tableLayout(section, printed, room);
  return el(
    'table',
    { class: layout.compact ? 'compact' : null },
    el(
      'colgroup',
      {},
      layout.widths.map((width) => el('col', { width })),
    ),
    el(
      'thead',
      {},
      section.runningLabel
        ? el(
            'tr',
            { class: 'running-label' },
            el('th', { scope: 'colgroup', colspan: String(printed.length) }, section.runningLabel),
          )
        : null,
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

function section(s: Section, room: TableRoom): Html {
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
        table(s, room),
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

/** `<article class="report">`: the header with the exact filter, then each section, its tables laid out for the page. */
export function reportBody(doc: ReportDocument, page: PageSetup): Html {
  const { header } = doc;
  const room: TableRoom = {
    widthMm: pageGeometry(page.paper, page.orientation).width - PAGE_MARGIN.left - PAGE_MARGIN.right,
    fontPt: tableFontPt(doc.report),
  };
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
    doc.sections.map((s) => section(s, room)),
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
    el('body', {}, reportBody(doc, page)),
  )}\n`;
}

import { type Child, el, type Html } from './html';
import type { BurnDownPoint } from './model';

/**
 * The burn-down as an inline SVG line chart, readable in black and white: exposed devices a solid line with
 * filled squares, unpatched devices a dashed line with open circles, each named in the legend and labelled with
 * its last value. Lines and text use currentColor, so the chart is black on paper and light in a dark theme.
 */

const HEIGHT = 250;
const MARKERS_UP_TO = 45;

const SERIES = [
  {
    key: 'exposed',
    label: 'Exposed: affected, neither isolated nor patched',
    dash: null,
    width: 2.5,
    marker: 'square',
  },
  {
    key: 'unpatched',
    label: 'Unpatched: affected, patch not yet installed (risk accepted included)',
    dash: '7 4',
    width: 1.6,
    marker: 'circle',
  },
] as const;

/** A round step for the value axis: 1, 2 or 5 times a power of ten, giving at most five intervals. */
function niceStep(max: number): number {
  const raw = Math.max(1, max) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return Math.max(1, step);
}

/** `width` in SVG units at 11-unit text: 720 fills a printed page; the dashboard's narrower panel asks for less. */
export function burnDownChart(points: readonly BurnDownPoint[], title: string, width = 720): Html {
  const PLOT = { left: 46, right: width - 40, top: 44, bottom: HEIGHT - 30 };
  const max = Math.max(0, ...points.flatMap((p) => [p.exposed, p.unpatched]));
  const step = niceStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const x = (i: number) =>
    points.length <= 1
      ? (PLOT.left + PLOT.right) / 2
      : PLOT.left + ((PLOT.right - PLOT.left) * i) / (points.length - 1);
  const y = (v: number) => PLOT.bottom - ((PLOT.bottom - PLOT.top) * v) / top;
  const first = points[0];
  const last = points[points.length - 1];
  const description =
    first && last
      ? `Exposed devices: ${first.exposed} on ${first.date}, ${last.exposed} on ${last.date}. Unpatched devices: ${first.unpatched} on ${first.date}, ${last.unpatched} on ${last.date}.`
      : 'No history yet.';

  const grid: Child[] = [];
  for (let v = 0; v <= top; v += step) {
    grid.push(
      el('line', {
        x1: PLOT.left,
        x2: PLOT.right,
        y1: y(v),
        y2: y(v),
        stroke: 'currentColor',
        'stroke-opacity': 0.3,
        'stroke-width': 0.5,
      }),
      el('text', { x: PLOT.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, v),
    );
  }
  const ticks = Math.min(width < 600 ? 4 : 6, points.length);
  // Dates as ISO (2026-09-20), as everywhere in the reports: never a day and month to confuse.
  const dateLabels: Child[] = [];
  for (let t = 0; t < ticks; t++) {
    const i = ticks === 1 ? 0 : Math.round(((points.length - 1) * t) / (ticks - 1));
    const point = points[i];
    if (!point) continue;
    const anchor = ticks > 1 && t === 0 ? 'start' : t === ticks - 1 && ticks > 1 ? 'end' : 'middle';
    dateLabels.push(
      el('line', { x1: x(i), x2: x(i), y1: PLOT.bottom, y2: PLOT.bottom + 4, stroke: 'currentColor' }),
      el('text', { x: x(i), y: PLOT.bottom + 17, 'text-anchor': anchor }, point.date),
    );
  }

  const lines = SERIES.map((series, index) => {
    const values = points.map((p) => p[series.key]);
    const path = values
      .map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`)
      .join(' ');
    const markers =
      values.length <= MARKERS_UP_TO
        ? values.map((v, i) =>
            series.marker === 'square'
              ? el('rect', { x: x(i) - 3, y: y(v) - 3, width: 6, height: 6, fill: 'currentColor' })
              : el('circle', { cx: x(i), cy: y(v), r: 3, fill: 'white', stroke: 'currentColor' }),
          )
        : [];
    const lastValue = values[values.length - 1];
    // The last values sit right of the plot; the second is nudged down when both would overlap.
    const labelY = lastValue === undefined ? 0 : y(lastValue) + 4 + (index === 1 ? 11 : 0);
    const legendY = 14 + index * 16;
    return el(
      'g',
      { class: `chart-series chart-${series.key}` },
      el('path', {
        d: path,
        fill: 'none',
        stroke: 'currentColor',
        'stroke-width': series.width,
        'stroke-dasharray': series.dash,
      }),
      markers,
      lastValue === undefined ? null : el('text', { x: PLOT.right + 6, y: labelY }, lastValue),
      el('line', {
        x1: PLOT.left,
        x2: PLOT.left + 34,
        y1: legendY - 4,
        y2: legendY - 4,
        stroke: 'currentColor',
        'stroke-width': series.width,
        'stroke-dasharray': series.dash,
      }),
      series.marker === 'square'
        ? el('rect', { x: PLOT.left + 14, y: legendY - 7, width: 6, height: 6, fill: 'currentColor' })
        : el('circle', { cx: PLOT.left + 17, cy: legendY - 4, r: 3, fill: 'white', stroke: 'currentColor' }),
      el('text', { x: PLOT.left + 42, y: legendY }, series.label),
    );
  });

  return el(
    'svg',
    {
      class: 'burn-down',
      viewBox: `0 0 ${width} ${HEIGHT}`,
      role: 'img',
      'aria-label': `${title}. ${description}`,
      'font-size': 11,
      fill: 'currentColor',
    },
    el('title', {}, title),
    el('desc', {}, description),
    grid,
    el('line', { x1: PLOT.left, x2: PLOT.left, y1: PLOT.top, y2: PLOT.bottom, stroke: 'currentColor' }),
    el('line', { x1: PLOT.left, x2: PLOT.right, y1: PLOT.bottom, y2: PLOT.bottom, stroke: 'currentColor' }),
    dateLabels,
    lines,
  );
}

/** Helpers the mark modules share: paired extents, finiteness, Line2D styles as Chart.js datasets. */
import type { LineStyle, MarkerStyle } from '../../data/types.js';
import { resolveColor, withAlpha } from '../colors.js';
import { LINE_WIDTH, MARKER_EDGE_WIDTH, MARKER_SIZE } from '../style.js';
import type { CsvRow, Extent, LegendHandle, LineDataset, Point } from './types.js';

/** Limits of the points whose x and y are both finite (matplotlib plots only those). */
export function pairedExtent(x: ArrayLike<number>, y: ArrayLike<number>): Extent {
  let x0 = Infinity,
    x1 = -Infinity,
    y0 = Infinity,
    y1 = -Infinity;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const a = x[i];
    const b = y[i];
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    if (a < x0) x0 = a;
    if (a > x1) x1 = a;
    if (b < y0) y0 = b;
    if (b > y1) y1 = b;
  }
  return x0 <= x1 ? { x: [x0, x1], y: [y0, y1] } : {};
}

export function rangeOf(values: ArrayLike<number>): [number, number] | undefined {
  let lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/** The first non-finite value among named arrays. */
export function firstNonFinite(fields: Record<string, ArrayLike<number> | number | undefined>): { field: string; value: number } | undefined {
  for (const [field, values] of Object.entries(fields)) {
    if (values === undefined) continue;
    if (typeof values === 'number') {
      if (!Number.isFinite(values)) return { field, value: values };
      continue;
    }
    for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return { field, value: values[i] };
  }
  return undefined;
}

export function pointsOf(x: ArrayLike<number>, y: ArrayLike<number>): Point[] {
  const n = Math.min(x.length, y.length);
  return Array.from({ length: n }, (_, i) => ({ x: x[i], y: y[i] }));
}

export function sampleRows(x: ArrayLike<number>, y: ArrayLike<number>, err?: ArrayLike<number>): CsvRow[] {
  return Array.from({ length: x.length }, (_, i): CsvRow => [x[i], i < y.length ? y[i] : '', err && i < err.length ? err[i] : '']);
}

/** lines.dashed_pattern / dotted_pattern, in multiples of the line width (lines.scale_dashes). */
export function dashPattern(ls: LineStyle | undefined): number[] {
  if (ls === '--') return [3.7, 1.6];
  if (ls === ':') return [1, 1.65];
  return [];
}

/** A Line2D's resolved style. */
export interface LineStyleOf {
  color: string;
  alpha?: number;
  linestyle: LineStyle;
  linewidth: number;
  marker: MarkerStyle;
  markersize: number;
  markerfacecolor: string;
}

export function lineStyleOf(
  m: { alpha?: number; linestyle?: LineStyle; linewidth?: number; marker?: MarkerStyle; markersize?: number; markerfacecolor?: string },
  color: string,
): LineStyleOf {
  const face = m.markerfacecolor === undefined ? color : m.markerfacecolor === 'none' ? 'none' : resolveColor(m.markerfacecolor);
  return {
    color,
    alpha: m.alpha,
    linestyle: m.linestyle ?? '-',
    linewidth: m.linewidth ?? LINE_WIDTH,
    marker: m.marker ?? 'none',
    markersize: m.markersize ?? MARKER_SIZE,
    markerfacecolor: face,
  };
}

export function lineHandle(s: LineStyleOf): LegendHandle {
  return { type: 'line', ...s };
}

/**
 * A Line2D's markers as a Chart.js dataset without a line (the line is line-path.ts's). Marker
 * sizes as matplotlib's: 'o' a circle markersize across, '.' half that, '|' a vertical tick
 * markersize long; edges markeredgewidth (1 pt) in the line colour. Clipped at the axes box.
 */
export function markerDataset(data: Point[], s: LineStyleOf, u: number): LineDataset {
  return { data, showLine: false, clip: 0, ...markerOptions(s, u) };
}

export function markerOptions(s: LineStyleOf, u: number): Partial<LineDataset> {
  const color = withAlpha(s.color, s.alpha);
  const edge = MARKER_EDGE_WIDTH * u;
  const radius = s.marker === '.' ? s.markersize / 4 : s.markersize / 2;
  return {
    pointStyle: s.marker === '|' ? 'line' : 'circle',
    pointRotation: s.marker === '|' ? 90 : 0,
    pointRadius: radius * u,
    pointBorderWidth: edge,
    pointBackgroundColor: s.marker === '|' || s.markerfacecolor === 'none' ? 'rgba(0, 0, 0, 0)' : withAlpha(s.markerfacecolor, s.alpha),
    pointBorderColor: color,
    pointHoverRadius: 0,
  };
}

/** Whether a mark's label puts it in the legend (matplotlib skips labels starting with '_'). */
export function hasLabel(label: string | undefined): label is string {
  return label !== undefined && label !== '' && !label.startsWith('_');
}

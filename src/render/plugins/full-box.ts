/**
 * The full black box of a matplotlib axes: all four spines. Chart.js's `border` draws only
 * the axis lines (bottom and left), so the box is stroked here, after the curves (spines
 * have zorder 2.5, above lines at 2).
 */
import type { Plugin } from 'chart.js';
import { SPINE_COLOR, SPINE_WIDTH } from '../style.js';

/**
 * matplotlib's Agg backend snaps rectilinear strokes to the pixel grid: on pixel edges when
 * the rounded width is even, on pixel centres when odd. `v` and `strokeWidth` in chart units,
 * `unitsPerPx` of them per device pixel; no snapping without it (vector output).
 */
export function snapToPixels(v: number, strokeWidth: number, unitsPerPx: number | undefined): number {
  if (unitsPerPx === undefined) return v;
  const offset = Math.round(strokeWidth / unitsPerPx) % 2 === 1 ? 0.5 : 0;
  return (Math.floor(v / unitsPerPx + 0.5 - offset) + offset) * unitsPerPx;
}

/**
 * Agg's own rule (PathSnapper): every vertex to floor(v + 0.5), plus half a pixel when the
 * rounded width is odd — so an odd-width stroke at 124.6 px goes to 125.5, not to the nearest
 * centre 124.5 as snapToPixels puts it. Used for axhline/axvline, where the pixel matters: a
 * line on the axes' edge is half clipped, and the nearest centre showed 4 of its 7 pixel rows
 * where matplotlib shows 3 (decision-random-walk). The spines, ticks and legend still take
 * snapToPixels: their pixels are the golden files of every figure.
 */
export function snapLikeAgg(v: number, strokeWidth: number, unitsPerPx: number | undefined): number {
  if (unitsPerPx === undefined) return v;
  const offset = Math.round(strokeWidth / unitsPerPx) % 2 === 1 ? 0.5 : 0;
  return (Math.floor(v / unitsPerPx + 0.5) + offset) * unitsPerPx;
}

export function fullBoxPlugin(opts: { unitsPerPt: number; unitsPerDevicePx?: number }): Plugin<'line'> {
  return {
    id: 'mplFullBox',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea: a } = chart;
      const w = SPINE_WIDTH * opts.unitsPerPt;
      const s = (v: number) => snapToPixels(v, w, opts.unitsPerDevicePx);
      const left = s(a.left);
      const right = s(a.right);
      const top = s(a.top);
      const bottom = s(a.bottom);
      ctx.save();
      ctx.strokeStyle = SPINE_COLOR;
      ctx.lineWidth = w;
      ctx.lineJoin = 'miter';
      ctx.setLineDash([]);
      ctx.strokeRect(left, top, right - left, bottom - top);
      ctx.restore();
    },
  };
}

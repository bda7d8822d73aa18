/**
 * matplotlib's axhline / axvline: a line across the whole axes at one value, dashed ('--')
 * where asked, clipped to the axes. Lines marked `behind` (zorder=-1 in the notebook) are
 * drawn before the curves, the others after them (they were added after the plot calls).
 */
import type { Chart, Plugin } from 'chart.js';
import type { RefLine } from '../../figures/types.js';
import { resolveColor } from '../colors.js';
import { DASH_PATTERN, LINE_WIDTH } from '../style.js';
import { snapToPixels } from './full-box.js';

function drawLines(chart: Chart, lines: { line: RefLine; horizontal: boolean }[], unitsPerPt: number, unitsPerPx?: number): void {
  if (!lines.length) return;
  const { ctx, chartArea: a } = chart;
  const lw = LINE_WIDTH * unitsPerPt;
  // A two-point straight line is snapped to the pixel grid by Agg, like the spines.
  const s = (v: number) => snapToPixels(v, lw, unitsPerPx);
  ctx.save();
  ctx.beginPath();
  ctx.rect(a.left, a.top, a.right - a.left, a.bottom - a.top);
  ctx.clip();
  for (const { line, horizontal } of lines) {
    ctx.beginPath();
    if (horizontal) {
      const y = s(chart.scales.y.getPixelForValue(line.value));
      ctx.moveTo(s(a.left), y);
      ctx.lineTo(s(a.right), y);
    } else {
      // matplotlib's path runs from the bottom of the axes up, so the dash pattern starts there.
      const x = s(chart.scales.x.getPixelForValue(line.value));
      ctx.moveTo(x, s(a.bottom));
      ctx.lineTo(x, s(a.top));
    }
    ctx.strokeStyle = resolveColor(line.color);
    ctx.lineWidth = lw;
    // lines.dash_capstyle is butt, lines.solid_capstyle projecting.
    ctx.lineCap = line.dashed ? 'butt' : 'square';
    ctx.setLineDash(line.dashed ? DASH_PATTERN.map((d) => d * lw) : []);
    ctx.stroke();
  }
  ctx.restore();
}

export function refLinesPlugin(opts: { hlines?: RefLine[]; vlines?: RefLine[]; unitsPerPt: number; unitsPerDevicePx?: number }): Plugin<'line'> {
  const all = [
    ...(opts.hlines ?? []).map((line) => ({ line, horizontal: true })),
    ...(opts.vlines ?? []).map((line) => ({ line, horizontal: false })),
  ];
  const behind = all.filter((l) => l.line.behind);
  const front = all.filter((l) => !l.line.behind);
  return {
    id: 'mplRefLines',
    beforeDatasetsDraw(chart) {
      drawLines(chart, behind, opts.unitsPerPt, opts.unitsPerDevicePx);
    },
    afterDatasetsDraw(chart) {
      drawLines(chart, front, opts.unitsPerPt, opts.unitsPerDevicePx);
    },
  };
}

/**
 * matplotlib's legend(loc='upper right'). Chart.js's legend sits outside the chart area (or,
 * with position 'chartArea', at the left middle) and shows boxes, not line samples, so it is
 * drawn here. In font sizes of the legend text (10 pt), as matplotlib measures:
 * the frame's top-right corner 0.5 from the axes corner; 0.4 inner padding; one row per
 * labelled series: a line sample 2 long (its centre 0.35 above the text baseline), a gap of
 * 0.8, the label; 0.5 between rows; a rounded frame (radius 0.2), white at 80 % opacity with
 * a #cccccc edge, also at 80 %.
 */
import type { Plugin } from 'chart.js';
import { FONT_SIZE, LEGEND, LINE_WIDTH, TEXT_COLOR } from '../style.js';
import { drawText, layoutText, type Rect, type TextBlock } from '../text.js';
import { snapToPixels } from './full-box.js';

export interface LegendEntry {
  label: string;
  color: string;
}

export interface LegendRow {
  block: TextBlock;
  color: string;
  baseline: number;
}

export interface LegendLayout {
  frame: Rect;
  rows: LegendRow[];
  handleLeft: number;
  textLeft: number;
}

/** Where the legend and its rows go for an axes box (points, y down). */
export function legendLayout(entries: LegendEntry[], box: Rect, devicePxPerPt?: number): LegendLayout | undefined {
  if (!entries.length) return undefined;
  const f = FONT_SIZE;
  const pad = LEGEND.borderPad * f;
  const handleLength = LEGEND.handleLength * f;
  const handleHeight = LEGEND.handleHeight * f;
  const blocks = entries.map((e) => layoutText(e.label, f, devicePxPerPt));
  // HPacker(align='baseline'): the handle box stands on the text baseline.
  const rowAscent = blocks.map((b) => Math.max(handleHeight, b.ascent));
  const rowHeight = blocks.map((b, k) => rowAscent[k] + b.descent);
  const innerWidth = handleLength + LEGEND.handleTextPad * f + Math.max(...blocks.map((b) => b.width));
  const innerHeight = rowHeight.reduce((a, b) => a + b, 0) + LEGEND.labelSpacing * f * (entries.length - 1);
  const right = box.right - LEGEND.borderAxesPad * f;
  const top = box.top + LEGEND.borderAxesPad * f;
  const frame: Rect = { right, top, left: right - innerWidth - 2 * pad, bottom: top + innerHeight + 2 * pad };
  const rows: LegendRow[] = [];
  let y = top + pad;
  blocks.forEach((block, k) => {
    rows.push({ block, color: entries[k].color, baseline: y + rowAscent[k] });
    y += rowHeight[k] + LEGEND.labelSpacing * f;
  });
  const handleLeft = frame.left + pad;
  return { frame, rows, handleLeft, textLeft: handleLeft + handleLength + LEGEND.handleTextPad * f };
}

/**
 * `unitsPerDevicePx` (raster output): the frame (snap=True in matplotlib) and the line samples (two-point
 * straight lines) land on the pixel grid as Agg puts them.
 */
export function legendPlugin(opts: { layout?: LegendLayout; unitsPerPt: number; unitsPerDevicePx?: number }): Plugin<'line'> {
  return {
    id: 'mplLegend',
    afterDraw(chart) {
      const L = opts.layout;
      if (!L) return;
      const s = opts.unitsPerPt;
      const ctx = chart.ctx;
      const frameWidth = LEGEND.frameWidth * s;
      const lineWidth = LINE_WIDTH * s;
      const grid = (v: number, width: number) => snapToPixels(v * s, width, opts.unitsPerDevicePx);
      const left = grid(L.frame.left, frameWidth);
      const right = grid(L.frame.right, frameWidth);
      const top = grid(L.frame.top, frameWidth);
      const bottom = grid(L.frame.bottom, frameWidth);
      const r = LEGEND.roundingSize * FONT_SIZE * s;
      ctx.save();
      // BoxStyle.Round: straight sides joined by quadratic Bézier corners.
      ctx.beginPath();
      ctx.moveTo(left + r, bottom);
      ctx.lineTo(right - r, bottom);
      ctx.quadraticCurveTo(right, bottom, right, bottom - r);
      ctx.lineTo(right, top + r);
      ctx.quadraticCurveTo(right, top, right - r, top);
      ctx.lineTo(left + r, top);
      ctx.quadraticCurveTo(left, top, left, top + r);
      ctx.lineTo(left, bottom - r);
      ctx.quadraticCurveTo(left, bottom, left + r, bottom);
      ctx.closePath();
      ctx.globalAlpha = LEGEND.frameAlpha;
      ctx.fillStyle = LEGEND.faceColor;
      ctx.fill();
      ctx.strokeStyle = LEGEND.edgeColor;
      ctx.lineWidth = frameWidth;
      ctx.lineJoin = 'miter';
      ctx.setLineDash([]);
      ctx.stroke();
      ctx.globalAlpha = 1;
      const handleLength = LEGEND.handleLength * FONT_SIZE;
      const lift = (LEGEND.handleHeight * FONT_SIZE) / 2;
      for (const row of L.rows) {
        const y = grid(row.baseline - lift, lineWidth);
        ctx.beginPath();
        ctx.moveTo(grid(L.handleLeft, lineWidth), y);
        ctx.lineTo(grid(L.handleLeft + handleLength, lineWidth), y);
        ctx.strokeStyle = row.color;
        ctx.lineWidth = lineWidth;
        ctx.lineCap = 'square';
        ctx.stroke();
        drawText(ctx, row.block, L.textLeft, row.baseline, 'left', 'baseline', { scale: s, color: TEXT_COLOR });
      }
      ctx.restore();
    },
  };
}

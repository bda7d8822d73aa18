/**
 * matplotlib's Axes.legend, drawn here (Chart.js's legend sits outside the chart area and
 * shows boxes). In font sizes of the legend text (10 pt), as matplotlib measures: the frame
 * 0.5 from the axes edges (borderaxespad); 0.4 inner padding; one row per labelled artist: a
 * handle 2 long and 0.7 high standing on the text baseline (a line sample through its middle,
 * a marker at its centre, or a filled patch), a gap of 0.8, the label; 0.5 between rows; a
 * rounded frame (radius 0.2), white at 80 % opacity with a #cccccc edge, also at 80 %.
 *
 * Locations as matplotlib's codes; 'best' tries them in code order and keeps the first with
 * the fewest data vertices inside, crossing lines, overlapping patches and scatter points
 * (Legend._find_best_position). A legend that does not fit inside its axes at 10 pt is set
 * smaller, down to half size, and left out when even that does not fit (a too-small figsize
 * never lets it cover the tick labels or run off the canvas).
 */
import type { Context2D as CanvasRenderingContext2D } from '../context.js';
import type { Plugin } from 'chart.js';
import type { LegendLoc } from '../../data/types.js';
import { withAlpha } from '../colors.js';
import type { LegendEntry } from '../marks/index.js';
import { dashPattern } from '../marks/shared.js';
import { roundedRectPath } from '../marks/text.js';
import type { LegendHandle, Obstacles, Point } from '../marks/types.js';
import { LEGEND, LEGEND_FONT_SIZE, MARKER_EDGE_WIDTH, PATCH_LINE_WIDTH, TEXT_COLOR } from '../style.js';
import { drawText, layoutText, type Rect, type TextBlock } from '../text.js';
import { snapToPixels } from './full-box.js';

export interface LegendRow {
  block: TextBlock;
  handle: LegendHandle;
  baseline: number;
}

export interface LegendLayout {
  frame: Rect;
  rows: LegendRow[];
  handleLeft: number;
  textLeft: number;
  /** Font size the legend was set at (smaller than asked when the axes are small). */
  fontsize: number;
  loc: Exclude<LegendLoc, 'best'>;
}

/** matplotlib's location codes 1–10, in the order 'best' tries them. */
const CODES: Exclude<LegendLoc, 'best'>[] = [
  'upper right',
  'upper left',
  'lower left',
  'lower right',
  'right',
  'center left',
  'center right',
  'lower center',
  'upper center',
  'center',
];

/** Smallest legend, as a fraction of the asked font size, before it is left out. */
const MIN_SHRINK = 0.5;
const SHRINK_STEP = 0.1;

interface Sized {
  rows: { block: TextBlock; handle: LegendHandle; ascent: number; height: number }[];
  width: number;
  height: number;
  f: number;
}

function measure(entries: LegendEntry[], f: number, devicePxPerPt?: number): Sized {
  const pad = LEGEND.borderPad * f;
  const rows = entries.map((e) => {
    const block = layoutText(e.label, f, devicePxPerPt);
    // HPacker(align='baseline'): the handle box stands on the text baseline.
    const ascent = Math.max(LEGEND.handleHeight * f, block.ascent);
    return { block, handle: e.handle, ascent, height: ascent + block.descent };
  });
  const innerWidth = LEGEND.handleLength * f + LEGEND.handleTextPad * f + Math.max(...rows.map((r) => r.block.width));
  const innerHeight = rows.reduce((a, r) => a + r.height, 0) + LEGEND.labelSpacing * f * (rows.length - 1);
  return { rows, width: innerWidth + 2 * pad, height: innerHeight + 2 * pad, f };
}

/** The frame at a location: anchored inside the axes box shrunk by borderaxespad. */
function anchored(loc: Exclude<LegendLoc, 'best'>, s: Sized, box: Rect): Rect {
  const gap = LEGEND.borderAxesPad * s.f;
  const inner = { left: box.left + gap, right: box.right - gap, top: box.top + gap, bottom: box.bottom - gap };
  const h = loc.endsWith('right') ? 'right' : loc.endsWith('left') ? 'left' : 'center';
  const v = loc.startsWith('upper') ? 'upper' : loc.startsWith('lower') ? 'lower' : 'center';
  let right: number;
  if (h === 'right') right = inner.right;
  else if (h === 'left') right = inner.left + s.width;
  else right = (inner.left + inner.right) / 2 + s.width / 2;
  let top: number;
  if (v === 'upper') top = inner.top;
  else if (v === 'lower') top = inner.bottom - s.height;
  else top = (inner.top + inner.bottom) / 2 - s.height / 2;
  return { left: right - s.width, right, top, bottom: top + s.height };
}

/** path.cpp segment_intersects_rectangle: does the segment overlap the rectangle? */
function segmentHits(a: Point, b: Point, r: Rect): boolean {
  const cx = (r.left + r.right) / 2;
  const cy = (r.top + r.bottom) / 2;
  const w = r.right - r.left;
  const h = r.bottom - r.top;
  return (
    Math.abs(a.x + b.x - 2 * cx) < Math.abs(a.x - b.x) + w &&
    Math.abs(a.y + b.y - 2 * cy) < Math.abs(a.y - b.y) + h &&
    2 * Math.abs((a.x - cx) * (a.y - b.y) - (a.y - cy) * (a.x - b.x)) < w * Math.abs(a.y - b.y) + h * Math.abs(a.x - b.x)
  );
}

const inside = (p: Point, r: Rect) => p.x > r.left && p.x < r.right && p.y > r.top && p.y < r.bottom;

/** Legend._find_best_position's badness of one candidate frame. */
export function badness(frame: Rect, obstacles: Obstacles): number {
  let n = 0;
  for (const line of obstacles.lines) {
    let crosses = false;
    for (let i = 0; i < line.length; i++) {
      if (inside(line[i], frame)) n++;
      if (!crosses && i > 0 && segmentHits(line[i - 1], line[i], frame)) crosses = true;
    }
    if (crosses) n++;
  }
  for (const p of obstacles.offsets) if (inside(p, frame)) n++;
  for (const b of obstacles.boxes) if (b.x0 < frame.right && b.x1 > frame.left && b.y0 < frame.bottom && b.y1 > frame.top) n++;
  return n;
}

function pick(s: Sized, box: Rect, loc: LegendLoc, obstacles: Obstacles | undefined): { loc: Exclude<LegendLoc, 'best'>; frame: Rect } {
  if (loc !== 'best') return { loc, frame: anchored(loc, s, box) };
  let best = { loc: CODES[0], frame: anchored(CODES[0], s, box), bad: Infinity };
  for (const code of CODES) {
    const frame = anchored(code, s, box);
    const bad = obstacles ? badness(frame, obstacles) : 0;
    if (bad === 0) return { loc: code, frame };
    if (bad < best.bad) best = { loc: code, frame, bad };
  }
  return best;
}

/**
 * Where the legend and its rows go for an axes box (points, y down). `obstacles` are the
 * panel's data in points (for 'best'). Undefined when there is nothing to show or no room.
 */
export function legendLayout(
  entries: LegendEntry[],
  box: Rect,
  opts: { loc?: LegendLoc; fontsize?: number; obstacles?: Obstacles; devicePxPerPt?: number } = {},
): LegendLayout | undefined {
  if (!entries.length) return undefined;
  const asked = opts.fontsize ?? LEGEND_FONT_SIZE;
  const room = (s: Sized) =>
    s.width <= box.right - box.left - 2 * LEGEND.borderAxesPad * s.f && s.height <= box.bottom - box.top - 2 * LEGEND.borderAxesPad * s.f;
  let s = measure(entries, asked, opts.devicePxPerPt);
  for (let k = 1; !room(s); k++) {
    const scale = 1 - k * SHRINK_STEP;
    if (scale < MIN_SHRINK - 1e-9) return undefined;
    s = measure(entries, asked * scale, opts.devicePxPerPt);
  }
  const f = s.f;
  const { loc, frame } = pick(s, box, opts.loc ?? 'upper right', opts.obstacles);
  const pad = LEGEND.borderPad * f;
  const rows: LegendRow[] = [];
  let y = frame.top + pad;
  for (const r of s.rows) {
    rows.push({ block: r.block, handle: r.handle, baseline: y + r.ascent });
    y += r.height + LEGEND.labelSpacing * f;
  }
  const handleLeft = frame.left + pad;
  return { frame, rows, handleLeft, textLeft: handleLeft + LEGEND.handleLength * f + LEGEND.handleTextPad * f, fontsize: f, loc };
}

/** A Line2D marker at (x, y) in context units, as matplotlib draws one ('o', '.', '|'). */
export function drawMarker(ctx: CanvasRenderingContext2D, x: number, y: number, h: Extract<LegendHandle, { type: 'line' }>, u: number): void {
  const color = withAlpha(h.color, h.alpha);
  ctx.lineWidth = MARKER_EDGE_WIDTH * u;
  ctx.strokeStyle = color;
  ctx.setLineDash([]);
  ctx.beginPath();
  if (h.marker === '|') {
    ctx.moveTo(x, y + (h.markersize / 2) * u);
    ctx.lineTo(x, y - (h.markersize / 2) * u);
    ctx.stroke();
    return;
  }
  const r = (h.marker === '.' ? h.markersize / 4 : h.markersize / 2) * u;
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  if (h.markerfacecolor !== 'none') {
    ctx.fillStyle = withAlpha(h.markerfacecolor, h.alpha);
    ctx.fill();
  }
  ctx.stroke();
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
      const f = L.fontsize;
      const ctx = chart.ctx as unknown as CanvasRenderingContext2D;
      const frameWidth = PATCH_LINE_WIDTH * s; // patch.linewidth
      const grid = (v: number, width: number) => snapToPixels(v * s, width, opts.unitsPerDevicePx);
      ctx.save();
      roundedRectPath(
        ctx,
        grid(L.frame.left, frameWidth),
        grid(L.frame.top, frameWidth),
        grid(L.frame.right, frameWidth),
        grid(L.frame.bottom, frameWidth),
        LEGEND.roundingSize * f * s,
      );
      ctx.globalAlpha = LEGEND.frameAlpha;
      ctx.fillStyle = LEGEND.faceColor;
      ctx.fill();
      ctx.strokeStyle = LEGEND.edgeColor;
      ctx.lineWidth = frameWidth;
      ctx.lineJoin = 'miter';
      ctx.setLineDash([]);
      ctx.stroke();
      ctx.globalAlpha = 1;
      const handleLength = LEGEND.handleLength * f;
      const handleHeight = LEGEND.handleHeight * f;
      for (const row of L.rows) {
        const h = row.handle;
        if (h.type === 'patch') {
          ctx.fillStyle = withAlpha(h.color, h.alpha);
          ctx.fillRect(L.handleLeft * s, (row.baseline - handleHeight) * s, handleLength * s, handleHeight * s);
        } else {
          const lineWidth = h.linewidth * s;
          const mid = row.baseline - handleHeight / 2;
          if (h.linestyle !== 'none') {
            const y = grid(mid, lineWidth);
            const dashes = dashPattern(h.linestyle);
            ctx.beginPath();
            ctx.moveTo(grid(L.handleLeft, lineWidth), y);
            ctx.lineTo(grid(L.handleLeft + handleLength, lineWidth), y);
            ctx.strokeStyle = withAlpha(h.color, h.alpha);
            ctx.lineWidth = lineWidth;
            ctx.lineCap = dashes.length ? 'butt' : 'square';
            ctx.setLineDash(dashes.map((d) => d * lineWidth));
            ctx.stroke();
          }
          if (h.yerr) {
            const x = grid(L.handleLeft + handleLength / 2, lineWidth);
            ctx.beginPath();
            ctx.moveTo(x, (mid + f / 2) * s);
            ctx.lineTo(x, (mid - f / 2) * s);
            ctx.strokeStyle = withAlpha(h.color, h.alpha);
            ctx.lineWidth = lineWidth;
            ctx.lineCap = 'square';
            ctx.setLineDash([]);
            ctx.stroke();
          }
          if (h.marker !== 'none') drawMarker(ctx, (L.handleLeft + handleLength / 2) * s, mid * s, h, s);
        }
        drawText(ctx, row.block, L.textLeft, row.baseline, 'left', 'baseline', { scale: s, color: TEXT_COLOR });
      }
      ctx.restore();
    },
  };
}

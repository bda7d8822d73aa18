/**
 * PNG only: a translucent line (plot(..., alpha=0.05)) drawn with the coverage Agg gives it.
 *
 * Agg rasterises a stroked path by summing, per pixel, the area of every piece of the stroke's
 * outline and clamping the sum at full coverage. Where a path overlaps itself — a trace that
 * jumps to a spike peak and straight back, a noisy trace folding over itself — the antialiased
 * edges of the overlapping pieces add up, so the line is darker there than its outline's
 * exact area (what Cairo draws). Opaque lines hardly show it; 25 overlaid traces at alpha 0.05
 * (reliable-spike-timing) do: drawn by Cairo they were a tenth paler than matplotlib's.
 *
 * So each translucent line is drawn here into a layer of its own: its segments (of the path
 * simplified as Agg simplifies it, 1/9 pixel), each a stroke with round ends, have their
 * coverages added and clamped as Agg adds them (./coverage.ts), the layer is tinted with the
 * line's colour and composited once with the line's alpha — one line never darkens itself
 * twice, overlapping lines compound, as in Agg. The alpha is rounded to 8 bits as Agg rounds it
 * (Cairo truncates: 0.05 would be 12/255 instead of 13/255). The coverage is computed here, not
 * by stroking each segment on the canvas: a noisy trace has thousands of them, and the canvas
 * took several times longer for the same sums.
 *
 * Used by line-path.ts for solid translucent lines (dashed and stepped ones, and opaque ones,
 * are stroked as one path).
 */
import type { Context2D } from './context.js';
import { CoverageRaster } from './coverage.js';
import type { XY } from './simplify.js';

/** A blank, transparent raster the size of part of the figure, in device pixels. */
export type RasterLayerFactory = (width: number, height: number) => { canvas: unknown; ctx: Context2D };

const RGBA = /^rgba\(\s*(\d+),\s*(\d+),\s*(\d+),\s*([\d.eE+-]+)\s*\)$/;

/** The opaque colour and the alpha of a translucent CSS rgba() colour; undefined for any other. */
export function translucentColor(css: unknown): { rgb: string; alpha: number } | undefined {
  const c = translucentChannels(css);
  return c && { rgb: `rgb(${c.r}, ${c.g}, ${c.b})`, alpha: c.alpha };
}

/** The channels (0–255) and the 8-bit-rounded alpha of a translucent CSS rgba() colour. */
function translucentChannels(css: unknown): { r: number; g: number; b: number; alpha: number } | undefined {
  const m = typeof css === 'string' ? RGBA.exec(css) : null;
  if (!m) return undefined;
  const alpha = Number(m[4]);
  if (!(alpha < 1)) return undefined;
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), alpha: Math.round(Math.max(0, alpha) * 255) / 255 };
}

/** Each of the path's segments (q to p); a lone vertex is a segment of length zero (a dot); repeated vertices add none (Agg's stroker drops them). */
function eachSegment(path: readonly XY[], segment: (q: XY, p: XY) => void): void {
  for (let i = 0; i < path.length; i++) {
    const p = path[i];
    if (p.skip) continue;
    const q = i > 0 && !path[i - 1].skip ? path[i - 1] : i + 1 < path.length && !path[i + 1].skip ? undefined : p;
    if (!q || (q !== p && q.x === p.x && q.y === p.y)) continue;
    segment(q, p);
  }
}

/** How far a round end's polygon may stray from its circle, in device pixels (Cairo's default tolerance). */
const ROUND_TOLERANCE_PX = 0.1;

/** Steps of half a turn around a round end of radius r (pixels), within ROUND_TOLERANCE_PX. */
function halfTurnSteps(r: number): number {
  if (!(r > ROUND_TOLERANCE_PX)) return 2;
  return Math.min(64, Math.max(2, Math.ceil(Math.PI / (2 * Math.acos(1 - ROUND_TOLERANCE_PX / r)))));
}

/**
 * Adds the outline of a segment from a to b stroked `r` either side with round ends (a disc
 * when a = b) to `raster`, always turning the same way, so that overlapping strokes add up.
 * `cos`/`sin` are the half turn's steps.
 */
function addRoundStroke(raster: CoverageRaster, ax: number, ay: number, bx: number, by: number, r: number, cos: Float64Array, sin: Float64Array): void {
  const len = Math.hypot(bx - ax, by - ay);
  const dx = len > 0 ? (bx - ax) / len : 1;
  const dy = len > 0 ? (by - ay) / len : 0;
  // n is d turned a quarter; around b the end goes from +n through +d to −n, around a back to +n.
  const nx = -dy;
  const ny = dx;
  const sx = ax + r * nx;
  const sy = ay + r * ny;
  let px = sx;
  let py = sy;
  for (let k = 0; k < cos.length; k++) {
    const x = bx + r * (nx * cos[k] + dx * sin[k]);
    const y = by + r * (ny * cos[k] + dy * sin[k]);
    raster.edge(px, py, x, y);
    px = x;
    py = y;
  }
  for (let k = 0; k < cos.length; k++) {
    const x = ax - r * (nx * cos[k] + dx * sin[k]);
    const y = ay - r * (ny * cos[k] + dy * sin[k]);
    raster.edge(px, py, x, y);
    px = x;
    py = y;
  }
  raster.edge(px, py, sx, sy);
}

/**
 * Strokes a translucent line's path (as simplifyLine draws it: vertices, a `skip` entry before
 * each new subpath) on `ctx` in chart units, with `unitsPerDevicePx` chart units per device pixel,
 * clipped at `area`; `layer` makes the scratch raster. False when `css` is not translucent (the
 * caller strokes the path itself).
 */
export function strokeTranslucentLine(
  ctx: Context2D,
  area: { left: number; top: number; right: number; bottom: number },
  path: readonly XY[],
  lineWidth: number,
  css: string,
  unitsPerDevicePx: number,
  layer: RasterLayerFactory,
): boolean {
  const color = translucentChannels(css);
  if (!color) return false;
  const k = unitsPerDevicePx;
  const x0 = Math.floor(area.left / k);
  const y0 = Math.floor(area.top / k);
  const w = Math.max(1, Math.ceil(area.right / k) - x0);
  const h = Math.max(1, Math.ceil(area.bottom / k) - y0);
  // In the layer's pixels: the area, the stroke's half width and its round ends' steps.
  const raster = new CoverageRaster(w, h, { left: area.left / k - x0, top: area.top / k - y0, right: area.right / k - x0, bottom: area.bottom / k - y0 });
  const r = lineWidth / 2 / k;
  const steps = halfTurnSteps(r);
  const cos = Float64Array.from({ length: steps + 1 }, (_, i) => Math.cos((Math.PI * i) / steps));
  const sin = Float64Array.from({ length: steps + 1 }, (_, i) => Math.sin((Math.PI * i) / steps));
  eachSegment(path, (q, p) => addRoundStroke(raster, q.x / k - x0, q.y / k - y0, p.x / k - x0, p.y / k - y0, r, cos, sin));

  const { canvas, ctx: lc } = layer(w, h);
  const image = lc.createImageData(w, h);
  const alphas = raster.alphas();
  for (let i = 0; i < alphas.length; i++) {
    if (alphas[i] === 0) continue;
    image.data[4 * i] = color.r;
    image.data[4 * i + 1] = color.g;
    image.data[4 * i + 2] = color.b;
    image.data[4 * i + 3] = alphas[i];
  }
  lc.putImageData(image, 0, 0);

  ctx.save();
  ctx.globalAlpha = color.alpha;
  // In chart units: the layer lands on whole device pixels.
  ctx.drawImage(canvas as Parameters<Context2D['drawImage']>[0], x0 * k, y0 * k, w * k, h * k);
  ctx.restore();
  return true;
}

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
 * simplified as Agg simplifies it, 1/9 pixel) stroked one by one with round ends, their
 * coverages added and clamped ('lighter' on an empty layer), the layer tinted with the line's
 * colour and composited once with the line's alpha — one line never darkens itself twice,
 * overlapping lines compound, as in Agg. The alpha is rounded to 8 bits as Agg rounds it
 * (Cairo truncates: 0.05 would be 12/255 instead of 13/255).
 *
 * Used by line-path.ts for solid translucent lines (dashed and stepped ones, and opaque ones,
 * are stroked as one path).
 */
import type { Context2D } from './context.js';
import type { XY } from './simplify.js';

/** A blank, transparent raster the size of part of the figure, in device pixels. */
export type RasterLayerFactory = (width: number, height: number) => { canvas: unknown; ctx: Context2D };

const RGBA = /^rgba\(\s*(\d+),\s*(\d+),\s*(\d+),\s*([\d.eE+-]+)\s*\)$/;

/** The opaque colour and the alpha of a translucent CSS rgba() colour; undefined for any other. */
export function translucentColor(css: unknown): { rgb: string; alpha: number } | undefined {
  const m = typeof css === 'string' ? RGBA.exec(css) : null;
  if (!m) return undefined;
  const alpha = Number(m[4]);
  if (!(alpha < 1)) return undefined;
  return { rgb: `rgb(${m[1]}, ${m[2]}, ${m[3]})`, alpha: Math.round(Math.max(0, alpha) * 255) / 255 };
}

type Segment = [XY, XY];

/** The path's segments; a lone vertex is a segment of length zero (a dot); repeated vertices add none (Agg's stroker drops them). */
function segmentsOf(path: readonly XY[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < path.length; i++) {
    const p = path[i];
    if (p.skip) continue;
    const q = i > 0 && !path[i - 1].skip ? path[i - 1] : i + 1 < path.length && !path[i + 1].skip ? undefined : p;
    if (!q || (q !== p && q.x === p.x && q.y === p.y)) continue;
    out.push([q, p]);
  }
  return out;
}

/**
 * Segments in groups whose strokes (`reach` around each segment) cannot touch: their x extents,
 * widened by `reach`, are apart. First fit in order of the left edge (colouring intervals), so
 * a time series of n segments takes about as many groups as segments overlap at one x. The order
 * of drawing does not matter: 'lighter' adds (and clamps) in any order.
 */
function disjointBatches(segments: Segment[], reach: number): Segment[][] {
  const left = (s: Segment) => Math.min(s[0].x, s[1].x) - reach;
  const right = (s: Segment) => Math.max(s[0].x, s[1].x) + reach;
  const sorted = segments.map((s) => ({ s, l: left(s), r: right(s) })).sort((a, b) => a.l - b.l);
  const batches: Segment[][] = [];
  const rightEdge: number[] = [];
  for (const { s, l, r } of sorted) {
    let b = 0;
    while (b < batches.length && !(rightEdge[b] < l)) b++;
    if (b === batches.length) {
      batches.push([]);
      rightEdge.push(-Infinity);
    }
    batches[b].push(s);
    rightEdge[b] = r;
  }
  return batches;
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
  const color = translucentColor(css);
  if (!color) return false;
  const k = unitsPerDevicePx;
  const x0 = Math.floor(area.left / k);
  const y0 = Math.floor(area.top / k);
  const w = Math.max(1, Math.ceil(area.right / k) - x0);
  const h = Math.max(1, Math.ceil(area.bottom / k) - y0);
  const { canvas, ctx: lc } = layer(w, h);
  lc.setTransform(1 / k, 0, 0, 1 / k, -x0, -y0);
  lc.beginPath();
  lc.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
  lc.clip();
  lc.lineWidth = lineWidth;
  lc.lineCap = 'round';
  lc.strokeStyle = '#000000';
  lc.globalCompositeOperation = 'lighter';
  // Their coverages add up, as in Agg: segments that may overlap are stroked apart ('lighter'),
  // segments far apart together (the coverage of disjoint shapes is their sum anyway).
  for (const batch of disjointBatches(segmentsOf(path), lineWidth / 2)) {
    lc.beginPath();
    for (const [q, p] of batch) {
      lc.moveTo(q.x, q.y);
      lc.lineTo(p.x, p.y);
    }
    lc.stroke();
  }
  lc.resetTransform();
  lc.globalCompositeOperation = 'source-in';
  lc.fillStyle = color.rgb;
  lc.fillRect(0, 0, w, h);

  ctx.save();
  ctx.globalAlpha = color.alpha;
  // In chart units: the layer lands on whole device pixels.
  ctx.drawImage(canvas as Parameters<Context2D['drawImage']>[0], x0 * k, y0 * k, w * k, h * k);
  ctx.restore();
  return true;
}

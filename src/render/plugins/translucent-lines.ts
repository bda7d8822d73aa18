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
 * Lines Chart.js draws with markers, dashes or steps are left to it, as are opaque lines.
 * Must run before any other plugin that changes a line for its drawing: returning false from
 * beforeDatasetDraw skips the plugins after it and Chart.js's own drawing of the dataset.
 */
import type { Plugin } from 'chart.js';
import type { Context2D } from '../context.js';
import { simplifyLine, type XY } from '../simplify.js';

/** A blank, transparent raster the size of part of the figure, in device pixels. */
export type RasterLayerFactory = (width: number, height: number) => { canvas: unknown; ctx: Context2D };

interface LineLike {
  points: XY[];
  options: { stepped?: unknown; borderDash?: number[]; borderColor?: unknown; borderWidth?: number };
}

interface ControllerLike {
  _drawStart?: number;
  _drawCount?: number;
}

const RGBA = /^rgba\(\s*(\d+),\s*(\d+),\s*(\d+),\s*([\d.eE+-]+)\s*\)$/;

/** The opaque colour and the alpha of a translucent CSS rgba() colour; undefined for any other. */
export function translucentColor(css: unknown): { rgb: string; alpha: number } | undefined {
  const m = typeof css === 'string' ? RGBA.exec(css) : null;
  if (!m) return undefined;
  const alpha = Number(m[4]);
  if (!(alpha < 1)) return undefined;
  return { rgb: `rgb(${m[1]}, ${m[2]}, ${m[3]})`, alpha: Math.round(Math.max(0, alpha) * 255) / 255 };
}

/** The runs of usable vertices between Chart.js's skipped (non-finite) ones. */
function runsOf(points: readonly XY[]): XY[][] {
  const runs: XY[][] = [];
  let run: XY[] = [];
  for (const p of points) {
    if (!p.skip && Number.isFinite(p.x) && Number.isFinite(p.y)) {
      run.push(p);
    } else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

/**
 * `unitsPerDevicePx`: chart units per device pixel; `layer` makes the scratch rasters.
 * Lines are clipped at the chart area, as Chart.js clips them (clip: 0) and matplotlib at the axes.
 */
export function translucentLinesPlugin(unitsPerDevicePx: number, layer: RasterLayerFactory): Plugin<'line'> {
  const k = unitsPerDevicePx;
  return {
    id: 'mplTranslucentLines',
    beforeDatasetDraw(chart, args) {
      const line = args.meta.dataset as unknown as LineLike | undefined;
      if (!line || line.options.stepped || line.options.borderDash?.length) return;
      const dataset = chart.data.datasets[args.index] as { pointRadius?: unknown; showLine?: unknown };
      if (dataset.showLine === false || (dataset.pointRadius !== undefined && dataset.pointRadius !== 0)) return;
      const color = translucentColor(line.options.borderColor);
      if (!color || !Array.isArray(line.points)) return;

      const controller = args.meta.controller as unknown as ControllerLike;
      const start = controller._drawStart ?? 0;
      const count = controller._drawCount ?? line.points.length - start;
      const area = chart.chartArea;
      const x0 = Math.floor(area.left / k);
      const y0 = Math.floor(area.top / k);
      const w = Math.max(1, Math.ceil(area.right / k) - x0);
      const h = Math.max(1, Math.ceil(area.bottom / k) - y0);
      const { canvas, ctx: lc } = layer(w, h);
      lc.setTransform(1 / k, 0, 0, 1 / k, -x0, -y0);
      lc.beginPath();
      lc.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
      lc.clip();
      lc.lineWidth = line.options.borderWidth ?? k;
      lc.lineCap = 'round';
      lc.strokeStyle = '#000000';
      lc.globalCompositeOperation = 'lighter';
      for (const run of runsOf(line.points.slice(start, start + count))) {
        const kept = simplifyLine(run, k / 9);
        if (kept.length === 1) kept.push(kept[0]);
        for (let i = 1; i < kept.length; i++) {
          lc.beginPath();
          lc.moveTo(kept[i - 1].x, kept[i - 1].y);
          lc.lineTo(kept[i].x, kept[i].y);
          lc.stroke();
        }
      }
      lc.resetTransform();
      lc.globalCompositeOperation = 'source-in';
      lc.fillStyle = color.rgb;
      lc.fillRect(0, 0, w, h);

      const ctx = chart.ctx as unknown as Context2D;
      ctx.save();
      ctx.globalAlpha = color.alpha;
      // In chart units (Chart.js's transform is in place): the layer lands on whole device pixels.
      ctx.drawImage(canvas as Parameters<Context2D['drawImage']>[0], x0 * k, y0 * k, w * k, h * k);
      ctx.restore();
      return false;
    },
  };
}

/**
 * The drawing surface of one figure: a Canvas 2D context (node-canvas's image, SVG or PDF
 * backend, or a page's canvas) and, for each panel, a context Chart.js can draw on without
 * disturbing the other panels.
 *
 * Why not one canvas per panel composed afterwards: drawImage of an SVG or PDF canvas
 * rasterises it (node-canvas #1144). Instead every panel's Chart gets the whole figure as
 * its canvas, with layout padding putting its chart area at the panel's box, and a context
 * proxy that
 * - ignores clearRect (Chart.js clears its canvas before drawing and on destroy, which would
 *   wipe the panels drawn before);
 * - maps Chart.js's own transform (it sets one for devicePixelRatio) onto our unit scale.
 *
 * Units: Chart.js draws in "chart units", finer than the device's, so that what it rounds to
 * whole units (pixel alignment, its line fast path) stays far under a pixel: a chart unit is
 * 1/RASTER_UNITS_PER_PX pixel for PNG (with Chart.js's devicePixelRatio set so it still aligns tick marks to whole device
 * pixels), and 1/VECTOR_UNITS_PER_PT point for SVG/PDF (whose pages are in points).
 */
import type { Context2D as CanvasRenderingContext2D } from './context.js';
import { SIMPLIFY_THRESHOLD_PX } from './simplify.js';
import type { RasterLayerFactory } from './translucent-lines.js';

export type ImageFormat = 'png' | 'svg' | 'pdf';

export const VECTOR_UNITS_PER_PT = 20;
export const RASTER_UNITS_PER_PX = 8;

export interface Surface {
  ctx: CanvasRenderingContext2D;
  format: ImageFormat;
  /** Figure size in points. */
  width: number;
  height: number;
  /** Chart units per point. */
  unitsPerPt: number;
  /** Device pixels per point for raster output (dpi / 72); undefined for vector output. */
  devicePxPerPt?: number;
  /** Chart units per device pixel for raster output; undefined for vector output. */
  unitsPerDevicePx?: number;
  /** Chart.js's devicePixelRatio: device units per chart unit as Chart.js sees them. */
  chartPixelRatio: number;
  /** Device units (pixels or points) per chart unit. */
  deviceScale: number;
  /**
   * How far, in chart units, a line path may move when simplified: matplotlib's
   * path.simplify_threshold, 1/9 of a device pixel (for SVG and PDF, of a pixel at the dpi).
   */
  lineSimplifyThreshold: number;
  /** Raster output only: blank scratch rasters (translucent lines are drawn through one). */
  rasterLayer?: RasterLayerFactory;
}

/** matplotlib sizes its raster canvas with int(figsize × dpi). */
export function devicePixels(inches: number, dpi: number): number {
  return Math.max(1, Math.floor(inches * dpi + 1e-6));
}

/**
 * A PNG's surface on a context of devicePixels(figsize, dpi) pixels (the PNG path, and a page's
 * canvas). `rasterLayer` makes the scratch rasters translucent lines are drawn through; without
 * one they are stroked as one path (paler than Agg where a line overlaps itself).
 */
export function rasterSurface(ctx: CanvasRenderingContext2D, figsize: [number, number], dpi: number, rasterLayer?: RasterLayerFactory): Surface {
  const k = RASTER_UNITS_PER_PX;
  return {
    ctx,
    format: 'png',
    width: figsize[0] * 72,
    height: figsize[1] * 72,
    unitsPerPt: (k * dpi) / 72,
    devicePxPerPt: dpi / 72,
    unitsPerDevicePx: k,
    chartPixelRatio: 1 / k,
    deviceScale: 1 / k,
    lineSimplifyThreshold: SIMPLIFY_THRESHOLD_PX * k,
    rasterLayer,
  };
}

/** An SVG's or PDF's surface on a context whose units are points (figsize × 72 of them). */
export function vectorSurface(ctx: CanvasRenderingContext2D, format: 'svg' | 'pdf', figsize: [number, number], dpi: number): Surface {
  // Chart.js's pixel alignment is irrelevant here: it keeps devicePixelRatio 1 (1/20 pt).
  const u = VECTOR_UNITS_PER_PT;
  const lineSimplifyThreshold = SIMPLIFY_THRESHOLD_PX * (72 / dpi) * u;
  return { ctx, format, width: figsize[0] * 72, height: figsize[1] * 72, unitsPerPt: u, chartPixelRatio: 1, deviceScale: 1 / u, lineSimplifyThreshold };
}

/** Sets the real context to draw in chart units (for figure-level drawing outside Chart.js). */
export function useChartUnits(s: Surface): void {
  s.ctx.setTransform(s.deviceScale, 0, 0, s.deviceScale, 0, 0);
}

/** What Chart.js takes as its canvas: the whole figure, in chart units, behind our proxy context. */
export interface PanelCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): CanvasRenderingContext2D;
}

export function panelCanvas(s: Surface): PanelCanvas {
  // Chart.js sets devicePixelRatio × identity; what is missing to reach the device is q.
  const q = s.deviceScale / s.chartPixelRatio;
  const real = s.ctx;
  const fake: PanelCanvas = {
    width: s.width * s.unitsPerPt,
    height: s.height * s.unitsPerPt,
    getContext: () => proxy,
  };
  const overrides: Record<string | symbol, unknown> = {
    canvas: fake,
    clearRect: () => undefined,
    setTransform: (a: number, b: number, c: number, d: number, e: number, f: number) => real.setTransform(a * q, b * q, c * q, d * q, e * q, f * q),
    resetTransform: () => real.setTransform(q, 0, 0, q, 0, 0),
  };
  const proxy = new Proxy(real, {
    get(target, key) {
      if (key in overrides) return overrides[key];
      // Native accessors and methods need the real context as `this`.
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    set(target, key, value) {
      return Reflect.set(target, key, value, target);
    },
  }) as CanvasRenderingContext2D;
  return fake;
}

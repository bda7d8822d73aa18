/**
 * The drawing surface of one figure: a node-canvas Canvas (image, SVG or PDF backend) and,
 * for each panel, a context Chart.js can draw on without disturbing the other panels.
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
import { createCanvas, type Canvas, type CanvasRenderingContext2D } from 'canvas';
import { SIMPLIFY_THRESHOLD_PX } from './simplify.js';

export type ImageFormat = 'png' | 'svg' | 'pdf';

export const VECTOR_UNITS_PER_PT = 20;
export const RASTER_UNITS_PER_PX = 8;

export interface Surface {
  canvas: Canvas;
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
}

/** matplotlib sizes its raster canvas with int(figsize × dpi). */
function devicePixels(inches: number, dpi: number): number {
  return Math.max(1, Math.floor(inches * dpi + 1e-6));
}

export function createSurface(format: ImageFormat, figsize: [number, number], dpi: number): Surface {
  const width = figsize[0] * 72;
  const height = figsize[1] * 72;
  if (format === 'png') {
    const canvas = createCanvas(devicePixels(figsize[0], dpi), devicePixels(figsize[1], dpi));
    const k = RASTER_UNITS_PER_PX;
    return {
      canvas,
      ctx: canvas.getContext('2d'),
      format,
      width,
      height,
      unitsPerPt: (k * dpi) / 72,
      devicePxPerPt: dpi / 72,
      unitsPerDevicePx: k,
      chartPixelRatio: 1 / k,
      deviceScale: 1 / k,
      lineSimplifyThreshold: SIMPLIFY_THRESHOLD_PX * k,
    };
  }
  // Vector pages are figsize × 72 pt. Cairo's canvas takes whole points: it is made large enough
  // and the page is trimmed to the exact size on export (SVG header, PDF MediaBox).
  const canvas = createCanvas(Math.max(1, Math.ceil(width - 1e-9)), Math.max(1, Math.ceil(height - 1e-9)), format);
  // Chart.js's pixel alignment is irrelevant here: it keeps devicePixelRatio 1 (1/20 pt).
  const u = VECTOR_UNITS_PER_PT;
  const lineSimplifyThreshold = SIMPLIFY_THRESHOLD_PX * (72 / dpi) * u;
  return { canvas, ctx: canvas.getContext('2d'), format, width, height, unitsPerPt: u, chartPixelRatio: 1, deviceScale: 1 / u, lineSimplifyThreshold };
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

/**
 * Cairo numbers SVG ids per process (surface12, clip3, glyph-0-1 …): renumber them in order of
 * appearance so the same figure gives the same bytes.
 */
export function normaliseSvgIds(svg: string): string {
  const ids = new Map<string, string>();
  const perStem = new Map<string, number>();
  for (const m of svg.matchAll(/\bid="([^"]+)"/g)) {
    const id = m[1];
    if (ids.has(id)) continue;
    const stem = id.replace(/[\d-]+$/, '') || 'id';
    const n = (perStem.get(stem) ?? 0) + 1;
    perStem.set(stem, n);
    ids.set(id, `${stem}${n}`);
  }
  return svg.replace(/(\bid="|#)([A-Za-z_][\w.-]*)/g, (whole, lead: string, id: string) => {
    const to = ids.get(id);
    return to === undefined ? whole : lead + to;
  });
}

const fmt = (v: number) => String(Number(v.toFixed(4)));

/** The SVG header with the exact page size in points (Cairo's canvas has whole points). */
function exactSvgSize(svg: string, width: number, height: number): string {
  return svg.replace(/<svg\b[^>]*>/, (tag) =>
    tag
      .replace(/\bwidth="[^"]*"/, `width="${fmt(width)}pt"`)
      .replace(/\bheight="[^"]*"/, `height="${fmt(height)}pt"`)
      .replace(/\bviewBox="[^"]*"/, `viewBox="0 0 ${fmt(width)} ${fmt(height)}"`),
  );
}

/**
 * The PDF MediaBox trimmed to the exact page when the figure is not whole points (8 × 2.9 in is
 * 576 × 208.8 pt). Cairo draws y-down from the top of its whole-point page, so the box keeps
 * the top and moves the bottom up. Patched in place with the same number of bytes, so the
 * cross-reference offsets stay right; left as Cairo wrote it when the exact box needs more.
 */
function exactPdfPage(pdf: Buffer, s: Surface): Buffer {
  const { width: cw, height: ch } = s.canvas;
  if (Math.abs(cw - s.width) < 1e-6 && Math.abs(ch - s.height) < 1e-6) return pdf;
  const text = pdf.toString('latin1');
  const old = new RegExp(`/MediaBox \\[ ?0 0 ${cw} ${ch} ?\\]`, 'g');
  const exact = `[0 ${fmt(ch - s.height)} ${fmt(s.width)} ${ch}]`;
  const patched = text.replace(old, (whole) => {
    const room = whole.length - '/MediaBox '.length;
    return exact.length <= room ? `/MediaBox ${exact.slice(0, -1)}${' '.repeat(room - exact.length)}]` : whole;
  });
  return Buffer.from(patched, 'latin1');
}

/** The finished figure as bytes; the same figure gives the same bytes in every format. */
export function exportSurface(s: Surface): Buffer {
  if (s.format === 'png') return s.canvas.toBuffer('image/png');
  // A fixed creation date: Cairo would stamp the current time.
  if (s.format === 'pdf') return exactPdfPage(s.canvas.toBuffer('application/pdf', { creationDate: new Date(0), creator: 'snn-figs' }), s);
  const svg = s.canvas.toBuffer().toString('utf8');
  return Buffer.from(exactSvgSize(normaliseSvgIds(svg), s.width, s.height), 'utf8');
}

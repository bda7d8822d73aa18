/**
 * The renderer on node-canvas (Cairo): the one module that loads canvas. It registers the
 * fonts, gives the renderer its text-measuring context, makes the PNG / SVG / PDF canvases,
 * and turns them into bytes. Everything it draws goes through ./index.ts, as a page's does.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, registerFont, type Canvas } from 'canvas';
import type { FigureData } from '../data/types.js';
import { FONT_FAMILY } from './fonts.js';
import { checkOptions, drawOnSurface, type RenderOptions } from './index.js';
import { devicePixels, rasterSurface, vectorSurface, type ImageFormat, type Surface } from './surface.js';
import { useTextMeasurer } from './text.js';
import type { RasterLayerFactory } from './translucent-lines.js';

export type { ImageFormat } from './surface.js';
export type { RenderOptions } from './index.js';
export { layoutFigure } from './index.js';

/** DejaVu Sans from the npm package dejavu-fonts-ttf, so every machine draws the same glyphs. */
function registerFonts(): void {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  registerFont(join(dir, 'DejaVuSans.ttf'), { family: FONT_FAMILY, weight: 'normal', style: 'normal' });
  // Mathtext's italic letters (the δt of `$\delta t$`) come from the oblique face.
  registerFont(join(dir, 'DejaVuSans-Oblique.ttf'), { family: FONT_FAMILY, weight: 'normal', style: 'italic' });
}

// node-canvas wants the fonts before any canvas exists. Text is measured on a vector context:
// exact outline extents, the same for every output format.
registerFonts();
useTextMeasurer(createCanvas(10, 10, 'svg').getContext('2d'));

interface NodeSurface extends Surface {
  canvas: Canvas;
}

/** Scratch rasters for the PNG path (translucent lines are drawn through them). */
const rasterLayer: RasterLayerFactory = (width, height) => {
  const canvas = createCanvas(width, height);
  return { canvas, ctx: canvas.getContext('2d') };
};

export function createSurface(format: ImageFormat, figsize: [number, number], dpi: number): NodeSurface {
  if (format === 'png') {
    const canvas = createCanvas(devicePixels(figsize[0], dpi), devicePixels(figsize[1], dpi));
    return { ...rasterSurface(canvas.getContext('2d'), figsize, dpi, rasterLayer), canvas };
  }
  // Vector pages are figsize × 72 pt. Cairo's canvas takes whole points: it is made large enough
  // and the page is trimmed to the exact size on export (SVG header, PDF MediaBox).
  const canvas = createCanvas(Math.max(1, Math.ceil(figsize[0] * 72 - 1e-9)), Math.max(1, Math.ceil(figsize[1] * 72 - 1e-9)), format);
  return { ...vectorSurface(canvas.getContext('2d'), format, figsize, dpi), canvas };
}

/** Draws a figure into the bytes of a PNG, SVG or PDF file; synchronous. The same input gives the same bytes. */
export function renderFigure(data: FigureData, format: ImageFormat, options: RenderOptions): Buffer {
  if (!['png', 'svg', 'pdf'].includes(format)) throw new Error(`unknown image format '${String(format)}'`);
  checkOptions(options);
  const surface = createSurface(format, options.figsize, options.dpi);
  drawOnSurface(data, surface, options);
  return exportSurface(surface);
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
function exactPdfPage(pdf: Buffer, s: Surface, canvas: Canvas): Buffer {
  const { width: cw, height: ch } = canvas;
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
function exportSurface(s: NodeSurface): Buffer {
  const { canvas } = s;
  if (s.format === 'png') return canvas.toBuffer('image/png');
  // A fixed creation date: Cairo would stamp the current time.
  if (s.format === 'pdf') return exactPdfPage(canvas.toBuffer('application/pdf', { creationDate: new Date(0), creator: 'snn-figs' }), s, canvas);
  const svg = canvas.toBuffer().toString('utf8');
  return Buffer.from(exactSvgSize(normaliseSvgIds(svg), s.width, s.height), 'utf8');
}

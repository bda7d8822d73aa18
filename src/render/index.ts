/**
 * FigureData drawn on a Canvas 2D context with the look of the notebook's matplotlib figures.
 * The renderer reads FigureData only; it knows nothing of models, and nothing of node-canvas:
 * ./node-canvas.ts makes PNG / SVG / PDF bytes with it, drawFigure draws on a page's canvas.
 *
 * Steps: the figure is checked (check.ts) → each panel's marks get colours, an order and
 * limits, shared axes together (axes.ts) → tight_layout places the gridspec's boxes
 * (tight-layout.ts) → one Chart.js chart per panel draws the marks in zorder (marks/,
 * chart-config.ts), our plugins the box, text and legend → the suptitle.
 */
import { Chart, LinearScale, LineController, LineElement, PointElement } from 'chart.js';
import type { FigureData } from '../data/types.js';
import { checkFigure } from './check.js';
import { figureLimits, panelContent, placePanel, type PanelGeometry } from './axes.js';
import { panelChartConfig } from './chart-config.js';
import { BACKGROUND, ownFontSize, SUBPLOT_DEFAULTS, SUPTITLE_SIZE, SUPTITLE_Y, TEXT_COLOR, withStyle, type StyleSettings } from './style.js';
import type { CanvasLike, Context2D } from './context.js';
import type { RasterLayerFactory } from './translucent-lines.js';
import { devicePixels, panelCanvas, rasterSurface, useChartUnits, type Surface } from './surface.js';
import { drawText, hasTextMeasurer, layoutText, useTextMeasurer, type Rect } from './text.js';
import { FixedTicksScale } from './ticks.js';
import { centredCrop, gridBoxes, spanBox, tightLayout } from './tight-layout.js';

export type { CanvasLike, Context2D } from './context.js';
export { FONT_FAMILY } from './fonts.js';

/** Size, and the look: a style sheet's sizes and a font scale (./style.ts), transparency. */
export interface RenderOptions extends StyleSettings {
  /** Inches. */
  figsize: [number, number];
  /** Dots per inch (raster output; vector pages are figsize × 72 pt whatever the dpi). */
  dpi: number;
  /** savefig's transparent=True: no figure background (the legend keeps its frame). */
  transparent?: boolean;
}

Chart.register(LineController, LineElement, PointElement, LinearScale, FixedTicksScale);

/** Panel cells, with the grid grown to hold every panel (and its span) if the layout says less. */
function gridOf(data: FigureData) {
  const cells = data.panels.map((p) => ({ row: p.row ?? 0, col: p.col ?? 0, rowSpan: p.rowSpan ?? 1, colSpan: p.colSpan ?? 1 }));
  const rows = Math.max(1, data.layout?.rows ?? 1, ...cells.map((c) => c.row + c.rowSpan));
  const cols = Math.max(1, data.layout?.cols ?? 1, ...cells.map((c) => c.col + c.colSpan));
  return { rows, cols, cells };
}

/** The suptitle's text block and where it goes (figure fraction y, top-aligned, centred). */
export function suptitleOf(data: FigureData, height: number, devicePxPerPt?: number) {
  const s = data.layout?.suptitle;
  if (!s) return undefined;
  const block = layoutText(s.text, s.fontsize !== undefined ? ownFontSize(s.fontsize) : SUPTITLE_SIZE, devicePxPerPt);
  return { block, y: (1 - (s.y ?? SUPTITLE_Y)) * height };
}

/** Where every panel and its decorations go, in points. */
export function layoutFigure(data: FigureData, options: RenderOptions, devicePxPerPt?: number): PanelGeometry[] {
  const width = options.figsize[0] * 72;
  const height = options.figsize[1] * 72;
  const { rows, cols, cells } = gridOf(data);
  const layout = data.layout ?? { rows, cols };
  const contents = data.panels.map(panelContent);
  const limits = figureLimits(data.panels, contents);
  const grid = { width, height, rows, cols, widthRatios: ratios(layout.widthRatios, cols), heightRatios: ratios(layout.heightRatios, rows) };
  const initial = { ...SUBPLOT_DEFAULTS, ...(layout.subplotsAdjust ?? {}) };
  const suptitle = suptitleOf(data, height, devicePxPerPt);
  const measure = (k: number, box: Rect) => placePanel(data.panels[k], contents[k], limits[k], box, devicePxPerPt).tight;
  const tight = () =>
    tightLayout(grid, cells, measure, {
      initial,
      rect: layout.rect,
      suptitleHeight: suptitle ? suptitle.block.ascent + suptitle.block.descent : undefined,
    });
  const params = layout.fit === 'centred-crop' ? (centredCrop(grid, cells, measure, initial) ?? tight()) : layout.tight === false ? initial : tight();
  const boxes = gridBoxes(grid, params);
  return data.panels.map((panel, k) => placePanel(panel, contents[k], limits[k], spanBox(boxes, cells[k]), devicePxPerPt));
}

/** Ratios only where given for every row (column) and positive; otherwise equal cells. */
function ratios(given: number[] | undefined, n: number): number[] | undefined {
  if (!given) return undefined;
  if (given.length !== n || !given.every((r) => r > 0 && Number.isFinite(r)))
    throw new Error(`grid ratios must be ${n} positive numbers, got ${given.join(', ')}`);
  return given;
}

export function checkOptions(options: RenderOptions): void {
  const [w, h] = options.figsize ?? [];
  if (!(w > 0 && h > 0 && Number.isFinite(w) && Number.isFinite(h)))
    throw new Error(`figsize must be two positive numbers of inches, got ${String(options.figsize)}`);
  if (!(options.dpi > 0 && Number.isFinite(options.dpi))) throw new Error(`dpi must be a positive number, got ${String(options.dpi)}`);
}

/** Draws a figure on a surface (./surface.ts); synchronous. The same input gives the same drawing. */
export function drawOnSurface(data: FigureData, surface: Surface, options: RenderOptions): void {
  checkOptions(options);
  checkFigure(data);
  withStyle(options, () => draw(data, surface, options));
}

function draw(data: FigureData, surface: Surface, options: RenderOptions): void {
  const geometry = layoutFigure(data, options, surface.devicePxPerPt);

  // figure.facecolor: painted as a vector rectangle (a plugin with destination-over would
  // turn SVG and PDF into one bitmap).
  useChartUnits(surface);
  if (!options.transparent) {
    surface.ctx.fillStyle = BACKGROUND;
    surface.ctx.fillRect(0, 0, surface.width * surface.unitsPerPt, surface.height * surface.unitsPerPt);
  }

  const drawing = {
    width: surface.width,
    height: surface.height,
    unitsPerPt: surface.unitsPerPt,
    devicePxPerPt: surface.devicePxPerPt,
    unitsPerDevicePx: surface.unitsPerDevicePx,
    chartPixelRatio: surface.chartPixelRatio,
    lineSimplifyThreshold: surface.lineSimplifyThreshold,
    rasterLayer: surface.rasterLayer,
  };
  for (const g of geometry) {
    const chart = new Chart(panelCanvas(surface) as unknown as ConstructorParameters<typeof Chart>[0], panelChartConfig(g, drawing));
    chart.destroy();
  }
  const suptitle = suptitleOf(data, surface.height, surface.devicePxPerPt);
  if (suptitle) {
    useChartUnits(surface);
    drawText(surface.ctx, suptitle.block, surface.width / 2, suptitle.y, 'center', 'top', { scale: surface.unitsPerPt, color: TEXT_COLOR });
  }
}

/**
 * Sizes `canvas` to figsize × dpi pixels and draws the figure on it as the PNG path does. Text
 * is measured with `measure` if given (a context whose fonts are loaded), else on first use
 * with an OffscreenCanvas where there is one, else with the canvas's own context.
 */
export function drawFigure(data: FigureData, canvas: CanvasLike, options: RenderOptions & { measure?: Context2D }): void {
  checkOptions(options);
  canvas.width = devicePixels(options.figsize[0], options.dpi);
  canvas.height = devicePixels(options.figsize[1], options.dpi);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('the canvas gives no 2d context');
  if (options.measure) useTextMeasurer(options.measure);
  else if (!hasTextMeasurer()) useTextMeasurer(offscreenContext() ?? ctx);
  drawOnSurface(data, rasterSurface(ctx, options.figsize, options.dpi, offscreenLayers()), options);
}

/** Scratch rasters as OffscreenCanvases, where the platform has them (browsers, workers). */
function offscreenLayers(): RasterLayerFactory | undefined {
  const Offscreen = (globalThis as { OffscreenCanvas?: new (w: number, h: number) => CanvasLike }).OffscreenCanvas;
  if (!Offscreen) return undefined;
  return (width, height) => {
    const canvas = new Offscreen(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('an OffscreenCanvas gives no 2d context');
    return { canvas, ctx };
  };
}

/** A small OffscreenCanvas's context, where the platform has one (browsers, workers). */
function offscreenContext(): Context2D | undefined {
  const Offscreen = (globalThis as { OffscreenCanvas?: new (w: number, h: number) => CanvasLike }).OffscreenCanvas;
  return Offscreen ? (new Offscreen(10, 10).getContext('2d') ?? undefined) : undefined;
}

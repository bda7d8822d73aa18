/**
 * FigureData → PNG / SVG / PDF bytes with the look of the notebook's matplotlib figures.
 * The renderer reads FigureData only; it knows nothing of models.
 *
 * Steps: the figure is checked (check.ts) → each panel's marks (legacy fields converted) get
 * colours, an order and limits, shared axes together (axes.ts) → tight_layout places the
 * gridspec's boxes (tight-layout.ts) → one Chart.js chart per panel draws the marks in zorder
 * (marks/, chart-config.ts), our plugins the box, text and legend → the suptitle → the canvas is
 * exported (surface.ts).
 */
import { Chart, LinearScale, LineController, LineElement, PointElement } from 'chart.js';
import type { FigureData } from '../figures/types.js';
import { checkFigure } from './check.js';
import { figureLimits, panelContent, placePanel, type PanelGeometry } from './axes.js';
import { panelChartConfig } from './chart-config.js';
import { ensureFonts } from './fonts.js';
import { BACKGROUND, ownFontSize, SUBPLOT_DEFAULTS, SUPTITLE_SIZE, SUPTITLE_Y, TEXT_COLOR, withStyle, type StyleSettings } from './style.js';
import { drawText, layoutText } from './text.js';
import { createSurface, exportSurface, panelCanvas, useChartUnits, type ImageFormat } from './surface.js';
import { FixedTicksScale } from './ticks.js';
import { gridBoxes, spanBox, tightLayout } from './tight-layout.js';

export type { ImageFormat } from './surface.js';

export interface RenderOptions {
  /** Inches. */
  figsize: [number, number];
  /** Dots per inch (raster output; vector pages are figsize × 72 pt whatever the dpi). */
  dpi: number;
  /** savefig's transparent=True: no figure background (the legend keeps its frame). */
  transparent?: boolean;
}

/** Size, and the style sheet's sizes and font scale. */
export type RenderSettings = RenderOptions & StyleSettings;

ensureFonts();
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
  const params =
    layout.tight === false
      ? initial
      : tightLayout(grid, cells, (k, box) => placePanel(data.panels[k], contents[k], limits[k], box, devicePxPerPt).tight, {
          initial,
          rect: layout.rect,
          suptitleHeight: suptitle ? suptitle.block.ascent + suptitle.block.descent : undefined,
        });
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

function checkOptions(format: ImageFormat, options: RenderOptions): void {
  if (!['png', 'svg', 'pdf'].includes(format)) throw new Error(`unknown image format '${String(format)}'`);
  const [w, h] = options.figsize ?? [];
  if (!(w > 0 && h > 0 && Number.isFinite(w) && Number.isFinite(h)))
    throw new Error(`figsize must be two positive numbers of inches, got ${String(options.figsize)}`);
  if (!(options.dpi > 0 && Number.isFinite(options.dpi))) throw new Error(`dpi must be a positive number, got ${String(options.dpi)}`);
}

/** Draws a figure; synchronous. The same input gives the same bytes. */
export function renderFigure(data: FigureData, format: ImageFormat, options: RenderSettings): Buffer {
  checkOptions(format, options);
  checkFigure(data);
  return withStyle(options, () => draw(data, format, options));
}

function draw(data: FigureData, format: ImageFormat, options: RenderOptions): Buffer {
  const surface = createSurface(format, options.figsize, options.dpi);
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
  return exportSurface(surface);
}

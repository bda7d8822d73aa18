/**
 * FigureData → PNG / SVG / PDF bytes with the look of the notebook's matplotlib figures.
 * The renderer reads FigureData only; it knows nothing of models.
 *
 * Steps: limits per panel → tight_layout places the axes boxes (tight-layout.ts, axes.ts) →
 * one Chart.js chart per panel draws curves, markers and ticks, our plugins draw the box,
 * reference lines, text and legend → the canvas is exported (surface.ts).
 */
import { Chart, LinearScale, LineController, LineElement, PointElement } from 'chart.js';
import type { FigureData } from '../figures/types.js';
import { panelLimits, placePanel, type PanelGeometry } from './axes.js';
import { panelChartConfig } from './chart-config.js';
import { ensureFonts } from './fonts.js';
import { BACKGROUND } from './style.js';
import { createSurface, exportSurface, panelCanvas, useChartUnits, type ImageFormat } from './surface.js';
import { FixedTicksScale } from './ticks.js';
import { gridBoxes, tightLayout } from './tight-layout.js';

export type { ImageFormat } from './surface.js';

export interface RenderOptions {
  /** Inches. */
  figsize: [number, number];
  /** Dots per inch (raster output; vector pages are figsize × 72 pt whatever the dpi). */
  dpi: number;
}

ensureFonts();
Chart.register(LineController, LineElement, PointElement, LinearScale, FixedTicksScale);

/** Panel cells, with the grid grown to hold every panel if the layout says less. */
function gridOf(data: FigureData) {
  const cells = data.panels.map((p) => ({ row: p.row ?? 0, col: p.col ?? 0 }));
  const rows = Math.max(1, data.layout?.rows ?? 1, ...cells.map((c) => c.row + 1));
  const cols = Math.max(1, data.layout?.cols ?? 1, ...cells.map((c) => c.col + 1));
  return { rows, cols, cells };
}

/** Where every panel and its decorations go, in points. */
export function layoutFigure(data: FigureData, options: RenderOptions, devicePxPerPt?: number): PanelGeometry[] {
  const width = options.figsize[0] * 72;
  const height = options.figsize[1] * 72;
  const { rows, cols, cells } = gridOf(data);
  const limits = data.panels.map(panelLimits);
  const grid = { width, height, rows, cols };
  const params = tightLayout(grid, cells, (k, box) => placePanel(data.panels[k], limits[k], box, devicePxPerPt).tight);
  const boxes = gridBoxes(grid, params);
  return data.panels.map((panel, k) => placePanel(panel, limits[k], boxes[cells[k].row][cells[k].col], devicePxPerPt));
}

function checkOptions(format: ImageFormat, options: RenderOptions): void {
  if (!['png', 'svg', 'pdf'].includes(format)) throw new Error(`unknown image format '${String(format)}'`);
  const [w, h] = options.figsize ?? [];
  if (!(w > 0 && h > 0 && Number.isFinite(w) && Number.isFinite(h))) throw new Error(`figsize must be two positive numbers of inches, got ${String(options.figsize)}`);
  if (!(options.dpi > 0 && Number.isFinite(options.dpi))) throw new Error(`dpi must be a positive number, got ${String(options.dpi)}`);
}

/** Draws a figure; synchronous. The same input gives the same bytes. */
export function renderFigure(data: FigureData, format: ImageFormat, options: RenderOptions): Buffer {
  checkOptions(format, options);
  const surface = createSurface(format, options.figsize, options.dpi);
  const geometry = layoutFigure(data, options, surface.devicePxPerPt);

  // figure.facecolor: painted as a vector rectangle (a plugin with destination-over would
  // turn SVG and PDF into one bitmap).
  useChartUnits(surface);
  surface.ctx.fillStyle = BACKGROUND;
  surface.ctx.fillRect(0, 0, surface.width * surface.unitsPerPt, surface.height * surface.unitsPerPt);

  const drawing = {
    width: surface.width,
    height: surface.height,
    unitsPerPt: surface.unitsPerPt,
    devicePxPerPt: surface.devicePxPerPt,
    unitsPerDevicePx: surface.unitsPerDevicePx,
    chartPixelRatio: surface.chartPixelRatio,
  };
  for (const g of geometry) {
    const chart = new Chart(panelCanvas(surface) as unknown as ConstructorParameters<typeof Chart>[0], panelChartConfig(g, drawing));
    chart.destroy();
  }
  return exportSurface(surface);
}

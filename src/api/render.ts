/**
 * renderFigure: FigureData to the bytes of a file in any output format, in memory. JSON and
 * CSV load no native module; the renderer (Chart.js on node-canvas) is imported only for images.
 */
import { toCsv, toJson } from '../export/index.js';
import { findFigure } from '../figures/registry.js';
import type { FigureData } from '../figures/types.js';
import { loadCanvas } from './canvas.js';
import { InputError } from './errors.js';
import { checkFigureData, FigureDataError } from '../figures/check-data.js';
import { checkCost } from '../cli/cost.js';
import { checkFigure } from '../render/check.js';
import { UsageError } from '../cli/errors.js';

/** Malformed data refused with the panel and mark named; data beyond memory refused before drawing (V8 would abort). */
function checkData(data: unknown, format: OutputFormat): void {
  try {
    const points = checkFigureData(data);
    checkCost({ neuronSteps: 0, samples: 2 * points }, { force: true, threads: 1, format, options: [] });
  } catch (e) {
    if (e instanceof FigureDataError) throw new InputError(e.message);
    if (e instanceof UsageError) throw new InputError(e.message.replace('this run needs', 'drawing this data needs'), 'draw fewer points');
    throw e;
  }
}

export const OUTPUT_FORMATS = ['png', 'svg', 'pdf', 'json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface RenderOptions {
  /** Width and height in inches (default: the figure's, as in the notebook). */
  figsize?: readonly [number, number];
  /** Dots per inch for PNG (default: the figure's); SVG and PDF pages are figsize × 72 pt. */
  dpi?: number;
}

/** matplotlib's defaults, for FigureData that names no known figure. */
const DEFAULT_FIGSIZE: [number, number] = [6.4, 4.8];
const DEFAULT_DPI = 100;

/**
 * figsize and dpi with the limits that keep a drawing in memory (100 megapixels). The dpi and
 * pixel limits are a PNG's: SVG and PDF pages have no pixels, and JSON and CSV no size at all.
 */
export function renderSize(figure: string, options: RenderOptions, format: OutputFormat = 'png'): { figsize: [number, number]; dpi: number } {
  const fig = findFigure(figure);
  const [w, h] = options.figsize ?? fig?.figsize ?? DEFAULT_FIGSIZE;
  const dpi = options.dpi ?? fig?.dpi ?? DEFAULT_DPI;
  if (!(typeof w === 'number' && typeof h === 'number' && w > 0 && h > 0 && Number.isFinite(w) && Number.isFinite(h)))
    throw new InputError(`figsize expects a positive width and height in inches, got ${String(options.figsize)}`);
  if (w > 100 || h > 100) throw new InputError(`figsize must be at most 100x100 inches, got ${w}x${h}`);
  if (format !== 'png') {
    if (!(typeof dpi === 'number' && dpi > 0 && Number.isFinite(dpi))) throw new InputError(`dpi must be a positive number, got ${String(dpi)}`);
    return { figsize: [w, h], dpi };
  }
  if (!(typeof dpi === 'number' && dpi >= 10 && dpi <= 1200)) throw new InputError(`dpi must be between 10 and 1200, got ${String(dpi)}`);
  if (w * dpi * h * dpi > 1e8) throw new InputError(`figsize × dpi gives ${Math.round(w * dpi)}×${Math.round(h * dpi)} pixels; at most 100 megapixels`);
  if (w * dpi < 50 || h * dpi < 50) throw new InputError('figsize × dpi gives fewer than 50 pixels on a side');
  return { figsize: [w, h], dpi };
}

/** The bytes of `data` as a PNG, SVG, PDF, JSON or CSV file. Rejects with CanvasUnavailableError for an image when canvas cannot load. */
export async function renderFigure(data: FigureData, format: OutputFormat, options: RenderOptions = {}): Promise<Uint8Array> {
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format))
    throw new InputError(`format must be one of ${OUTPUT_FORMATS.join(', ')}, got ${typeof format === 'string' ? `'${format.slice(0, 40)}'` : typeof format}`);
  if (options === null || typeof options !== 'object')
    throw new InputError(`options must be an object such as { figsize: [8, 5], dpi: 100 }, got ${options === null ? 'null' : typeof options}`);
  checkData(data, format);
  if (format === 'json') return toJson(data);
  if (format === 'csv') return toCsv(data);
  const size = renderSize(data.figure, options, format);
  try {
    checkFigure(data); // the styles and grid the renderer can draw
  } catch (e) {
    if (e instanceof RangeError) throw new InputError(e.message);
    throw e;
  }
  await loadCanvas(format);
  const renderer = await import('../render/index.js');
  return renderer.renderFigure(data, format, size);
}

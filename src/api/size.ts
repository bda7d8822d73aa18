/** A drawing's size: the caller's figsize and dpi, else the figure's (as in the notebook), within the limits. */
import { findFigure } from '../figures/registry.js';
import type { OutputFormat } from '../options/formats.js';
import { CONTEXT_NAMES, type Context } from '../render/style.js';
import { InputError } from './errors.js';
import { checkPlainObject } from './plain-input.js';

export interface RenderOptions {
  /** Width and height in inches (default: the figure's, as in the notebook). */
  figsize?: readonly [number, number];
  /** Dots per inch for PNG (default: the figure's); SVG and PDF pages are figsize × 72 pt. */
  dpi?: number;
  /**
   * The sizes of matplotlib's style sheet seaborn-v0_8-CONTEXT (fonts, line widths, marker
   * sizes, tick widths and pads), as plt.style.use draws with them; default: matplotlib's own.
   */
  context?: Context;
  /** Multiplies every font size (default 1); 0.1 to 10. */
  fontScale?: number;
  /** savefig's transparent=True: no figure or axes background in PNG, SVG and PDF. */
  transparent?: boolean;
}

/** matplotlib's defaults, for FigureData that names no known figure. */
const DEFAULT_FIGSIZE: [number, number] = [6.4, 4.8];
const DEFAULT_DPI = 100;
/** The smallest SVG or PDF page side, in points (1/72 inch), as a PNG's is 50 pixels. */
const MIN_POINTS = 10;
const IMAGE_PAGE: readonly OutputFormat[] = ['svg', 'pdf'];

/**
 * figsize and dpi with the limits that keep a drawing in memory (100 megapixels). The dpi and
 * pixel limits are a PNG's: SVG and PDF pages have no pixels, and JSON and CSV no size at all.
 */
export function renderSize(figure: string, options: RenderOptions, format: OutputFormat = 'png'): { figsize: [number, number]; dpi: number } {
  checkPlainObject('options', options, '{ figsize: [8, 5], dpi: 100 }', false);
  const fig = findFigure(figure);
  if (options.figsize !== undefined && !(Array.isArray(options.figsize) && options.figsize.length === 2))
    throw new InputError(`figsize must be [width, height] in inches, such as [8, 5]`);
  const [w, h] = options.figsize ?? fig?.figsize ?? DEFAULT_FIGSIZE;
  const dpi = options.dpi ?? fig?.dpi ?? DEFAULT_DPI;
  if (!(typeof w === 'number' && typeof h === 'number' && w > 0 && h > 0 && Number.isFinite(w) && Number.isFinite(h)))
    throw new InputError(`figsize expects a positive width and height in inches, got ${String(options.figsize)}`);
  if (w > 100 || h > 100) throw new InputError(`figsize must be at most 100x100 inches, got ${w}x${h}`);
  if (format !== 'png') {
    if (!(typeof dpi === 'number' && dpi > 0 && Number.isFinite(dpi))) throw new InputError(`dpi must be a positive number, got ${String(dpi)}`);
    // A page rounds to whole points: below this it is empty (0×0 for 5e-324 inches), and no reader opens it.
    if (IMAGE_PAGE.includes(format) && (w * 72 < MIN_POINTS || h * 72 < MIN_POINTS))
      throw new InputError(
        `figsize ${w}x${h} inches gives a page of fewer than ${MIN_POINTS} points on a side; at least ${(MIN_POINTS / 72).toPrecision(2)} inches`,
      );
    return { figsize: [w, h], dpi };
  }
  if (!(typeof dpi === 'number' && dpi >= 10 && dpi <= 1200)) throw new InputError(`dpi must be between 10 and 1200, got ${String(dpi)}`);
  if (w * dpi * h * dpi > 1e8) throw new InputError(`figsize × dpi gives ${Math.round(w * dpi)}×${Math.round(h * dpi)} pixels; at most 100 megapixels`);
  if (w * dpi < 50 || h * dpi < 50) throw new InputError('figsize × dpi gives fewer than 50 pixels on a side');
  return { figsize: [w, h], dpi };
}

/** The style options checked: a known context, a font scale within bounds. */
export function styleOf(options: RenderOptions): { context?: Context; fontScale: number; transparent: boolean } {
  const { context, fontScale = 1, transparent = false } = options;
  if (context !== undefined && !(CONTEXT_NAMES as readonly unknown[]).includes(context))
    throw new InputError(`context must be one of ${CONTEXT_NAMES.join(', ')}, got '${String(context)}'`);
  if (!(typeof fontScale === 'number' && fontScale >= 0.1 && fontScale <= 10))
    throw new InputError(`fontScale must be between 0.1 and 10, got ${String(fontScale)}`);
  if (typeof transparent !== 'boolean') throw new InputError(`transparent must be true or false, got ${String(transparent)}`);
  return { context, fontScale, transparent };
}

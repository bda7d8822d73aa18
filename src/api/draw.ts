/** drawFigure: FigureData onto a caller's canvas (a page's), sized and drawn as the PNG path draws. */
import type { FigureData } from '../data/types.js';
import { drawFigure as draw, type CanvasLike, type Context2D } from '../render/index.js';
import { renderSize, styleOf, type RenderOptions } from './size.js';
import { checkFigureData, FigureDataError } from '../data/check-data.js';
import { InputError } from './errors.js';
import { checkKnownKeys, checkPlainObject } from './plain-input.js';

export interface DrawOptions extends RenderOptions {
  /** A context to measure text with, its fonts loaded (default: an OffscreenCanvas's, else the canvas's own). */
  measure?: Context2D;
}

/** Sets the canvas to figsize × dpi pixels (the figure's by default) and draws the figure on it, in the style asked. Throws InputError on a bad size or style. */
export function drawFigure(data: FigureData, canvas: CanvasLike, options: DrawOptions = {}): void {
  checkPlainObject('options', options, '{ figsize: [8, 5], dpi: 100 }', false);
  checkKnownKeys('options', options, ['figsize', 'dpi', 'context', 'fontScale', 'transparent', 'measure']);
  try {
    checkFigureData(data);
  } catch (e) {
    throw e instanceof FigureDataError ? new InputError(e.message) : e;
  }
  const size = renderSize(data.figure, options, 'png');
  draw(data, canvas, { ...size, ...styleOf(options), measure: options.measure });
}

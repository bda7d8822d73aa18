/**
 * renderFigure: FigureData to the bytes of a file in any output format, in memory. JSON and
 * CSV load no native module; the renderer (Chart.js on node-canvas) is imported only for images.
 */
import type { FigureData } from '../data/types.js';
import { toCsv, toJson, type RenderRecord } from '../export/index.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../options/formats.js';
import { loadCanvas } from './canvas.js';
import { InputError } from './errors.js';
import { renderSize, styleOf, type RenderOptions } from './size.js';

export { OUTPUT_FORMATS, type OutputFormat };
export { renderSize, type RenderOptions };

/**
 * The JSON's record of how the figure is drawn, when its look is not matplotlib's default
 * (a context, a font scale, transparency): with its size and dpi, so the file says it all.
 */
function renderRecord(data: FigureData, options: RenderOptions): RenderRecord | undefined {
  const style = styleOf(options);
  if (style.context === undefined && style.fontScale === 1 && !style.transparent) return undefined;
  return { ...renderSize(data.figure, options, 'json'), context: style.context ?? null, fontScale: style.fontScale, transparent: style.transparent };
}

/** The bytes of `data` as a PNG, SVG, PDF, JSON or CSV file. Rejects with CanvasUnavailableError for an image when canvas cannot load. */
export async function renderFigure(data: FigureData, format: OutputFormat, options: RenderOptions = {}): Promise<Uint8Array> {
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format))
    throw new InputError(`format must be one of ${OUTPUT_FORMATS.join(', ')}, got '${String(format)}'`);
  if (format === 'json') return toJson(data, renderRecord(data, options));
  if (format === 'csv') return toCsv(data);
  const size = renderSize(data.figure, options, format);
  const style = styleOf(options);
  await loadCanvas(format);
  const renderer = await import('../render/node-canvas.js');
  return renderer.renderFigure(data, format, { ...size, ...style });
}

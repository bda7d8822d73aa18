/**
 * renderFigure: FigureData to the bytes of a file in any output format, in memory. JSON and
 * CSV load no native module; the renderer (Chart.js on node-canvas) is imported only for images.
 */
import type { FigureData } from '../data/types.js';
import { toCsv, toJson } from '../export/index.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../options/formats.js';
import { loadCanvas } from './canvas.js';
import { InputError } from './errors.js';
import { renderSize, type RenderOptions } from './size.js';

export { OUTPUT_FORMATS, type OutputFormat };
export { renderSize, type RenderOptions };

/** The bytes of `data` as a PNG, SVG, PDF, JSON or CSV file. Rejects with CanvasUnavailableError for an image when canvas cannot load. */
export async function renderFigure(data: FigureData, format: OutputFormat, options: RenderOptions = {}): Promise<Uint8Array> {
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format))
    throw new InputError(`format must be one of ${OUTPUT_FORMATS.join(', ')}, got '${String(format)}'`);
  if (format === 'json') return toJson(data);
  if (format === 'csv') return toCsv(data);
  const size = renderSize(data.figure, options, format);
  await loadCanvas(format);
  const renderer = await import('../render/node-canvas.js');
  return renderer.renderFigure(data, format, size);
}

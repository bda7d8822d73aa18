/**
 * renderFigure: FigureData to the bytes of a file in any output format, in memory. JSON and
 * CSV load no native module; the renderer (Chart.js on node-canvas) is imported only for images.
 */
import type { FigureData } from '../data/types.js';
import { toCsv, toJson, type RenderRecord } from '../export/index.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../options/formats.js';
import { loadCanvas } from './canvas.js';
import { InputError } from './errors.js';
import { checkFigureData, FigureDataError } from '../data/check-data.js';
import { checkCost } from '../options/cost.js';
import { ProblemError } from '../options/problems.js';
import { checkFigure } from '../render/check.js';
import { addressSpaceLeft, heapLimit, machineMemory } from '../io/memory-limits.js';
import { checkKnownKeys, checkPlainObject } from './plain-input.js';
import { renderSize, styleOf, type RenderOptions } from './size.js';

/** Malformed data refused with the panel and mark named; data beyond memory refused before drawing (V8 would abort). */
function checkData(data: unknown, format: OutputFormat): void {
  try {
    const points = checkFigureData(data);
    const limits = { memoryBytes: machineMemory(), heapBytes: heapLimit(), addressSpaceBytes: addressSpaceLeft() };
    checkCost({ neuronSteps: 0, samples: 2 * points }, { force: true, threads: 1, format, options: [], limits });
  } catch (e) {
    if (e instanceof FigureDataError) throw new InputError(e.message);
    if (e instanceof ProblemError) throw new InputError(e.problem.message.replace('this run needs', 'drawing this data needs'), 'draw fewer points');
    throw e;
  }
}

/** The render options there are: a misspelt one (`dpis`) would otherwise be left out unsaid. */
const RENDER_OPTIONS = ['figsize', 'dpi', 'context', 'fontScale', 'transparent'] as const;

/** JSON of the data; a value JSON cannot hold, outside the fields FigureData defines (a cycle, a BigInt), refused. */
function json(data: FigureData, options: RenderOptions): Uint8Array {
  try {
    return toJson(data, renderRecord(data, options));
  } catch (e) {
    if (e instanceof TypeError) throw new InputError('figure data holds a value JSON cannot write (a cycle or a BigInt) outside the fields FigureData defines');
    throw e;
  }
}

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
    throw new InputError(`format must be one of ${OUTPUT_FORMATS.join(', ')}, got ${typeof format === 'string' ? `'${format}'` : typeof format}`);
  checkPlainObject('options', options, '{ figsize: [8, 5], dpi: 100 }', false);
  checkKnownKeys('options', options, RENDER_OPTIONS);
  checkData(data, format);
  if (format === 'json') return json(data, options);
  if (format === 'csv') return toCsv(data);
  const size = renderSize(data.figure, options, format);
  const style = styleOf(options);
  try {
    checkFigure(data); // the styles and grid the renderer can draw
  } catch (e) {
    if (e instanceof RangeError) throw new InputError(e.message);
    throw e;
  }
  await loadCanvas(format);
  const renderer = await import('../render/node-canvas.js');
  return renderer.renderFigure(data, format, { ...size, ...style });
}

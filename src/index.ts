/**
 * snn-figs as a library: list the figures, simulate one, get its bytes in any format.
 * Nothing here touches the file system or the terminal; canvas is loaded only to draw.
 *
 *   import { figures, buildFigure, renderFigure } from 'snn-figs';
 *   const data = await buildFigure('tuning-curve', { w: 0.8, n: 200 });
 *   const png = await renderFigure(data, 'png');
 */
export { figures, type FigureInfo, type ParamInfo } from './api/figures.js';
export { buildFigure, type BuildOptions, type BuiltFigure, type BuiltPanel, type FigureParams, type ParamInput, type ParamsOf } from './api/build.js';
export type { FigureName } from './figures/registry.js';
export { renderFigure, OUTPUT_FORMATS, type OutputFormat, type RenderOptions } from './api/render.js';
export { InputError, CanvasUnavailableError } from './api/errors.js';
export type {
  FigureData,
  Panel,
  Layout,
  Mark,
  MarkKind,
  PlotMark,
  StepMark,
  ScatterMark,
  RasterMark,
  HistMark,
  FillMark,
  AxLineMark,
  TextMark,
  ErrorbarMark,
  TickSpec,
  LegendLoc,
  Color,
  ParamValue,
} from './data/types.js';
/** pyplot-named builders for FigureData marks (plot, step, scatter, raster, hist, fill, axhline, annotate, errorbar…), to draw data of one's own with renderFigure. */
export * as marks from './data/marks.js';
export type { ParamKind } from './figures/spec.js';

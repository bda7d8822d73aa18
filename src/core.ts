/**
 * snn-figs/core: the whole of snn-figs that runs anywhere (a browser page, a Web Worker, Deno,
 * Node), without the file system, threads of Node's or node-canvas.
 *
 *   import { figures, buildFigure, drawFigure, toJson } from 'snn-figs/core';
 *   const data = await buildFigure('tuning-curve', { w: 0.8, n: 200 });   // in this thread
 *   drawFigure(data, document.querySelector('canvas'));                   // as the PNG would look
 *
 * - figures: every figure's name, section, parameters (kind, default, help, bounds) and slide
 *   variants; FIGURES / findFigure: the declarations themselves (check, cost, simulate, build).
 * - parseParams / parseParam: option texts ('10ms', '-70mV', '5,1,0.1') to values, with the
 *   figure's defaults, bounds and cross-checks; a refusal is a ProblemError whose `problem`
 *   ({ param, message, hint, warning, forcible }) a page can show beside the control.
 *   checkCost refuses runs that would take hours or exhaust memory.
 * - buildFigure(name, params, { pool, wasm, signal, onProgress, onWarning, force }): the
 *   simulation. Without a pool it runs in this thread; a Pool (Web Workers) gets the tuning
 *   curve's TUNING_JOB tasks, which a worker answers with conditionStats(task, noisyLifKernel(wasm)).
 *   `wasm` gives the WebAssembly modules' bytes by name (dist/wasm/noisy-lif.wasm, the kernel;
 *   dist/wasm/numpy-random.wasm, numpy's generator in bulk; fetched or inlined); without them
 *   the TypeScript computes the same numbers, slower.
 * - FigureData and its mark builders (`marks.plot`, `marks.axhline`, …): the one contract
 *   between simulation and output.
 * - toJson / toCsv: the data files' bytes (Uint8Array); toJsonObject: the JSON as an object.
 * - drawFigure(data, canvas, { figsize, dpi, measure }): sizes a canvas (anything with width,
 *   height and getContext('2d')) to figsize × dpi pixels and draws with Chart.js exactly as the
 *   PNG path does. The page loads DejaVu Sans (npm dejavu-fonts-ttf: DejaVuSans.ttf, and
 *   DejaVuSans-Oblique.ttf as italic) as a FontFace of the family FONT_FAMILY first.
 */
export { figures, type FigureInfo, type ParamInfo } from './api/figures.js';
export { buildFigure, type BuildOptions, type BuiltFigure, type BuiltPanel, type SimulateOptions } from './api/simulate.js';
export type { FigureParams, ParamInput, ParamsOf } from './api/inputs.js';
export type { FigureName } from './figures/registry.js';
export { InputError } from './api/errors.js';
export { drawFigure, type DrawOptions } from './api/draw.js';
export type { RenderOptions } from './api/size.js';

export { parseParam, parseParams, type Params } from './options/parse.js';
export { ProblemError, problemText, type Problem } from './options/problems.js';
export { checkCost, type Cost, type CostContext } from './options/cost.js';
export { OUTPUT_FORMATS, type OutputFormat } from './options/formats.js';
export type { ParamKind, ParamSpec } from './options/params.js';

export { FIGURES, findFigure } from './figures/registry.js';
export type { BuildContext, FigureModule, Variant } from './figures/spec.js';
export type { Pool, PoolRunOptions } from './figures/pool.js';
export { conditionStats, TUNING_JOB, type ConditionStats, type ConditionTask } from './figures/week2/tuning-curve.js';
export { noisyLifKernel } from './sim/kernels/noisy-lif-wasm.js';
export type { WasmLoader } from './sim/kernels/wasm-api.js';

export type * from './data/types.js';
export * as marks from './data/marks.js';

export { toCsv, toJson, toJsonObject } from './export/index.js';
export { FONT_FAMILY, type CanvasLike, type Context2D } from './render/index.js';

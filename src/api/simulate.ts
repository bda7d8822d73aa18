/**
 * buildFigure without Node: a figure's simulation from parameters given as values to
 * FigureData, with the CLI's parsing, checks and cost limits. Parallel work goes to the pool
 * given (worker threads in Node, Web Workers in a page), else runs in this thread.
 */
import type { FigureData, Mark, Panel } from '../data/types.js';
import type { FigureName } from '../figures/registry.js';
import { nonFiniteProblem } from '../export/finite.js';
import type { Pool } from '../figures/pool.js';
import { simulateAndDraw } from '../figures/run.js';
import { checkCost, type MemoryLimits } from '../options/cost.js';
import { estimateSeconds } from '../options/cost-time.js';
import type { BuildContext, FigureModule, Params } from '../figures/spec.js';
import { checkKnownKeys, checkPlainObject } from './plain-input.js';
import { parseParams } from '../options/parse.js';
import { ProblemError, problemText, type Problem } from '../options/problems.js';
import type { WasmLoader } from '../sim/kernels/wasm-api.js';
import { InputError } from './errors.js';
import { figureModule } from './figures.js';
import { givenTexts, type FigureParams, type ParamsOf } from './inputs.js';

/** A panel as buildFigure returns it: `marks` always present (a union narrowed by `kind`). */
export interface BuiltPanel extends Omit<Panel, 'marks'> {
  marks: Mark[];
}

/** FigureData as buildFigure returns it: named by its figure, its panels' marks always present. */
export interface BuiltFigure<N extends FigureName = FigureName> extends Omit<FigureData, 'figure' | 'panels'> {
  figure: N;
  panels: BuiltPanel[];
}

/** Panels with `marks` present, empty where a panel has none. */
function withMarks(panels: Panel[]): BuiltPanel[] {
  return panels.map((panel) => ({ ...panel, marks: panel.marks ?? [] }));
}

export interface BuildOptions {
  /** Aborting stops the simulation; the promise rejects. */
  signal?: AbortSignal;
  /** Called as long figures progress (conditions done out of total). */
  onProgress?: (done: number, total: number) => void;
  /** Called with each warning about the parameters (the figure is still made). */
  onWarning?: (message: string) => void;
  /** Run even when the estimated work is very large (hours); memory beyond one process is always refused. */
  force?: boolean;
}

export interface SimulateOptions extends BuildOptions {
  /** Where the tuning curve's conditions run; without one, in this thread (the same numbers). */
  pool?: Pool;
  /** Threads the pool runs at once, for the time estimate (default 1). */
  threads?: number;
  /** The WebAssembly kernels' bytes for work in this thread; without, the TypeScript kernels (the same numbers, slower). */
  wasm?: WasmLoader;
  /** The machine's memory in bytes, when known: runs that need more are refused. */
  memoryBytes?: number;
  /** The heap's and the address space's limits, when known: runs that need more are refused. */
  limits?: MemoryLimits;
  /**
   * Builds the parsed figure instead of this thread: Node passes one that moves a long run
   * (`seconds` estimated) to a worker thread that the signal terminates at once.
   */
  runner?: (fig: FigureModule, params: Params, ctx: BuildContext, seconds: number) => Promise<FigureData>;
}

/** Options as a plain object with fields of the documented types (null options are a mistake, not defaults). */
function checkOptions(options: SimulateOptions): void {
  checkPlainObject('options', options, '{ threads: 2, signal }', false);
  for (const name of ['onProgress', 'onWarning'] as const)
    if (options[name] !== undefined && typeof options[name] !== 'function')
      throw new InputError(`options.${name} must be a function, got ${typeof options[name]}`);
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal))
    throw new InputError('options.signal must be an AbortSignal (from an AbortController)');
  if (options.threads !== undefined && typeof options.threads !== 'number')
    throw new InputError(`options.threads must be a number, got ${typeof options.threads}`);
  // { force: 'false' } must not force.
  if (options.force !== undefined && typeof options.force !== 'boolean')
    throw new InputError(`options.force must be true or false, got ${typeof options.force}`);
  checkKnownKeys('options', options, BUILD_OPTIONS);
}

/** The build options there are (the last five are what Node's buildFigure passes on). */
const BUILD_OPTIONS = ['signal', 'onProgress', 'onWarning', 'force', 'threads', 'memoryBytes', 'pool', 'wasm', 'limits', 'runner'];

function emitWarning(message: string): void {
  globalThis.process?.emitWarning?.(message, 'SnnFigsWarning');
}

/** A refusal in the library's words: parameters named as in `figures[k].params`, `{ force: true }` for --force. */
export function inputError(problem: Problem): InputError {
  const hint = problem.forcible ? `${problem.hint} or pass { force: true }` : problem.hint;
  return new InputError(
    problemText(problem, (name) => name),
    hint,
  );
}

/**
 * Simulates a figure and returns its data (what JSON output holds). The name and parameters
 * are typed (a misspelt one does not compile); from JavaScript, bad ones reject with InputError.
 */
export async function buildFigure<N extends FigureName>(name: N, params?: ParamsOf<N>, options: SimulateOptions = {}): Promise<BuiltFigure<N>> {
  const fig = figureModule(name);
  checkOptions(options);
  // Aborted before it starts: nothing runs (an 'abort' event will not come again).
  options.signal?.throwIfAborted();
  let parsed;
  try {
    // ParamsOf<N> is FigureParams with names and kinds narrowed; at run time it is checked as such.
    const bare: string[] = [];
    const { params: p, warnings } = parseParams(
      fig,
      givenTexts(fig, (params === undefined ? {} : params) as FigureParams, (w) => bare.push(w)),
    );
    // The data stays in memory: JSON's per-number cost is the nearest estimate.
    checkCost(fig.cost?.(p), {
      force: Boolean(options.force),
      threads: fig.parallel ? (options.threads ?? 1) : 1,
      format: 'json',
      options: fig.params.map((s) => s.name),
      limits: { memoryBytes: options.memoryBytes, ...options.limits },
    });
    // Without onWarning, a bare number far from its default is still told (as a process warning in Node).
    for (const w of bare) (options.onWarning ?? emitWarning)(w);
    for (const w of warnings) options.onWarning?.(problemText(w, (n) => n));
    parsed = p;
  } catch (e) {
    throw e instanceof ProblemError ? inputError(e.problem) : e;
  }
  const ctx: BuildContext = { pool: options.pool, wasm: options.wasm, signal: options.signal, progress: options.onProgress };
  // The seconds spent in this thread (a pool's threads stop on the signal themselves).
  const pooled = fig.parallel && options.pool !== undefined;
  const seconds = estimateSeconds(fig.cost?.(parsed), { threads: fig.parallel ? (options.threads ?? 1) : 1, pooled });
  const data = await (options.runner ? options.runner(fig, parsed, ctx, seconds) : simulateAndDraw(fig, parsed, ctx));
  const bad = nonFiniteProblem(data);
  if (bad) throw new Error(bad.message);
  return { ...data, figure: fig.name as N, panels: withMarks(data.panels) };
}

/**
 * buildFigure: a figure's simulation from parameters given as values (SI numbers or the CLI's
 * strings with units) to FigureData. The same parsing, checks and cost limits as the CLI,
 * without the file system or the terminal.
 */
import { availableParallelism } from 'node:os';
import { checkCost } from '../cli/cost.js';
import { UsageError } from '../cli/errors.js';
import { assertFinite } from '../cli/finite.js';
import { parseParam, parseParams } from '../cli/params.js';
import { bareNumberWarning, checkPlainObject } from './plain-input.js';
import { optionName } from '../figures/figure.js';
import { estimateSeconds } from '../cli/cost-time.js';
import { BuildWorker, buildStoppable } from '../workers/build.js';
import { workersThatFit } from '../io/memory-limits.js';
import type { FigureModule, ParamSpec } from '../figures/spec.js';
import { siUnit } from '../figures/units.js';
import type { FigureData } from '../figures/types.js';
import { InputError } from './errors.js';
import { figureModule } from './figures.js';

/**
 * A parameter's value. Times: a number in seconds, or a string as on the command line
 * ('10ms', '0.01 s', '500us'; a bare '10' is ms). Lists of times: an array of those, or
 * '10,11,50ms'. Numbers and integers: a number (or its text). Choices: a string, or an
 * array of strings where several are taken.
 */
export type ParamInput = number | string | readonly (number | string)[];

/** Parameters by name, as in `figures[k].params` (`'tau-x'`) or in camelCase (`tauX`); the rest keep their defaults. */
export type FigureParams = { readonly [name: string]: ParamInput | undefined };

export interface BuildOptions {
  /** Worker threads for the tuning curve (default: the number of cores); the result does not depend on it. */
  threads?: number;
  /** Aborting stops the simulation; the promise rejects. */
  signal?: AbortSignal;
  /** Called as long figures progress (conditions done out of total). */
  onProgress?: (done: number, total: number) => void;
  /** Called with each warning about the parameters (the figure is still made). */
  onWarning?: (message: string) => void;
  /** Run even when the estimated work is very large (hours); memory beyond one process is always refused. */
  force?: boolean;
}

/** A value as the CLI's text, so that one parser (and one set of messages) serves both. */
function asText(spec: ParamSpec, value: ParamInput): string {
  const item = (v: number | string): string => {
    if (typeof v === 'string') return v;
    if (typeof v !== 'number') throw new InputError(`${spec.name} expects a number or a string, got ${typeof v}`);
    // Numbers are SI: a time in seconds, a voltage in volts. String(v) round-trips the double exactly.
    if (spec.kind === 'quantity' && spec.dimension) return `${String(v)}${siUnit(spec.dimension)}`;
    return spec.kind === 'time' || spec.kind === 'times' ? `${String(v)}s` : String(v);
  };
  if (Array.isArray(value)) {
    if (spec.kind !== 'times' && spec.kind !== 'choices' && spec.kind !== 'numbers') throw new InputError(`${spec.name} takes one value, got a list`);
    if (value.length === 0) throw new InputError(`${spec.name} expects at least one value, got an empty list`);
    return value.map(item).join(',');
  }
  if (typeof value === 'string' || typeof value === 'number') return item(value);
  throw new InputError(`${spec.name} expects a number or a string, got ${value === null ? 'null' : typeof value}`);
}

/** The given parameters as the CLI's option texts, refusing names the figure does not take. */
function givenTexts(fig: FigureModule, params: FigureParams, warn: (message: string) => void): Record<string, string> {
  checkPlainObject('parameters', params, "{ w: 0.8, duration: '100ms' }", false);
  const texts: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const name = optionName(key);
    const spec = fig.params.find((p) => p.name === name);
    if (!spec) throw new InputError(`${fig.name} has no parameter '${key}'; it takes ${fig.params.map((p) => p.name).join(', ')}`);
    if (name in texts) throw new InputError(`${fig.name}: '${name}' is given twice`);
    texts[name] = asText(spec, value);
    for (const v of typeof value === 'number' ? [value] : Array.isArray(value) ? value.filter((x) => typeof x === 'number') : []) {
      const warning = bareNumberWarning(spec, v, defaultSi(spec));
      if (warning) warn(warning);
    }
  }
  return texts;
}

function emitWarning(message: string): void {
  globalThis.process?.emitWarning(message, 'SnnFigsWarning');
}

/** BuildOptions as a plain object with fields of the documented types (null options are a mistake, not defaults). */
function checkOptions(options: BuildOptions): void {
  checkPlainObject('options', options, '{ threads: 2, signal }', false);
  for (const name of ['onProgress', 'onWarning'] as const)
    if (options[name] !== undefined && typeof options[name] !== 'function')
      throw new InputError(`options.${name} must be a function, got ${typeof options[name]}`);
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal))
    throw new InputError('options.signal must be an AbortSignal (from an AbortController)');
  if (options.threads !== undefined && typeof options.threads !== 'number')
    throw new InputError(`options.threads must be a number, got ${typeof options.threads}`);
}

/** A parameter's default in SI (the first, for a list). */
function defaultSi(spec: ParamSpec): number {
  const value = parseParam(spec, spec.default);
  return Array.isArray(value) ? Number(value[0] ?? 0) : Number(value);
}

/** The CLI's usage errors as the library's InputError, without the CLI's `--` before names. */
function asInputError(e: unknown): unknown {
  if (!(e instanceof UsageError)) return e;
  const hint = e.hint?.replace(/ or pass --force to run it anyway/, ' or pass { force: true }');
  return new InputError(e.message.replace(/^--/, ''), hint);
}

/**
 * Worker threads, capped at the number of cores as the CLI caps --threads: more only add memory
 * and switching (256 threads on 2 cores ran 40x slower in 2.6 GB). The cap is told through onWarning.
 */
function checkThreads(threads: number | undefined, onWarning?: (message: string) => void): number {
  const cores = availableParallelism();
  if (threads === undefined) return cores;
  if (!Number.isSafeInteger(threads) || threads < 1) throw new InputError(`threads must be a whole number ≥ 1, got ${String(threads)}`);
  if (threads <= cores) return threads;
  onWarning?.(`threads ${threads} is more than the ${cores} cores here; using ${cores}`);
  return cores;
}

/** Simulates a figure and returns its data (what JSON output holds). Rejects with InputError on bad parameters. */
export async function buildFigure(name: string, params: FigureParams = {}, options: BuildOptions = {}): Promise<FigureData> {
  const fig = figureModule(name);
  checkOptions(options);
  const threads = checkThreads(options.threads, options.onWarning);
  let parsed;
  try {
    const bare: string[] = [];
    const { params: p, warnings } = parseParams(
      fig,
      givenTexts(fig, params, (w) => bare.push(w)),
    );
    // The data stays in memory: JSON's per-number cost is the nearest estimate.
    checkCost(fig.cost?.(p), { force: Boolean(options.force), threads: fig.parallel ? threads : 1, format: 'json', options: fig.params.map((s) => s.name) });
    // Without onWarning, a bare number far from its default is still told (process warnings reach stderr).
    for (const w of bare) (options.onWarning ?? emitWarning)(w);
    for (const w of warnings) options.onWarning?.(`${w.option} ${w.message}`);
    parsed = p;
  } catch (e) {
    throw asInputError(e);
  }
  // With a signal, a long run goes to a worker thread that aborting terminates at once.
  const worker = new BuildWorker();
  try {
    // As many threads as `ulimit -v` leaves room for; none (this thread) when not even one fits.
    const ctx = { threads: workersThatFit(threads) || undefined, signal: options.signal, progress: options.onProgress };
    const data = await buildStoppable(fig, parsed, ctx, { seconds: estimateSeconds(fig.cost?.(parsed), { threads: fig.parallel ? threads : 1 }), worker });
    assertFinite(data);
    return data;
  } finally {
    await worker.close();
  }
}

/** What a figure command does, from parsed options to a written file. */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { CanvasUnavailableError, InputError } from '../api/errors.js';
import { renderFigure, renderSize } from '../api/render.js';
import { FIGURES } from '../figures/registry.js';
import { buildFigure, type SimulationCache } from '../figures/run.js';
import type { BuildContext, FigureModule, Params } from '../figures/spec.js';
import type { FigureData } from '../figures/types.js';
import { OutputPathError, prepareOutputPath, writeAtomic } from '../io/write-atomic.js';
import { checkCost } from './cost.js';
import { fsReason, RunError, UsageError } from './errors.js';
import { assertFinite } from './finite.js';
import { resolveFormat, parseFormat, type Format } from './output.js';
import { parseParams } from './params.js';
import { parseFigsize, parseInteger, parseNumber, QuantityError } from './quantity.js';
import { progressReporter } from './progress.js';
import { interruptible } from './interrupt.js';

export interface Streams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

type Options = Record<string, string | boolean | undefined>;

function wrapQuantity<T>(option: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof QuantityError) throw new UsageError(`--${option} ${e.message}`);
    throw e;
  }
}

function threadsOption(opts: Options): number {
  if (typeof opts.threads !== 'string') return availableParallelism();
  const n = wrapQuantity('threads', () => parseInteger(opts.threads as string));
  if (n < 1 || n > 256) throw new UsageError(`--threads must be between 1 and 256, got ${n}`);
  return n;
}

interface Rendering {
  figsize: [number, number];
  dpi: number;
}

function renderingOptions(fig: FigureModule, opts: Options): Rendering {
  const figsize = typeof opts.figsize === 'string' ? wrapQuantity('figsize', () => parseFigsize(opts.figsize as string)) : fig.figsize;
  const dpi = typeof opts.dpi === 'string' ? wrapQuantity('dpi', () => parseNumber(opts.dpi as string)) : fig.dpi;
  try {
    return renderSize(fig.name, { figsize, dpi });
  } catch (e) {
    if (e instanceof InputError) throw new UsageError(`--${e.message}`);
    throw e;
  }
}

/** Bytes of a figure in a format, through the library API (which loads the renderer only for images). */
export async function serialise(data: FigureData, format: Format, rendering: Rendering): Promise<Buffer> {
  try {
    const bytes = await renderFigure(data, format, rendering);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength); // a view, not a copy
  } catch (e) {
    // The remedy is the whole message: one line, no hint.
    if (e instanceof CanvasUnavailableError) throw new RunError(e.message, undefined, { cause: e });
    throw new RunError(`cannot draw the ${format.toUpperCase()}: ${firstLine(e)}`, '--debug shows where', { cause: e });
  }
}

/** An error's message as one line: the rest is for --debug. */
function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

/** writeAtomic with its failure (disk full, folder gone) as one sentence. */
function writeOutput(path: string, bytes: Buffer): void {
  try {
    writeAtomic(path, bytes);
  } catch (e) {
    throw new RunError(`cannot write '${path}': ${fsReason(e)}; no file written`, undefined, { cause: e });
  }
}

/** Only the figure's own options, by name, as strings. */
function givenParams(fig: FigureModule, opts: Options): Record<string, string | undefined> {
  const given: Record<string, string | undefined> = {};
  for (const spec of fig.params) if (typeof opts[spec.name] === 'string') given[spec.name] = opts[spec.name] as string;
  return given;
}

interface Job {
  fig: FigureModule;
  params: Params;
  out: string;
  format: Format;
  rendering: Rendering;
}

/** Everything that can be refused is refused here, before any simulation. */
function prepareJob(fig: FigureModule, opts: Options, io: Streams, out?: string, format?: string): Job {
  const { params, warnings } = parseParams(fig, givenParams(fig, opts));
  const rendering = renderingOptions(fig, opts);
  const path = out ?? (typeof opts.out === 'string' ? opts.out : join('figures', `${fig.name}.png`));
  if (path.trim() === '') throw new UsageError('--out expects a file name, got nothing');
  try {
    prepareOutputPath(path);
  } catch (e) {
    if (e instanceof OutputPathError) throw new UsageError(e.message);
    throw e;
  }
  const resolved = resolveFormat(path, format ?? (typeof opts.format === 'string' ? opts.format : undefined));
  checkCost(fig.cost?.(params), Boolean(opts.force), fig.parallel ? threadsOption(opts) : 1);
  // Warnings only for a run that goes ahead: a refused one gets its error alone.
  if (!opts.quiet) for (const w of warnings) io.stderr.write(`snn-figs: warning: --${w.option} ${w.message}\n`);
  return { fig, params, out: path, format: resolved, rendering };
}

/**
 * Builds the job's figure (its simulation from the cache when there), with a progress bar for
 * a figure that reports progress and worker threads for a parallel one.
 */
async function build(job: Job, opts: Options, io: Streams, signal: AbortSignal, cache?: SimulationCache): Promise<FigureData> {
  const progress = progressReporter(io.stderr, job.fig.name, Boolean(opts.quiet) || !job.fig.progress);
  try {
    const ctx: BuildContext = { progress: progress.update, signal, threads: job.fig.parallel ? threadsOption(opts) : undefined };
    return await buildFigure(job.fig, job.params, ctx, cache);
  } catch (e) {
    if (signal.aborted) throw e;
    throw new RunError(`${job.fig.name} failed: ${firstLine(e)}`, undefined, { cause: e });
  } finally {
    progress.stop();
  }
}

async function execute(job: Job, opts: Options, io: Streams): Promise<void> {
  // Ctrl-C until the bytes are ready aborts the build and writes nothing (exit 130).
  const bytes = await interruptible(async (signal) => {
    const data = await build(job, opts, io, signal);
    assertFinite(data);
    return serialise(data, job.format, job.rendering);
  });
  writeOutput(job.out, bytes);
  if (!opts.quiet) io.stderr.write(`wrote ${job.out}\n`);
}

export async function runFigure(fig: FigureModule, opts: Options, io: Streams): Promise<void> {
  const job = prepareJob(fig, opts, io);
  await execute(job, opts, io);
}

/** Every figure and slide variant, in each asked format, into --out-dir. */
export async function runAll(opts: Options, io: Streams): Promise<void> {
  const dir = typeof opts['out-dir'] === 'string' ? opts['out-dir'] : 'figures';
  if (dir.trim() === '') throw new UsageError('--out-dir expects a folder, got nothing');
  const formats = String(opts.format ?? 'png')
    .split(',')
    .map((f) => parseFormat(f));
  const jobs: { job: Job; variantOpts: Options }[] = [];
  for (const fig of FIGURES) {
    const runs: { name: string; opts: Options }[] = [{ name: fig.name, opts: {} }];
    for (const v of fig.variants ?? []) runs.push({ name: v.name, opts: variantOptions(v.args) });
    for (const run of runs) {
      const merged = { ...opts, ...run.opts, format: undefined, out: undefined };
      for (const format of formats) jobs.push({ job: prepareJob(fig, merged, io, join(dir, `${run.name}.${format}`), format), variantOpts: merged });
    }
  }
  // Each distinct simulation runs once (variants that only re-plot share it), each figure is drawn once for all its formats.
  const simulations: SimulationCache = new Map();
  const built = new Map<string, FigureData>();
  for (const { job, variantOpts } of jobs) {
    const key = `${job.fig.name} ${JSON.stringify(job.params)}`;
    let data = built.get(key);
    if (!data) {
      data = await interruptible((signal) => build(job, variantOpts, io, signal, simulations));
      assertFinite(data);
      built.set(key, data);
    }
    writeOutput(job.out, await serialise(data, job.format, job.rendering));
    if (!opts.quiet) io.stderr.write(`wrote ${job.out}\n`);
  }
}

/** A variant's argument list (`--forms exponential --figsize 8x3`) as options. */
function variantOptions(args: string[]): Options {
  const out: Options = {};
  for (let k = 0; k < args.length; k += 2) out[args[k].replace(/^--/, '')] = args[k + 1];
  return out;
}

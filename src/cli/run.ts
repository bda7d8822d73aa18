/** What a figure command does, from parsed options to a written file. */
import { availableParallelism } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { checkNameBytes } from './raw-names.js';
import { CanvasUnavailableError, InputError, printable } from '../api/errors.js';
import { renderFigure, renderSize } from '../api/render.js';
import { styleOf } from '../api/size.js';
import { CONTEXT_NAMES, type Context } from '../render/style.js';
import { FIGURES, weekOf, WEEKS } from '../figures/registry.js';
import { isSimulated, type SimulationCache } from '../figures/run.js';
import type { BuildContext, FigureModule } from '../figures/spec.js';
import type { FigureData } from '../data/types.js';
import { OutputPathError, prepareOutputPath, writeAtomic } from '../io/write-atomic.js';
import { writePage } from './explore.js';
import { checkCost, simulationSeconds, type Cost } from '../options/cost.js';
import { drawingSeconds, estimateOutputSeconds, estimateSeconds } from '../options/cost-time.js';
import { drawnWork } from '../render/drawn-work.js';
import { BuildWorker, buildStoppable, buildThreadsThatFit, canQueueBuilds, type Built } from '../workers/build.js';
import { BuildPool, type DrawTask } from '../workers/build-pool.js';
import { loadCanvas } from '../api/canvas.js';
import { addressSpaceLeft, heapLimit, machineMemory, WASM_VIRTUAL, workersThatFit } from '../io/memory-limits.js';
import { readWasm } from '../io/wasm.js';
import { fsReason, RunError, usageError, UsageError } from './errors.js';
import { assertFinite } from './finite.js';
import { IMAGE_FORMATS, resolveFormat, parseFormat, type Format } from './output.js';
import { parseParams, type Params } from '../options/parse.js';
import { ProblemError } from '../options/problems.js';
import { threadPool } from '../workers/pool.js';
import { parseFigsize, parseInteger, parseNumber, QuantityError } from '../options/quantity.js';
import { phaseNotice, progressReporter, type Progress } from './progress.js';
import { interruptible, Interrupted, signalsHeld, signalsNoted, uninterruptedWrite } from './interrupt.js';

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

/**
 * --threads, capped at the number of cores: more threads only add memory and switching
 * (--threads 256 on 2 cores ran 40× slower in 2.6 GB). threadsNote says so.
 */
function threadsOption(opts: Options): number {
  const cores = availableParallelism();
  if (typeof opts.threads !== 'string') return cores;
  const n = wrapQuantity('threads', () => parseInteger(opts.threads as string));
  if (n < 1 || n > 256) throw new UsageError(`--threads must be between 1 and 256, got ${n}`);
  return Math.min(n, cores);
}

/**
 * The worker threads a parallel figure gets: --threads, as many as fit under `ulimit -v` (a
 * worker that cannot reserve its address space kills the process); none, and the figure runs
 * in this thread, when not even one fits.
 */
function workerThreads(opts: Options): number | undefined {
  return workersThatFit(threadsOption(opts)) || undefined;
}

function threadsNote(opts: Options, io: Streams): void {
  const cores = availableParallelism();
  if (opts.quiet || typeof opts.threads !== 'string' || threadsOption(opts) === Number(opts.threads)) return;
  io.stderr.write(`snn-figs: note: --threads ${opts.threads} is more than the ${cores} cores here; using ${cores}\n`);
}

interface Rendering {
  figsize: [number, number];
  dpi: number;
  context?: Context;
  fontScale?: number;
  transparent?: boolean;
}

/** Figure size and dpi; the dpi and pixel limits concern PNG only (vector pages have no pixels). */
function renderingOptions(fig: FigureModule, opts: Options, format: Format): Rendering {
  const figsize = typeof opts.figsize === 'string' ? wrapQuantity('figsize', () => parseFigsize(opts.figsize as string)) : fig.figsize;
  const dpi = typeof opts.dpi === 'string' ? wrapQuantity('dpi', () => parseNumber(opts.dpi as string)) : fig.dpi;
  const style = styleOptions(opts);
  try {
    return { ...renderSize(fig.name, { figsize, dpi }, format), ...style };
  } catch (e) {
    if (e instanceof InputError) throw new UsageError(`--${e.message}`);
    throw e;
  }
}

/** --context, --font-scale and --transparent (unset ones left out: the library's defaults). */
function styleOptions(opts: Options): Pick<Rendering, 'context' | 'fontScale' | 'transparent'> {
  const style: Pick<Rendering, 'context' | 'fontScale' | 'transparent'> = {};
  if (typeof opts.context === 'string') {
    const context = opts.context.trim().toLowerCase();
    if (!(CONTEXT_NAMES as readonly string[]).includes(context))
      throw new UsageError(`--context expects one of ${CONTEXT_NAMES.join(', ')}, got '${opts.context}'`);
    style.context = context as Context;
  }
  if (typeof opts['font-scale'] === 'string') {
    const scale = wrapQuantity('font-scale', () => parseNumber(opts['font-scale'] as string));
    if (!(scale >= 0.1 && scale <= 10)) throw new UsageError(`--font-scale must be between 0.1 and 10, got ${opts['font-scale']}`);
    style.fontScale = scale;
  }
  if (opts.transparent) style.transparent = true;
  return style;
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

/**
 * writeAtomic with its failure (disk full, folder gone) as one sentence, and Ctrl-C held
 * until the file is whole; `written` are the files written before, for the report.
 */
async function writeOutput(path: string, bytes: Buffer, written: readonly string[] = []): Promise<void> {
  await uninterruptedWrite(
    path,
    () => {
      try {
        writeAtomic(path, bytes);
      } catch (e) {
        throw new RunError(
          `cannot write '${path}': ${fsReason(e)}; ${written.length === 0 ? 'no file written' : `${written.length} written before it`}`,
          undefined,
          { cause: e },
        );
      }
    },
    written,
  );
}

/** A relative --out needs the current folder: a deleted one fails every later path lookup. */
function checkCurrentFolder(option: string): void {
  try {
    process.cwd();
  } catch {
    throw new UsageError(
      `the current folder no longer exists, so a relative --${option} has nowhere to go`,
      `cd to an existing folder, or give --${option} as an absolute path`,
    );
  }
}

/** `--out -`: the figure goes to standard output. */
const STDOUT = '-';

/** The format of `--out -`: --format must say it (there is no extension), and a terminal is no place for it. */
function stdoutFormat(asked: string | undefined, io: Streams): Format {
  if (asked === undefined) throw new UsageError('--out - writes to standard output, which has no extension: give --format (png, svg, pdf, json or csv)');
  const format = parseFormat(asked);
  if (io.stdout.isTTY)
    throw new UsageError(`--out - would write the ${format.toUpperCase()} to the terminal; redirect it to a file (> figure.${format}) or pipe it`);
  return format;
}

/** Writes the bytes to standard output; a closed pipe or full disk is reported by the stream guard (std-streams.ts). */
function writeStdout(io: Streams, bytes: Buffer): Promise<void> {
  return new Promise((resolve) => io.stdout.write(bytes, () => resolve()));
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
  cost?: Cost;
  out: string;
  format: Format;
  rendering: Rendering;
}

/** Everything that can be refused is refused here, before any simulation. */
function prepareJob(fig: FigureModule, opts: Options, io: Streams, out?: string, format?: string): Job {
  try {
    return prepareChecked(fig, opts, io, out, format);
  } catch (e) {
    throw e instanceof ProblemError ? usageError(e.problem) : e;
  }
}

function prepareChecked(fig: FigureModule, opts: Options, io: Streams, out?: string, format?: string): Job {
  const { params, warnings } = parseParams(fig, givenParams(fig, opts));
  const asked = format ?? (typeof opts.format === 'string' ? opts.format : undefined);
  // Without --out the default name takes the asked format's extension.
  const path = out ?? (typeof opts.out === 'string' ? opts.out : join('figures', `${fig.name}.${asked === undefined ? 'png' : parseFormat(asked)}`));
  if (path.trim() === '') throw new UsageError('--out expects a file name, got nothing');
  checkNameBytes(out === undefined ? 'out' : 'out-dir', path);
  if (path !== STDOUT && !isAbsolute(path)) checkCurrentFolder(out === undefined ? 'out' : 'out-dir');
  let note: string | undefined;
  let resolved: Format;
  if (path === STDOUT) {
    resolved = stdoutFormat(asked, io);
  } else {
    try {
      note = prepareOutputPath(path).note;
    } catch (e) {
      if (e instanceof OutputPathError) throw new UsageError(e.message);
      throw e;
    }
    resolved = resolveFormat(path, asked);
  }
  const rendering = renderingOptions(fig, opts, resolved);
  const cost = fig.cost?.(params);
  const { figsize, dpi } = rendering;
  checkCost(cost, {
    force: Boolean(opts.force),
    threads: fig.parallel ? threadsOption(opts) : 1,
    format: resolved,
    options: fig.params.map((p) => p.name),
    pixels: resolved === 'png' ? figsize[0] * dpi * figsize[1] * dpi : 0,
    dpi,
    limits: { memoryBytes: machineMemory(), heapBytes: heapLimit(), addressSpaceBytes: addressSpaceLeft() },
  });
  // Warnings only for a run that goes ahead: a refused one gets its error alone.
  if (!opts.quiet) for (const w of warnings) io.stderr.write(`snn-figs: warning: ${usageError(w).message}\n`);
  if (note && !opts.quiet) io.stderr.write(`snn-figs: note: ${note}\n`);
  return { fig, params, cost, out: path, format: resolved, rendering };
}

/**
 * What a build gets: a progress bar for a figure that reports progress, worker threads for a
 * parallel one. Even --threads 1 runs in a worker: Ctrl-C stops a worker in the middle of a
 * condition, where this thread would finish it first (seconds, with a large --n).
 */
function buildContext(job: Job, opts: Options, progress: Progress, signal: AbortSignal): BuildContext {
  const threads = job.fig.parallel ? workerThreads(opts) : undefined;
  // WebAssembly as the library's buildFigure has it (numpy's generator, the kernel), where `ulimit -v` leaves room.
  const wasm = addressSpaceLeft() < WASM_VIRTUAL ? undefined : readWasm;
  return { progress: job.fig.progress ? progress.update : undefined, pool: threads ? threadPool(threads) : undefined, signal, wasm };
}

/** Threads of a parallel figure's pool when it runs in a build worker. */
function poolThreads(job: Job, opts: Options): number | undefined {
  return job.fig.parallel ? workerThreads(opts) : undefined;
}

/**
 * Seconds the job's simulation takes in this thread, roughly: whether it runs in a thread that a
 * signal can stop. A parallel figure's kernel runs in its pool, which a signal stops already.
 */
function jobSeconds(job: Job, opts: Options): number {
  const pooled = job.fig.parallel && workerThreads(opts) !== undefined;
  return estimateSeconds(job.cost, { threads: job.fig.parallel ? threadsOption(opts) : 1, pooled });
}

async function execute(job: Job, opts: Options, io: Streams, label = job.fig.name): Promise<void> {
  const progress = progressReporter(io.stderr, label, Boolean(opts.quiet));
  const notice = phaseNotice(io.stderr, Boolean(opts.quiet), `${label}: simulating`, simulationSeconds(job.cost));
  // Ctrl-C while simulating aborts the build and writes nothing (exit 130); see interrupt.ts.
  const worker = new BuildWorker();
  const data = await interruptible(async (signal) => {
    try {
      return await buildStoppable(job.fig, job.params, buildContext(job, opts, progress, signal), {
        seconds: jobSeconds(job, opts),
        worker,
        threads: poolThreads(job, opts),
      });
    } catch (e) {
      if (signal.aborted) throw e;
      throw new RunError(`${job.fig.name} failed: ${firstLine(e)}`, undefined, { cause: e });
    } finally {
      progress.stop();
      notice.done();
      await worker.close();
    }
  });
  assertFinite(data);
  const bytes = await serialiseWithNotice(data, job, opts, io);
  if (job.out === STDOUT) {
    await writeStdout(io, bytes);
    if (!opts.quiet) io.stderr.write(`wrote the ${job.format.toUpperCase()} to standard output\n`);
    return;
  }
  await writeOutput(job.out, bytes);
  if (!opts.quiet) io.stderr.write(`wrote ${printable(job.out)}\n`);
}

/** Seconds the output takes, roughly: an image's from its data (what its lines keep once simplified), a data file's from its numbers. */
function drawingEstimate(data: FigureData, job: Job): number {
  const { figsize, dpi } = job.rendering;
  if (job.format === 'json' || job.format === 'csv') return estimateOutputSeconds(job.cost, job.format);
  const pixels = job.format === 'png' ? figsize[0] * dpi * figsize[1] * dpi : 0;
  return drawingSeconds({ ...drawnWork(data, figsize, dpi), panels: data.panels.length }, job.format, { dpi, pixels });
}

/**
 * serialise, with a notice on a terminal when drawing will take a while. A short drawing holds
 * Ctrl-C until it is done (then reported, with the files written before); a long one can be
 * killed at once (interrupt.ts).
 */
async function serialiseWithNotice(data: FigureData, job: Job, opts: Options, io: Streams, written: readonly string[] = []): Promise<Buffer> {
  const seconds = drawingEstimate(data, job);
  const notice = phaseNotice(io.stderr, Boolean(opts.quiet), `${job.out}: ${IMAGE_FORMATS.includes(job.format) ? 'drawing' : 'writing'}`, seconds);
  try {
    const draw = () => serialise(data, job.format, job.rendering);
    return seconds < 1 ? await signalsHeld(draw, (signal) => new Interrupted(signal, written)) : await draw();
  } finally {
    notice.done();
  }
}

export async function runFigure(fig: FigureModule, opts: Options, io: Streams): Promise<void> {
  // A page re-simulates in the browser: nothing to simulate here.
  if (typeof opts.out === 'string' && /\.html?$/i.test(opts.out) && opts.format === undefined) return writePage(fig, opts, io);
  const job = prepareJob(fig, opts, io);
  threadsNote(opts, io);
  await execute(job, opts, io);
}

/** Every figure and slide variant, in each asked format, into --out-dir. */
export async function runAll(opts: Options, io: Streams): Promise<void> {
  const dir = typeof opts['out-dir'] === 'string' ? opts['out-dir'] : 'figures';
  if (dir.trim() === '') throw new UsageError('--out-dir expects a folder, got nothing');
  // Each format once: `--format json,json` would write every file twice.
  const formats = [
    ...new Set(
      String(opts.format ?? 'png')
        .split(',')
        .map((f) => parseFormat(f)),
    ),
  ];
  const selected = selection(opts);
  const jobs: { job: Job; variantOpts: Options }[] = [];
  for (const fig of FIGURES) {
    const runs: { name: string; opts: Options }[] = [{ name: fig.name, opts: {} }];
    for (const v of fig.variants ?? []) runs.push({ name: v.name, opts: variantOptions(v.args) });
    for (const run of runs) {
      if (!selected(fig, run.name)) continue;
      // --figsize is every figure's size, a variant's own included (a deck wants one size).
      const size = typeof opts.figsize === 'string' ? { figsize: opts.figsize } : {};
      const merged = { ...opts, ...run.opts, ...size, format: undefined, out: undefined };
      for (const format of formats) jobs.push({ job: prepareJob(fig, merged, io, join(dir, `${run.name}.${format}`), format), variantOpts: merged });
    }
  }
  threadsNote(opts, io);
  const written: string[] = [];
  // Threads draw only where canvas loads (here too: see build-pool.ts); else this thread says why, at the first image.
  // A parallel figure's own threads run inside one build thread: all must fit under `ulimit -v`.
  const poolMax = Math.max(0, ...jobs.map(({ job, variantOpts }) => poolThreads(job, variantOpts) ?? 0));
  if (canQueueBuilds(poolMax) && (await canvasLoads(formats))) {
    // Built and drawn on every core (as many threads as `ulimit -v` leaves room for), written here in order.
    const pool = new BuildPool(buildThreadsThatFit(availableParallelism(), poolMax));
    try {
      await writeQueued(jobs, opts, io, written, pool);
    } finally {
      await pool.close();
    }
    return;
  }
  // Each distinct simulation runs once (variants that only re-plot share it), each figure is drawn once for all its formats.
  const simulations: SimulationCache = new Map();
  const built = new Map<string, FigureData>();
  const worker = new BuildWorker();
  try {
    await writeHere(jobs, opts, io, { simulations, built, written, worker });
  } finally {
    await worker.close();
  }
}

interface AllState {
  simulations: SimulationCache;
  built: Map<string, FigureData>;
  written: string[];
  worker: BuildWorker;
}

type AllJob = { job: Job; variantOpts: Options };

const buildKey = (job: Job) => `${job.fig.name} ${JSON.stringify(job.params)}`;

/** Each figure built, then each of its files drawn, in this thread, one after the other. */
async function writeHere(jobs: AllJob[], opts: Options, io: Streams, { simulations, built, written, worker }: AllState): Promise<void> {
  for (const { job, variantOpts } of jobs) {
    const key = buildKey(job);
    let data = built.get(key);
    if (!data) {
      const progress = progressReporter(io.stderr, job.fig.name, Boolean(opts.quiet));
      const seconds = isSimulated(simulations, job.fig, job.params) ? 0 : simulationSeconds(job.cost);
      const notice = phaseNotice(io.stderr, Boolean(opts.quiet), `${job.fig.name}: simulating`, seconds);
      try {
        const stoppable = { seconds: jobSeconds(job, variantOpts), worker, cache: simulations, threads: poolThreads(job, variantOpts) };
        data = await interruptible((signal) => buildStoppable(job.fig, job.params, buildContext(job, variantOpts, progress, signal), stoppable));
      } catch (e) {
        if (e instanceof Interrupted) throw e.after(written);
        throw new RunError(`${job.fig.name} failed: ${firstLine(e)}`, undefined, { cause: e });
      } finally {
        progress.stop();
        notice.done();
      }
      assertFinite(data);
      built.set(key, data);
    }
    await writeOutput(job.out, await serialiseWithNotice(data, job, opts, io, written), written);
    written.push(job.out);
    if (!opts.quiet) io.stderr.write(`wrote ${printable(job.out)}\n`);
  }
}

/**
 * Every figure built and drawn on the pool's threads, one task per distinct build with all its
 * files; the files written here in the order of `jobs`, each as soon as it and those before it
 * are ready. Progress reaches the bar of the build this thread is waiting for; a signal stops
 * every thread at once and the run reports what it wrote.
 */
async function writeQueued(jobs: AllJob[], opts: Options, io: Streams, written: string[], pool: BuildPool): Promise<void> {
  let waiting: { key: string; progress: Progress } | undefined;
  const tasks = new Map<string, DrawTask>();
  const fileOf = new Map<AllJob, number>();
  for (const all of jobs) {
    const { job, variantOpts } = all;
    const key = buildKey(job);
    let task = tasks.get(key);
    if (!task) {
      const progress = job.fig.progress
        ? (done: number, total: number) => (waiting?.key === key ? waiting.progress.update(done, total) : undefined)
        : undefined;
      const seconds = simulationSeconds(job.cost); // all of it, its own threads' share too: the longest starts first (drawing is estimated from data, not known yet)
      task = { key, group: job.fig.name, figure: job.fig.name, params: job.params, outputs: [], threads: poolThreads(job, variantOpts), progress, seconds };
      tasks.set(key, task);
    }
    // Images are drawn there, as the library draws them (size and style resolved as it does); JSON and CSV here.
    if (!isImage(job.format)) continue;
    fileOf.set(all, task.outputs.length);
    task.outputs.push({ format: job.format, options: { ...renderSize(job.fig.name, job.rendering, job.format), ...styleOf(job.rendering) } });
  }
  pool.start([...tasks.values()]);
  const checked = new Set<string>();
  const noted = signalsNoted();
  try {
    for (const all of jobs) {
      const signal = noted.caught();
      if (signal) throw new Interrupted(signal, written);
      await writeQueuedFile(all, { opts, io, written, pool, checked, fileOf, waitFor: (w) => (waiting = w) });
    }
  } finally {
    noted.release();
  }
}

interface QueuedState {
  opts: Options;
  io: Streams;
  written: string[];
  pool: BuildPool;
  checked: Set<string>;
  fileOf: Map<AllJob, number>;
  /** Tells the progress callbacks which build this thread waits for. */
  waitFor: (waiting: { key: string; progress: Progress } | undefined) => void;
}

/** One file of writeQueued: its build awaited (Ctrl-C stops the pool), checked, written. */
async function writeQueuedFile(all: AllJob, { opts, io, written, pool, checked, fileOf, waitFor }: QueuedState): Promise<void> {
  const { job } = all;
  const key = buildKey(job);
  const progress = progressReporter(io.stderr, job.fig.name, Boolean(opts.quiet));
  const notice = phaseNotice(io.stderr, Boolean(opts.quiet), `${job.fig.name}: simulating`, pool.settled(key) ? 0 : simulationSeconds(job.cost));
  waitFor({ key, progress });
  let built: Built;
  try {
    built = await interruptible(async (signal) => {
      const stop = () => pool.stop(signal.reason);
      signal.addEventListener('abort', stop, { once: true });
      try {
        return await pool.result(key);
      } finally {
        signal.removeEventListener('abort', stop);
      }
    });
  } catch (e) {
    if (e instanceof Interrupted) throw e.after(written);
    throw new RunError(`${job.fig.name} failed: ${firstLine(e)}`, undefined, { cause: e });
  } finally {
    waitFor(undefined);
    progress.stop();
    notice.done();
  }
  if (!checked.has(key)) assertFinite(built.data);
  checked.add(key);
  const k = fileOf.get(all);
  const file = k === undefined ? undefined : built.outputs[k];
  if (file && 'error' in file) throw drawError(file.error, job.format);
  const bytes = file ? Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) : await serialise(built.data, job.format, job.rendering);
  await writeOutput(job.out, bytes, written);
  written.push(job.out);
  if (!opts.quiet) io.stderr.write(`wrote ${job.out}\n`);
}

const isImage = (format: Format): format is 'png' | 'svg' | 'pdf' => IMAGE_FORMATS.includes(format);

/** Whether canvas loads here, when any of `formats` needs it (true when none does). */
async function canvasLoads(formats: Format[]): Promise<boolean> {
  const image = formats.find(isImage);
  if (!image) return true;
  try {
    await loadCanvas(image);
    return true;
  } catch {
    return false;
  }
}

/** A file a worker could not draw, said as serialise says it. */
function drawError(error: { name: string; message: string }, format: Format): RunError {
  return new RunError(`cannot draw the ${format.toUpperCase()}: ${error.message.split('\n')[0]}`, '--debug shows where');
}

/**
 * Which figures and variants `all` writes: every one, or those --only names (figures or
 * variants by file name) and those of the weeks --week names.
 */
function selection(opts: Options): (fig: FigureModule, run: string) => boolean {
  const list = (option: string) =>
    typeof opts[option] === 'string'
      ? (opts[option] as string)
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '')
      : undefined;
  const only = list('only');
  const weeks = list('week');
  if (only === undefined && weeks === undefined) return () => true;
  const runs = FIGURES.flatMap((f) => [f.name, ...f.variants.map((v) => v.name)]);
  for (const name of only ?? []) {
    if (!runs.includes(name)) throw new UsageError(`--only: no figure or variant '${name}'`, "'snn-figs list' shows the names");
  }
  const known = WEEKS.map((w) => String(w.week));
  for (const week of weeks ?? []) {
    if (!known.includes(week)) throw new UsageError(`--week expects course weeks among ${known.join(', ')}, got '${week}'`);
  }
  if ((only ?? []).length === 0 && (weeks ?? []).length === 0) throw new UsageError(`--${only ? 'only' : 'week'} expects a comma-separated list, got nothing`);
  return (fig, run) => (only ?? []).includes(run) || (weeks ?? []).includes(String(weekOf(fig)));
}

/** A variant's argument list (`--forms exponential --figsize 8x3`) as options. */
function variantOptions(args: string[]): Options {
  const out: Options = {};
  for (let k = 0; k < args.length; k += 2) out[args[k].replace(/^--/, '')] = args[k + 1];
  return out;
}

/**
 * Refusing runs that would take hours or exhaust memory, before they start, with the estimate
 * that made us refuse. --force overrides the time and memory limits, not the hard ones.
 *
 * The memory estimate is calibrated on measured peaks (maximum resident set size, `make
 * bench`-style runs at the refusal limit, 2e7 numbers, Node 20 on x86-64): JSON/CSV 0.8–1.4 GB,
 * PNG/SVG/PDF 2.3–2.7 GB; the tuning curve 55–330 MB. Each number recorded costs about 60 bytes
 * on the way to a data file (the JavaScript array, the text) and 120 bytes on the way to an
 * image (Chart.js keeps an {x, y} object and its parsed copy per point).
 */
import { estimateOutputSeconds, estimateSeconds, type Cost } from './cost-time.js';
import type { OutputFormat as Format } from './formats.js';
import { ProblemError } from './problems.js';

export type { Cost, Work } from './cost-time.js';

/** Runs estimated to take longer than this (simulating and writing) are refused unless --force. */
export const MAX_SECONDS = 300;
/** Runs recording more numbers than this are refused unless --force: gigabytes of samples. */
export const MAX_SAMPLES = 2e7;
/** Beyond this no --force helps: arrays this long do not fit in one Node process. */
export const HARD_MAX_SAMPLES = 1e9;
/** The longest typed array a kernel may allocate (V8 refuses longer ones: "Invalid typed array length"). */
export const MAX_ARRAY_LENGTH = 2 ** 31 - 1;
/** The longest string V8 makes (2^29 − 24 characters): a JSON or CSV file is one. */
const MAX_STRING_LENGTH = 2 ** 29 - 24;
/** Characters per number in a JSON or CSV file (measured: 14–20 and 24–30). */
const CHARS_PER_SAMPLE: Partial<Record<Format, number>> = { json: 20, csv: 30 };

/** Seconds the simulation of a figure without a progress bar takes, roughly (for progress notices). */
export function simulationSeconds(cost: Cost | undefined, threads = 1): number {
  return cost && cost.threadBytes === undefined ? estimateSeconds(cost, { threads }) : 0;
}

/** Resident memory of the process before any figure (Node, the modules, the fonts). */
const BASE_BYTES = 70e6;
/** Address space canvas and its libraries map to draw (VmSize measured: 63 MB to load, 67–95 MB more to draw). */
const CANVAS_VIRTUAL_BYTES = 200e6;
/** A worker thread's own heap and the kernel's WebAssembly memory, before its arrays. */
const WORKER_BYTES = 15e6;
/** Memory per recorded number, by where it goes (see above). */
const BYTES_PER_SAMPLE: Record<Format, number> = { json: 60, csv: 60, png: 120, svg: 120, pdf: 120 };
/**
 * Of that, JavaScript heap per number (V8 aborts beyond its limit): Chart.js's point objects for
 * an image, the arrays and the text for a data file; typed arrays and the file's bytes are outside.
 */
const HEAP_PER_SAMPLE: Record<Format, number> = { json: 40, csv: 60, png: 110, svg: 110, pdf: 110 };
const BASE_HEAP = 50e6;
/** What makes a run smaller, by option; a hint names only the options the figure has. */
const KNOBS: [option: string, change: string][] = [
  ['duration', 'a shorter --duration'],
  ['dt', 'a larger --dt'],
  ['n', 'a smaller --n'],
  ['neurons', 'fewer --neurons'],
  ['trials', 'fewer --trials'],
  ['repeats', 'fewer --repeats'],
  ['points', 'a smaller --points'],
  ['widths', 'smaller --widths'],
  ['mean-spikes', 'a smaller --mean-spikes'],
];

/** What bounds a run's memory where it runs, as far as the client knows (Node: src/io/memory-limits.ts). */
export interface MemoryLimits {
  /** The machine's memory (os.totalmem()). */
  memoryBytes?: number;
  /** The JavaScript heap's limit (v8's heap_size_limit): V8 aborts the process beyond it. */
  heapBytes?: number;
  /** Address space left under `ulimit -v`. */
  addressSpaceBytes?: number;
}

export interface CostContext {
  force: boolean;
  /** Worker threads the figure will use (1 for figures that use none). */
  threads: number;
  format: Format;
  /** The figure's option names, for the hint. */
  options: readonly string[];
  /** PNG pixels (figsize × dpi squared) and dpi, for the drawing's time. */
  pixels?: number;
  dpi?: number;
  /** What bounds memory here; a limit left out is not checked. */
  limits?: MemoryLimits;
}

/** Peak resident memory of a run, in bytes. */
export function estimateBytes(cost: Cost, format: Format, threads: number): number {
  const workers = cost.threadBytes === undefined ? 0 : threads * (WORKER_BYTES + cost.threadBytes);
  return BASE_BYTES + cost.samples * BYTES_PER_SAMPLE[format] + workers;
}

/** Peak JavaScript heap of a run, in bytes (worker threads have heaps of their own). */
export function estimateHeapBytes(cost: Cost, format: Format): number {
  return BASE_HEAP + cost.samples * HEAP_PER_SAMPLE[format];
}

/** Seconds a whole run takes, roughly: the simulation and the output. */
export function runSeconds(cost: Cost, ctx: Pick<CostContext, 'threads' | 'format' | 'pixels' | 'dpi'>): number {
  return estimateSeconds(cost, { threads: ctx.threads }) + estimateOutputSeconds(cost, ctx.format, { dpi: ctx.dpi ?? 100, pixels: ctx.pixels ?? 0 });
}

/** "a shorter --duration, a larger --dt or a smaller --n", from the options the figure has. */
export function smallerHint(options: readonly string[]): string {
  const changes = KNOBS.filter(([option]) => options.includes(option)).map(([, change]) => change);
  if (changes.length === 0) return 'make it smaller';
  const list = changes.length === 1 ? changes[0] : `${changes.slice(0, -1).join(', ')} or ${changes[changes.length - 1]}`;
  return `make it smaller (${list})`;
}

/** A run refused for its size; `forcible` when only the time or memory limit stands in the way. */
function refusal(message: string, hint: string, forcible = false): ProblemError {
  return new ProblemError({ message, hint, forcible: forcible || undefined });
}

/**
 * Throws ProblemError (no parameter named) when the run is too large to start: first what cannot
 * fit (not even with --force: the process would be killed or V8 would abort, after all the
 * work), then a run estimated over MAX_SECONDS or recording more than MAX_SAMPLES numbers
 * (forcible).
 */
export function checkCost(cost: Cost | undefined, ctx: CostContext): void {
  if (!cost) return;
  const { force, threads, format, options } = ctx;
  const smaller = smallerHint(options);
  const memory = `${about(cost.samples)} numbers (${formatBytes(estimateBytes(cost, format, threads))} of memory for a ${format.toUpperCase()})`;
  if (cost.samples > HARD_MAX_SAMPLES) throw refusal(`this run would record ${memory}, more than one process can hold`, smaller);
  if ((cost.largestArray ?? 0) > MAX_ARRAY_LENGTH)
    throw refusal(
      `this run needs an array of ${cost.largestArray!.toExponential(1)} numbers, more than one process can hold (at most ${MAX_ARRAY_LENGTH})`,
      smaller,
    );
  checkFits(cost, format, threads, smaller, ctx.limits ?? {});
  if (force) return;
  const seconds = runSeconds(cost, ctx);
  if (seconds > MAX_SECONDS) {
    const on = `on ${threads} thread${threads === 1 ? '' : 's'}`;
    const what =
      cost.neuronSteps > 0
        ? `this run needs ${about(cost.neuronSteps)} neuron updates, roughly ${formatDuration(seconds)} ${on}`
        : `this run would take roughly ${formatDuration(seconds)}`;
    throw refusal(`${what}; runs over ${MAX_SECONDS / 60} min are refused unless forced`, smaller, true);
  }
  if (cost.samples > MAX_SAMPLES) throw refusal(`this run would record ${memory}`, smaller, true);
}

/** The memory checks nothing overrides: V8's longest string, its heap limit, the machine's memory, `ulimit -v`. */
function checkFits(cost: Cost, format: Format, threads: number, smaller: string, limits: MemoryLimits): void {
  const chars = cost.samples * (CHARS_PER_SAMPLE[format] ?? 0);
  if (chars > MAX_STRING_LENGTH)
    throw refusal(
      `this run would record ${about(cost.samples)} numbers: as ${format.toUpperCase()}, ${about(chars)} characters, more than Node can hold in one text (${MAX_STRING_LENGTH})`,
      smaller,
    );
  const heap = estimateHeapBytes(cost, format);
  if (limits.heapBytes !== undefined && heap > limits.heapBytes)
    throw refusal(
      `this run needs about ${formatBytes(heap)} of JavaScript memory for a ${format.toUpperCase()}; the heap limit here is ${formatBytes(limits.heapBytes)}`,
      smaller,
    );
  const bytes = estimateBytes(cost, format, threads);
  if (limits.memoryBytes !== undefined && bytes > limits.memoryBytes)
    throw refusal(`this run needs about ${formatBytes(bytes)} of memory; this machine has ${formatBytes(limits.memoryBytes)}`, smaller);
  // What is left under `ulimit -v` is beyond what the process has already reserved, its base
  // included; an image also maps canvas and its libraries.
  const canvas = format === 'json' || format === 'csv' ? 0 : CANVAS_VIRTUAL_BYTES;
  const more = bytes - BASE_BYTES + canvas;
  const left = limits.addressSpaceBytes;
  if (left !== undefined && canvas > left)
    throw refusal(
      `drawing a ${format.toUpperCase()} needs about ${formatBytes(canvas)} more memory (canvas and its libraries); the address-space limit (ulimit -v) leaves ${formatBytes(Math.max(0, left))}`,
      'raise the limit, or write JSON or CSV',
    );
  if (left !== undefined && more > left)
    throw refusal(
      `this run needs about ${formatBytes(more)} more memory; the address-space limit (ulimit -v) leaves ${formatBytes(Math.max(0, left))}`,
      `${smaller}, or raise the limit`,
    );
}

/** 7 s, 1 min 05 s, 1 h 02 min, 3 days: the one way estimates and time left are written. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'forever';
  const s = Math.round(seconds);
  const two = (n: number) => String(n).padStart(2, '0');
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${two(s % 60)} s`;
  if (s < 172800) return `${Math.floor(s / 3600)} h ${two(Math.floor((s % 3600) / 60))} min`;
  return `${Math.round(s / 86400)} days`;
}

/** A count for a message: `about 2.0e+7`; beyond a double (a run of 1e306 s), `about 1.8e+308 or more`. */
function about(n: number): string {
  return Number.isFinite(n) ? `about ${n.toExponential(1)}` : 'about 1.8e+308 or more';
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'more than 1e+308 bytes';
  if (bytes < 1e9) return `${Math.max(1, Math.round(bytes / 1e6))} MB`;
  return `${(bytes / 1e9).toPrecision(2)} GB`; // 40 GB, 4.0 GB, 4.0e+291 GB
}

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
import type { OutputFormat as Format } from './formats.js';
import { ProblemError } from './problems.js';

export interface Cost {
  /** Neuron updates: neurons × steps. */
  neuronSteps: number;
  /** Numbers kept in memory for the figure (monitor samples). */
  samples: number;
  /** Bytes of arrays each worker thread allocates (figures that use threads). */
  threadBytes?: number;
  /** Length of the longest typed array the run allocates, checked before it is. */
  largestArray?: number;
}

/** Runs larger than these are refused unless --force: hours of work, or gigabytes of samples. */
export const MAX_NEURON_STEPS = 2e12;
export const MAX_SAMPLES = 2e7;
/** Beyond this no --force helps: arrays this long do not fit in one Node process. */
export const HARD_MAX_SAMPLES = 1e9;
/** The longest typed array a kernel may allocate (V8 refuses longer ones: "Invalid typed array length"). */
export const MAX_ARRAY_LENGTH = 2 ** 31 - 1;
/**
 * Tuning-curve neuron updates per second and thread with the WebAssembly kernel (the
 * defaults, 8.2e8 updates, take ≈ 2.8 s in one thread). Used for the estimate only.
 */
export const NEURON_STEPS_PER_SECOND = 3e8;
/** Neuron updates per second of the generic simulation core (measured: 0.5–2e6 on the week-2 figures). */
const CORE_STEPS_PER_SECOND = 1e6;
/** Recorded numbers drawn per second (measured: a 2e7-number PNG takes 20–45 s) and written as text. */
const SAMPLES_PER_SECOND: Record<Format, number> = { png: 5e5, svg: 5e5, pdf: 5e5, json: 1e7, csv: 1e7 };

/** Seconds the simulation of a figure without worker threads takes, roughly (for progress notices). */
export function simulationSeconds(cost: Cost | undefined): number {
  return cost && cost.threadBytes === undefined ? cost.neuronSteps / CORE_STEPS_PER_SECOND : 0;
}

/** PNG pixels drawn and compressed per second (measured: 100 megapixels in 9.5 s). */
const PIXELS_PER_SECOND = 1e7;

/** Seconds drawing or writing the figure takes, roughly: its numbers, and a PNG's pixels. */
export function outputSeconds(cost: Cost | undefined, format: Format, pixels = 0): number {
  return (cost ? cost.samples / SAMPLES_PER_SECOND[format] : 0) + (format === 'png' ? pixels / PIXELS_PER_SECOND : 0);
}

/** Resident memory of the process before any figure (Node, the modules, the fonts). */
const BASE_BYTES = 70e6;
/** A worker thread's own heap and the kernel's WebAssembly memory, before its arrays. */
const WORKER_BYTES = 15e6;
/** Memory per recorded number, by where it goes (see above). */
const BYTES_PER_SAMPLE: Record<Format, number> = { json: 60, csv: 60, png: 120, svg: 120, pdf: 120 };
/** What makes a run smaller, by option; a hint names only the options the figure has. */
const KNOBS: [option: string, change: string][] = [
  ['duration', 'a shorter --duration'],
  ['dt', 'a larger --dt'],
  ['n', 'a smaller --n'],
  ['points', 'a smaller --points'],
];

export interface CostContext {
  force: boolean;
  /** Worker threads the figure will use (1 for figures that use none). */
  threads: number;
  format: Format;
  /** The figure's option names, for the hint. */
  options: readonly string[];
  /** The machine's memory in bytes, where the client knows it (Node's os.totalmem()). */
  memoryBytes?: number;
}

/** Peak resident memory of a run, in bytes. */
export function estimateBytes(cost: Cost, format: Format, threads: number): number {
  const workers = cost.threadBytes === undefined ? 0 : threads * (WORKER_BYTES + cost.threadBytes);
  return BASE_BYTES + cost.samples * BYTES_PER_SAMPLE[format] + workers;
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

/** Throws ProblemError (no parameter named) when the run is too large to start. */
export function checkCost(cost: Cost | undefined, ctx: CostContext): void {
  if (!cost) return;
  const { force, threads, format, options, memoryBytes } = ctx;
  const smaller = smallerHint(options);
  const memory = `about ${cost.samples.toExponential(1)} numbers (${formatBytes(estimateBytes(cost, format, threads))} of memory for a ${format.toUpperCase()})`;
  if (cost.samples > HARD_MAX_SAMPLES) throw refusal(`this run would record ${memory}, more than one process can hold`, smaller);
  if ((cost.largestArray ?? 0) > MAX_ARRAY_LENGTH)
    throw refusal(
      `this run needs an array of ${cost.largestArray!.toExponential(1)} numbers, more than one process can hold (at most ${MAX_ARRAY_LENGTH})`,
      smaller,
    );
  if (!force) {
    if (cost.neuronSteps > MAX_NEURON_STEPS) {
      const seconds = cost.neuronSteps / (NEURON_STEPS_PER_SECOND * threads);
      throw refusal(
        `this run needs about ${cost.neuronSteps.toExponential(1)} neuron updates, roughly ${formatDuration(seconds)} on ${threads} thread${threads === 1 ? '' : 's'}`,
        smaller,
        true,
      );
    }
    if (cost.samples > MAX_SAMPLES) throw refusal(`this run would record ${memory}`, smaller, true);
  }
  // Not even --force: the process would be killed for want of memory, after all the work.
  const bytes = estimateBytes(cost, format, threads);
  if (memoryBytes !== undefined && bytes > memoryBytes)
    throw refusal(`this run needs about ${formatBytes(bytes)} of memory; this machine has ${formatBytes(memoryBytes)}`, smaller);
}

/** 7 s, 1 min 05 s, 1 h 02 min, 3 days: the one way estimates and time left are written. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const two = (n: number) => String(n).padStart(2, '0');
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${two(s % 60)} s`;
  if (s < 172800) return `${Math.floor(s / 3600)} h ${two(Math.floor((s % 3600) / 60))} min`;
  return `${Math.round(s / 86400)} days`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1e9) return `${Math.max(1, Math.round(bytes / 1e6))} MB`;
  return `${(bytes / 1e9).toPrecision(2)} GB`; // 40 GB, 4.0 GB, 4.0e+291 GB
}

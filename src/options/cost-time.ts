/**
 * How long a run takes, from its Cost: one rate per kind of work, measured with
 * bench/cost-calibration.mjs and bench/output-calibration.mjs (CPU seconds, Node 20 on x86-64,
 * each figure at its defaults and at 5–100 times its work). Estimates are within 2× of those
 * measurements for every figure at two sizes (tests/robust-estimates.test.ts).
 */
import type { OutputFormat as Format } from './formats.js';

/**
 * The work of a run by kind, in units the cost model (this file) has measured rates for,
 * so that one estimate of its time serves every figure.
 */
export interface Work {
  /** Networks built (their equations compiled, monitors allocated); 1 when not given. */
  networks?: number;
  /** Steps of the generic core's loop: each runs every scheduled part once, however few neurons. */
  steps?: number;
  /** Neuron updates in the generic core, weighted: 1 is a leaky integrator's, a Hodgkin-Huxley neuron's about 10. */
  updates?: number;
  /** Numbers recorded by monitors during the run. */
  records?: number;
  /** Element-wise operations of a numpy-style cell (an exp, a random draw, a comparison). */
  operations?: number;
  /** Multiply-adds of a filter (gaussian_filter's taps). */
  taps?: number;
  /** Neuron updates of the tuning curve's kernel, spread over the worker threads. */
  kernelUpdates?: number;
}

export interface Cost {
  /** The run's work by kind, for its time; see Work. */
  work?: Work;
  /** Of the samples, the points drawn as markers (a raster, a scatter): each costs more to draw than a line's. */
  markers?: number;
  /** Neuron updates: neurons × steps. */
  neuronSteps: number;
  /** Numbers kept in memory for the figure (monitor samples). */
  samples: number;
  /** Bytes of arrays each worker thread allocates (figures that use threads). */
  threadBytes?: number;
  /** Length of the longest typed array the run allocates, checked before it is. */
  largestArray?: number;
}

/** Seconds per unit of each kind of work (see Work). */
const SECONDS_PER: Required<Omit<Work, 'networks'>> = {
  // A leaky integrator's step with a monitor: 0.47 s for 2e6 steps; HH 1.3 µs a step.
  steps: 1.7e-7,
  // 20 000 Poisson neurons for 10 000 steps: 3.2 s.
  updates: 1.6e-8,
  records: 5e-8,
  // 10 000 walks of 1000 steps, two thresholds: 0.76 s.
  operations: 4.5e-8,
  // spike-vs-rate at 20 000 points, widths 5, 10 and 20 %: 1.1e9 taps in 1.15 s.
  taps: 1e-9,
  // The WebAssembly kernel: 2e8 updates more take 0.7 s on one thread (the defaults, 8.2e8, 3 s).
  kernelUpdates: 3.5e-9,
};
/** Building a network: compiling its equations, allocating its monitors (the numpy tuning curve: 15–35 ms per δt). */
const NETWORK_SECONDS = 0.02;
/** Starting a worker thread and loading the kernel into it. */
const THREAD_START_SECONDS = 0.1;

export interface TimeContext {
  threads: number;
  /**
   * The kernel's updates run in a pool's worker threads, which a signal terminates at once: left
   * out, for the time the calling thread itself spends (whether a build needs a thread of its own).
   */
  pooled?: boolean;
}

/** Seconds the simulation (with the figure's own arithmetic) takes, roughly; 0 for a figure without a cost. */
export function estimateSeconds(cost: Cost | undefined, { threads, pooled = false }: TimeContext): number {
  if (!cost) return 0;
  const work = cost.work ?? { updates: cost.neuronSteps, records: cost.samples };
  let serial = (work.networks ?? 1) * NETWORK_SECONDS;
  for (const kind of ['steps', 'updates', 'records', 'operations', 'taps'] as const) serial += (work[kind] ?? 0) * SECONDS_PER[kind];
  const kernel = work.kernelUpdates && !pooled ? (work.kernelUpdates * SECONDS_PER.kernelUpdates) / threads + THREAD_START_SECONDS : 0;
  return serial + kernel;
}

/**
 * Seconds per number drawn or written, by format (a line's point; the markers add MARKER_SECONDS).
 * Lines of 128 points or more are simplified before they are stroked, so what a line costs depends
 * on how much of it survives: these rates are a noisy trace's (reliable-spike-timing, where nearly
 * every point does), an upper bound for smooth curves (population's Gaussians cost 5× less).
 */
const SAMPLE_SECONDS: Record<Format, number> = { png: 6e-7, svg: 2.6e-7, pdf: 2.6e-7, json: 1.2e-7, csv: 1e-6 };
/** Seconds per marker (a raster's or a scatter's point: a path of its own in SVG and PDF). */
const MARKER_SECONDS: Record<Format, number> = { png: 1e-6, svg: 6.5e-6, pdf: 1e-5, json: 0, csv: 0 };
/** Fonts, layout, the canvas: a small figure's drawing (0.03 s for lif's PNG). */
const DRAW_SECONDS: Record<Format, number> = { png: 0.03, svg: 0.015, pdf: 0.015, json: 0, csv: 0 };
/** PNG pixels filled and compressed: 13 megapixels add 0.5 s. */
const PIXEL_SECONDS = 4e-8;

/** Seconds drawing or writing the figure takes, roughly: its numbers and markers, and a PNG's pixels. */
export function estimateOutputSeconds(cost: Cost | undefined, format: Format, pixels = 0): number {
  const numbers = cost ? cost.samples * SAMPLE_SECONDS[format] + (cost.markers ?? 0) * MARKER_SECONDS[format] : 0;
  return DRAW_SECONDS[format] + numbers + (format === 'png' ? pixels * PIXEL_SECONDS : 0);
}

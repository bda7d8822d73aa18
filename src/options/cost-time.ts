/**
 * How long a run takes, from its Cost: one rate per kind of work, measured with
 * bench/cost-calibration.mjs and bench/output-calibration.mjs (CPU seconds, Node 20 on x86-64).
 * A drawing is estimated from what it draws (drawingSeconds, from src/render/drawn-work.ts's
 * count on the data), or bounded from the Cost before the run. Estimates are within 2× of the
 * measured CPU time for every figure's simulation at two sizes and every figure and variant drawn
 * as PNG at two dpis, SVG and PDF (tests/options/robust-estimates.test.ts).
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
  // A leaky integrator's step with a monitor: 0.1–0.2 s for 6e5 steps and 1.2e6 records (coincidence,
  // lif-synapses: the same declared work, 2× apart; the rates sit between); HH 1.3 µs a step.
  steps: 1.4e-7,
  // 20 000 Poisson neurons for 10 000 steps: 3.2 s.
  updates: 1.6e-8,
  records: 4e-8,
  // 10 000 walks of 1000 steps, two thresholds: 0.76 s.
  operations: 4.5e-8,
  // spike-vs-rate at 20 000 points, widths 5, 10 and 20 %: 1.1e9 taps in 1.15 s.
  taps: 1e-9,
  // The WebAssembly kernel: 2e8 updates more take 0.7 s on one thread (the defaults, 8.2e8, 3 s).
  kernelUpdates: 3.5e-9,
};
/**
 * Building a network: compiling its equations, allocating its monitors. A run's first costs little
 * once its code is compiled (lif, stp: under 5 ms); each further one more (the numpy tuning curve,
 * a network per δt: 5–20 ms each, measured).
 */
const FIRST_NETWORK_SECONDS = 0.005;
const NETWORK_SECONDS = 0.012;
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
  let serial = FIRST_NETWORK_SECONDS + Math.max(0, (work.networks ?? 1) - 1) * NETWORK_SECONDS;
  for (const kind of ['steps', 'updates', 'records', 'operations', 'taps'] as const) serial += (work[kind] ?? 0) * SECONDS_PER[kind];
  const kernel = work.kernelUpdates && !pooled ? (work.kernelUpdates * SECONDS_PER.kernelUpdates) / threads + THREAD_START_SECONDS : 0;
  return serial + kernel;
}

/**
 * What drawing a figure costs, counted from its data (src/render/drawn-work.ts), or bounded from
 * its Cost before the run (every point of every line kept).
 */
export interface Drawing {
  /** Panels (axes: their ticks, labels and spines). */
  panels: number;
  /** Vertices of every line before simplification: each is transformed and simplified. */
  linePoints: number;
  /** Vertices stroked once simplified: a noisy trace keeps most, a smooth curve a few. */
  strokedVertices: number;
  /** Of those, the ones of solid translucent lines. */
  translucentVertices?: number;
  /** Markers (a raster's, a scatter's points; a line's markers). */
  markers: number;
  /** Texts and annotations in the axes. */
  texts: number;
}

/**
 * Seconds per unit of drawing, by image format: a figure's axes, its lines' points and stroked
 * vertices, its markers and texts, and (PNG) its pixels. Stroking a PNG's vertex or marker costs
 * more at a higher dpi (more pixels covered): its `PerDpi` part is per 100 dpi. Fitted (relative
 * least squares) on every figure and slide variant at its notebook size, at 3× its dpi, and on
 * larger runs of the figures with the most points (reliable-spike-timing at 100 trials,
 * population at 1e6 points, stp at 1.2e6, stdp-correlated at 42 000 spikes): CPU seconds, Node 20
 * on x86-64, bench/output-calibration.mjs.
 */
interface DrawingRates {
  base: number;
  panel: number;
  linePoint: number;
  strokedVertex: number;
  strokedVertexPerDpi: number;
  /** A stroked vertex of a solid translucent line, instead (PNG: coverage summed in plain arithmetic). */
  translucentVertex?: number;
  translucentVertexPerDpi?: number;
  marker: number;
  markerPerDpi: number;
  text: number;
  pixel: number;
}
const DRAWING: Record<'png' | 'svg' | 'pdf', DrawingRates> = {
  png: {
    base: 0.002,
    panel: 0.003,
    linePoint: 2e-7,
    strokedVertex: 1.6e-6,
    strokedVertexPerDpi: 1.85e-6,
    // From reliable-spike-timing's PNG at 100 and 200 dpi once its translucent traces were summed in plain arithmetic.
    translucentVertex: 0.6e-6,
    translucentVertexPerDpi: 0.4e-6,
    marker: 6e-6,
    markerPerDpi: 2.5e-6,
    text: 4e-5,
    pixel: 3.6e-8,
  },
  svg: { base: 0.003, panel: 0.0015, linePoint: 2e-7, strokedVertex: 8e-7, strokedVertexPerDpi: 0, marker: 1.5e-5, markerPerDpi: 0, text: 4e-5, pixel: 0 },
  pdf: { base: 0.004, panel: 0.0013, linePoint: 2e-7, strokedVertex: 1.8e-6, strokedVertexPerDpi: 0, marker: 2.1e-5, markerPerDpi: 0, text: 6.8e-5, pixel: 0 },
};
/** Seconds per number written to a data file (its text: JSON 0.1 s, CSV 0.73 s for a million). */
const DATA_SECONDS: Record<'json' | 'csv', number> = { json: 1.2e-7, csv: 8e-7 };

/** Seconds drawing an image takes, roughly, at `dpi` with `pixels` (PNG). */
export function drawingSeconds(d: Drawing, format: 'png' | 'svg' | 'pdf', size: { dpi: number; pixels: number }): number {
  const r = DRAWING[format];
  const perDpi = size.dpi / 100;
  const translucent = Math.min(d.strokedVertices, d.translucentVertices ?? 0);
  return (
    r.base +
    d.panels * r.panel +
    d.linePoints * r.linePoint +
    (d.strokedVertices - translucent) * (r.strokedVertex + r.strokedVertexPerDpi * perDpi) +
    translucent * ((r.translucentVertex ?? r.strokedVertex) + (r.translucentVertexPerDpi ?? r.strokedVertexPerDpi) * perDpi) +
    d.markers * (r.marker + r.markerPerDpi * perDpi) +
    d.texts * r.text +
    size.pixels * r.pixel
  );
}

/**
 * Seconds drawing or writing the figure takes, from its Cost before the run: a data file's
 * numbers; an image's lines as if every point were stroked (an upper bound: a smooth curve keeps
 * few of them; the estimate from the data, drawingSeconds, is within 2×).
 */
export function estimateOutputSeconds(cost: Cost | undefined, format: Format, size: { dpi: number; pixels: number } = { dpi: 100, pixels: 0 }): number {
  const samples = cost?.samples ?? 0;
  if (format === 'json' || format === 'csv') return samples * DATA_SECONDS[format];
  const markers = cost?.markers ?? 0;
  const linePoints = Math.max(0, samples / 2 - markers);
  return drawingSeconds({ panels: 1, linePoints, strokedVertices: linePoints, markers, texts: 0 }, format, size);
}

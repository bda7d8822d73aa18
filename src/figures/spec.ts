/**
 * What the rest of snn-figs sees of a figure (the CLI, the library API, the tests): a
 * FigureModule, made by figure() in ./figure.ts from a typed declaration. Parameters here
 * are keyed by option name (`tau-x`) and untyped; the declaration's own functions get them
 * typed and keyed by the declared names (`tauX`).
 */
import type { ParamSpec } from './params.js';
import type { FigureData } from './types.js';

export type { ParamKind, ParamSpec } from './params.js';

/** Parsed parameters keyed by option name: seconds for times, SI for quantities, numbers, strings. */
export type Params = Record<string, number | number[] | string | string[]>;

export interface BuildContext {
  /** Conditions (or steps) done out of total; given to figures that declare `progress`. */
  progress?: (done: number, total: number) => void;
  /** Worker threads a `parallel` figure may use; unset means run in this thread. */
  threads?: number;
  signal?: AbortSignal;
}

/** A named set of options that reproduces one of the notebook's slide figures. */
export interface Variant {
  /** File stem, e.g. `psp-forms-exponential`. */
  name: string;
  /** The same as options, e.g. `['--panels', 'ux', '--figsize', '8x2.9']`. */
  args: string[];
  description: string;
}

/** A problem with a parameter set, found before anything runs. */
export interface Problem {
  option: string;
  message: string;
  /** Warnings are printed and the figure is still made. */
  warning?: boolean;
  /** What to do about it, printed on its own line after an error. */
  hint?: string;
}

/**
 * The work of a run by kind, in units the cost model (src/cli/cost-time.ts) has measured
 * rates for, so that one estimate of its time serves every figure.
 */
export interface Work {
  /** Networks built (their equations compiled, monitors allocated); 1 when not given. */
  networks?: number;
  /** Steps of the generic core's loop: each runs every scheduled part once, however few neurons. */
  steps?: number;
  /** Neuron updates in the generic core, weighted: 1 is a leaky integrator's, a Hodgkin-Huxley neuron's is about 35. */
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

/** A finished simulation, ready to be drawn for any parameters that differ from its own only in plot-only ones. */
export interface Simulation {
  draw(p: Params): FigureData;
}

export interface FigureModule {
  name: string;
  /** The notebook section the figure comes from. */
  section: string;
  summary: string;
  params: ParamSpec[];
  /** matplotlib figsize in inches and dpi, as in the notebook. */
  figsize: [number, number];
  dpi: number;
  variants: Variant[];
  /** Spreads its work over worker threads (gets `--threads` and BuildContext.threads). */
  parallel: boolean;
  /** Reports progress through BuildContext.progress (the CLI shows a bar). */
  progress: boolean;
  /** Every rule, the framework's and the figure's, in order: errors and warnings. */
  check(p: Params): Problem[];
  /** Estimated size of a run, for refusing one that would take hours or exhaust memory. */
  cost?(p: Params): Cost;
  /** The part of the parameters the simulation depends on, as a string: equal keys, equal results. */
  simulationKey(p: Params): string;
  simulate(p: Params, ctx?: BuildContext): Promise<Simulation>;
  /** simulate then draw: the whole FigureData, parameters stamped on as the user sees them. */
  build(p: Params, ctx?: BuildContext): Promise<FigureData>;
}

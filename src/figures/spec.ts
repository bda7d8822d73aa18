/**
 * What a figure module declares: its parameters (with units and the notebook's defaults),
 * its size, and how it turns parameters into FigureData.
 */
import type { FigureData } from './types.js';

export type ParamKind =
  | 'time' //        seconds inside, "10ms" outside
  | 'times' //       a list of times: "10,11,50,60ms"
  | 'number' //      dimensionless
  | 'integer'
  | 'choice' //      one of `choices`
  | 'choices'; //    a comma-separated subset of `choices`, in the user's order

export interface ParamSpec {
  /** The option's name without dashes, e.g. `tau-x`; also its key in FigureData.params. */
  name: string;
  kind: ParamKind;
  /** The default as a user would type it; parsed by the same parser as user input. */
  default: string;
  help: string;
  choices?: readonly string[];
  /** Bounds in the parsed unit (seconds for times). */
  min?: number;
  max?: number;
  /** The bound itself is not allowed (a time constant must be > 0, not ≥ 0). */
  exclusiveMin?: boolean;
}

/** Parsed parameters keyed by option name: seconds for times, numbers, strings. */
export type Params = Record<string, number | number[] | string | string[]>;

export interface BuildContext {
  /** Conditions (or steps) done out of total; long figures call it. */
  progress?: (done: number, total: number) => void;
  /** Worker threads a figure may use (the tuning curve); unset means run in this thread. */
  threads?: number;
  signal?: AbortSignal;
}

/** A named set of options that reproduces one of the notebook's slide figures. */
export interface Variant {
  /** File stem, e.g. `psp-forms-exponential`. */
  name: string;
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

export interface FigureModule {
  name: string;
  /** The notebook section the figure comes from. */
  section: string;
  summary: string;
  params: ParamSpec[];
  /** matplotlib figsize in inches and dpi, as in the notebook. */
  figsize: [number, number];
  dpi: number;
  variants?: Variant[];
  /** Checks that need several parameters at once (single-option bounds live in ParamSpec). */
  check?(p: Params): Problem[];
  /** Estimated size of a run, for refusing one that would take hours or exhaust memory. */
  cost?(p: Params): Cost;
  build(p: Params, ctx: BuildContext): FigureData | Promise<FigureData>;
}

/** The `--dt` option every simulating figure takes. */
export const DT_PARAM: ParamSpec = {
  name: 'dt',
  kind: 'time',
  default: '0.1ms',
  help: 'simulation time step',
  min: 0,
  exclusiveMin: true,
};

/** `--method` for figures whose notebook cell names an integrator. */
export function methodParam(defaultMethod: 'euler' | 'exact' | 'rk4'): ParamSpec {
  return {
    name: 'method',
    kind: 'choice',
    default: defaultMethod,
    choices: ['euler', 'exact', 'rk4'],
    help: 'integration method (exact needs linear equations)',
  };
}

/** A time constant or duration: strictly positive. */
export function positiveTime(name: string, def: string, help: string): ParamSpec {
  return { name, kind: 'time', default: def, help, min: 0, exclusiveMin: true };
}

/**
 * Parameter builders: a figure declares its parameters as an object of these, and the
 * types of `simulate(params)` and `plot(results, params)` are inferred from it. Each builder
 * holds what the CLI needs (kind, default as a user would type it, help, bounds) and what
 * the framework's shared rules need (which times are time constants, spike inputs, or the
 * moment a run is split; which parameters change only the plot).
 *
 *   params: { tau: timeConstant('10ms', 'membrane time constant'),
 *             spikes: times('10,11ms', 'input spike times').min(0).generatorTimes(),
 *             w: num('0.6', 'synaptic weight'), duration: duration('100ms'), method: method('exact'), dt }
 *
 * A parameter `fooBar` is the option `--foo-bar`. Bounds are in the value's inside unit
 * (seconds for times, SI for quantities).
 */
import { METHODS, type Method } from '../sim/index.js';
import type { DimensionName } from './dimensions.js';

export type ParamKind =
  | 'time' //        seconds inside, "10ms" outside
  | 'times' //       a list of times: "10,11,50,60ms"
  | 'number' //      dimensionless
  | 'integer'
  | 'numbers' //     a list of dimensionless numbers: "5,1,0.1"
  | 'text' //        a word matching `pattern`: "0110101011"
  | 'quantity' //    a voltage, conductance, … in SI inside (see units.ts)
  | 'choice' //      one of `choices`
  | 'choices'; //    a comma-separated subset of `choices`, in the user's order

/** What a time parameter is to the shared run rules (src/figures/checks.ts). */
export type TimeRole =
  | 'time-constant' // the integrated equations divide by it: --dt must be small against it
  | 'generator' //     the times of a spike generator: inside the run, one per step, on the grid
  | 'split'; //        the figure stops the run there and sets the state (the PSP figures' spike)

/** A parameter as the CLI and the rules see it, by option name. */
export interface ParamSpec {
  /** The option's name without dashes, e.g. `tau-x`; also its key in FigureData.params. */
  name: string;
  kind: ParamKind;
  /** The default as a user would type it; parsed by the same parser as user input. */
  default: string;
  help: string;
  choices?: readonly string[];
  dimension?: DimensionName;
  /** What a `text` value must match, and how to say so: `a string of 0s and 1s`. */
  pattern?: RegExp;
  patternText?: string;
  /** Bounds in the parsed unit (seconds for times). */
  min?: number;
  max?: number;
  /** The bound itself is not allowed (a time constant must be > 0, not ≥ 0). */
  exclusiveMin?: boolean;
  role?: TimeRole;
  /** Changes only the plot: runs that differ only in these share one simulation. */
  plotOnly?: boolean;
}

/**
 * A declared parameter whose parsed value is a T. `PlotOnly` is part of the type so that
 * `simulate` does not even see the parameters that only change the plot.
 */
export class Param<T, PlotOnly extends boolean = false> {
  /** Type-level only: the parsed value and whether the parameter is plot-only. */
  declare readonly value: T;
  declare readonly isPlotOnly: PlotOnly;

  constructor(readonly spec: Readonly<Omit<ParamSpec, 'name'>>) {}

  private with<P extends boolean = PlotOnly>(more: Partial<ParamSpec>): Param<T, P> {
    return new Param<T, P>({ ...this.spec, ...more });
  }

  /** Smallest allowed value (inclusive). */
  min(min: number): Param<T, PlotOnly> {
    return this.with({ min, exclusiveMin: false });
  }

  /** Strictly greater than 0. */
  positive(): Param<T, PlotOnly> {
    return this.with({ min: 0, exclusiveMin: true });
  }

  max(max: number): Param<T, PlotOnly> {
    return this.with({ max });
  }

  /** The spike generator's times: each inside the run, one per step, warned when off the grid. */
  generatorTimes(this: Param<number[], PlotOnly>): Param<number[], PlotOnly> {
    return this.with({ role: 'generator' });
  }

  /** The figure runs up to this time, then sets the state (needs 2 steps after it). */
  splitsRun(this: Param<number, PlotOnly>): Param<number, PlotOnly> {
    return this.with({ role: 'split' });
  }

  /** Changes only what is drawn: `snn-figs all` simulates once for every value of it. */
  plotOnly(): Param<T, true> {
    return this.with<true>({ plotOnly: true });
  }
}

/** Any declared parameter. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the value type is whatever each builder says
export type AnyParam = Param<any, boolean>;
export type ParamDecls = Record<string, AnyParam>;

/** The parsed values of a parameter object, by key. */
export type Values<P extends ParamDecls> = { readonly [K in keyof P]: P[K]['value'] };
/** The values `simulate` gets: all but the plot-only ones. */
export type SimValues<P extends ParamDecls> = { readonly [K in keyof P as P[K]['isPlotOnly'] extends true ? never : K]: P[K]['value'] };

/** A time: `10ms`, `0.01s`, `500us`; a bare number is ms. */
export function time(def: string, help: string): Param<number> {
  return new Param({ kind: 'time', default: def, help });
}

/** A time constant the integrated equations divide by: > 0, and --dt is checked against it. */
export function timeConstant(def: string, help: string): Param<number> {
  return new Param<number>({ kind: 'time', default: def, help, role: 'time-constant' }).positive();
}

/** The simulated time. */
export function duration(def: string, help = 'simulated time'): Param<number> {
  return time(def, help).positive();
}

/** The simulation time step, declared as `dt: timeStep('0.01ms')` where the notebook's is not 0.1 ms. */
export function timeStep(def: string): Param<number> {
  return duration(def, 'simulation time step');
}

/** `--dt` at Brian's default step: every simulating figure takes it under this name. */
export const dt = timeStep('0.1ms');

/** A comma-separated list of times: `10,11,50,60ms` (items without a unit take the last item's). */
export function times(def: string, help: string): Param<number[]> {
  return new Param({ kind: 'times', default: def, help });
}

export function num(def: string, help: string): Param<number> {
  return new Param({ kind: 'number', default: def, help });
}

export function int(def: string, help: string): Param<number> {
  return new Param({ kind: 'integer', default: def, help });
}

/** A comma-separated list of numbers: `5,1,0.1`; bounds apply to each. */
export function nums(def: string, help: string): Param<number[]> {
  return new Param({ kind: 'numbers', default: def, help });
}

/** A word that must match `pattern` (described for messages as `what`, e.g. 'a string of 0s and 1s'). */
export function text(def: string, help: string, pattern: RegExp, what: string): Param<string> {
  return new Param({ kind: 'text', default: def, help, pattern, patternText: what });
}

function quantity(dimension: DimensionName) {
  return (def: string, help: string): Param<number> => new Param({ kind: 'quantity', dimension, default: def, help });
}

/** Quantities in SI inside; a bare number is in the unit shown (mV, nS, nA, pF, Hz, um2). */
export const voltage = quantity('voltage');
export const conductance = quantity('conductance');
export const current = quantity('current');
export const capacitance = quantity('capacitance');
export const rate = quantity('rate');
export const area = quantity('area');

/** One of a fixed set of words; the value's type is their union. */
export function choice<const C extends readonly string[]>(options: C, def: C[number], help: string): Param<C[number]> {
  return new Param({ kind: 'choice', choices: options, default: def, help });
}

/** A comma-separated subset of a fixed set of words, in the user's order, each at most once. */
export function choices<const C extends readonly string[]>(options: C, def: string, help: string): Param<C[number][]> {
  return new Param({ kind: 'choices', choices: options, default: def, help });
}

/** `--method`, for figures whose notebook cell names an integrator. */
export function method(def: Method): Param<Method> {
  return choice(METHODS, def, 'integration method (exact needs linear equations)');
}

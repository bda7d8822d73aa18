/**
 * What the rest of snn-figs sees of a figure (the CLI, the library API, the tests): a
 * FigureModule, made by figure() in ./figure.ts from a typed declaration. Parameters here
 * are keyed by option name (`tau-x`) and untyped; the declaration's own functions get them
 * typed and keyed by the declared names (`tauX`).
 */
import type { ParamSpec } from '../options/params.js';
import type { FigureData } from '../data/types.js';
import type { WasmLoader } from '../sim/kernels/wasm-api.js';
import type { Pool } from './pool.js';

import type { Cost } from '../options/cost.js';
import type { Params } from '../options/parse.js';
import type { Problem } from '../options/problems.js';

export type { ParamKind, ParamSpec } from '../options/params.js';
export type { Cost, Params, Problem };

export interface BuildContext {
  /** Conditions (or steps) done out of total; given to figures that declare `progress`. */
  progress?: (done: number, total: number) => void;
  /** Where a `parallel` figure's tasks run; unset means in this thread. */
  pool?: Pool;
  /** The WebAssembly kernels' bytes, for work done in this thread (the TypeScript kernels, equal bit for bit, without). */
  wasm?: WasmLoader;
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
  /** Spreads its work over a pool of threads (gets `--threads` and BuildContext.pool). */
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

/**
 * figure(): a figure as one typed declaration. It declares its parameters (./params.ts),
 * `simulate(params)` returning the run's results and `plot(results, params)` returning the
 * panels; the types of both are inferred from the parameter object, so no figure casts.
 *
 * The framework adds what every figure shares: the rules of a run wherever `duration` and
 * `dt` exist (step stability against the declared time constants for the figure's
 * `method`, enough steps, spike inputs and run splits on the grid, duration on the grid), a
 * cost estimate, the parameters as FigureData shows them, and a simulation key so runs that
 * differ only in plot-only parameters (slide variants) share one simulation.
 */
import { withNameScope, type Method } from '../sim/index.js';
import { useNumpyWasm } from '../sim/numpy/mt19937-wasm.js';
import type { ParamDecls, ParamSpec, SimValues, Values } from '../options/params.js';
import type { BuildContext, Cost, FigureModule, Params, Problem, Variant } from './spec.js';
import { runRules, runSteps } from './run-rules.js';
import { shownParams } from './shown-params.js';
import type { FigureData, Panel, ParamValue } from '../data/types.js';

/** A slide variant: some parameters set (as a user would type them) and/or another size. */
export interface VariantDeclaration<P extends ParamDecls> {
  name: string;
  description: string;
  /** Values as a user types them; a choice's must be one of its words (checked by the compiler). */
  set?: { readonly [K in keyof P]?: P[K]['value'] extends string ? P[K]['value'] : string };
  figsize?: [number, number];
}

/**
 * The size of a run: neurons updated and numbers recorded per step (`weight`: the cost of one
 * neuron's update against a leaky integrator's, 1 by default), or a function of the parameters.
 */
export type CostDeclaration<P extends ParamDecls> = { neurons: number; samplesPerStep: number; weight?: number } | ((p: Values<P>, steps: number) => Cost);

/** A fixed-size declaration's cost: its steps, updates and records (the core's work). */
function stepCost(d: { neurons: number; samplesPerStep: number; weight?: number }, steps: number): Cost {
  const samples = d.samplesPerStep * steps;
  return { neuronSteps: d.neurons * steps, samples, work: { steps, updates: d.neurons * steps * (d.weight ?? 1), records: samples } };
}

export interface FigureDeclaration<P extends ParamDecls, R> {
  name: string;
  /** The notebook section the figure comes from. */
  section: string;
  summary: string;
  /** matplotlib figsize in inches and dpi, as in the notebook. */
  figsize: [number, number];
  dpi: number;
  params: P;
  variants?: VariantDeclaration<P>[];
  /** The integrator of a figure without a `method` parameter (for the step rules). */
  method?: Method;
  /** Why `--method exact` cannot integrate this model: the framework refuses it with this reason. */
  notExact?: string;
  /** Spreads its work over a pool of threads: gets `--threads` and `ctx.pool`. */
  parallel?: boolean;
  /** Reports progress through `ctx.progress`. */
  progress?: boolean;
  /** The model's own rules over several parameters; run before the framework's run rules. */
  check?(p: Values<P>): Problem[];
  /** Rules on the inputs of the run, after the step rules (e.g. the tuning curve's δt sweep). */
  checkInputs?(p: Values<P>): Problem[];
  cost?: CostDeclaration<P>;
  /** Parameters whose drawn value comes from the results (a given walk's length is its n): FigureData shows these. */
  shown?(results: NoInfer<R>): Record<string, ParamValue>;
  simulate(p: SimValues<P>, ctx: BuildContext): R | Promise<R>;
  /**
   * One panel, several with their `row`/`col` (the grid is as large as they need), or panels
   * with layout settings (suptitle, ratios… wherever FigureData's layout has them).
   */
  plot(results: R, p: Values<P>): Panel | Panel[] | Drawing;
}

/** Panels with the figure's layout settings; rows and cols default to what the panels need. */
export interface Drawing {
  panels: Panel[];
  layout?: Partial<FigureData['layout']>;
}

/** A compiled figure that still knows its typed declaration (for the library API and tests). */
export interface Figure<P extends ParamDecls, R, N extends string = string> extends FigureModule {
  /** The declared name as its literal type: the library's figure names and parameters are typed from it. */
  name: N;
  declaration: FigureDeclaration<P, R>;
}

/** `tauX` → `tau-x`: declared names are camelCase, options kebab-case (as commander maps them back). */
export function optionName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Whether a parsed value is what its kind parses to: the one place untyped values become typed. */
function fits(spec: ParamSpec, value: Params[string] | undefined): boolean {
  switch (spec.kind) {
    case 'times':
    case 'numbers':
      return Array.isArray(value) && value.every((v) => typeof v === 'number');
    case 'text':
      return typeof value === 'string';
    case 'choices':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && spec.choices!.includes(v));
    case 'choice':
      return typeof value === 'string' && spec.choices!.includes(value);
    default:
      return typeof value === 'number';
  }
}

function layoutOf(panels: Panel[]): FigureData['layout'] {
  return { rows: Math.max(0, ...panels.map((p) => p.row ?? 0)) + 1, cols: Math.max(0, ...panels.map((p) => p.col ?? 0)) + 1 };
}

export function figure<const P extends ParamDecls, R, const N extends string = string>(decl: FigureDeclaration<P, R> & { name: N }): Figure<P, R, N> {
  const keys = Object.keys(decl.params);
  const specs: ParamSpec[] = keys.map((key) => ({ name: optionName(key), ...decl.params[key].spec }));
  const simKeys = keys.filter((key) => !decl.params[key].spec.plotOnly);

  function values(p: Params, only: readonly string[] = keys): Record<string, Params[string]> {
    const out: Record<string, Params[string]> = {};
    for (const key of only) {
      const spec = specs[keys.indexOf(key)];
      const value = p[spec.name];
      if (!fits(spec, value)) throw new TypeError(`${decl.name}: parameter --${spec.name} is not a parsed ${spec.kind}: ${JSON.stringify(value)}`);
      out[key] = value!;
    }
    return out;
  }
  // Checked above against each declared kind, which is what the builders' types say.
  const typed = (p: Params) => values(p) as Values<P>;
  const simTyped = (p: Params) => values(p, simKeys) as SimValues<P>;

  /** The framework's rules and the figure's (./run-rules.ts). */
  const check = (p: Params): Problem[] =>
    runRules(specs, p, {
      method: keys.includes('method') ? String(p.method) : decl.method,
      methodOption: keys.includes('method'),
      notExact: decl.notExact,
      check: () => decl.check?.(typed(p)) ?? [],
      checkInputs: () => decl.checkInputs?.(typed(p)) ?? [],
    });

  const declaredCost = decl.cost;
  const cost =
    declaredCost === undefined
      ? undefined
      : (p: Params): Cost =>
          typeof declaredCost === 'function'
            ? declaredCost(typed(p), runSteps(specs, p))
            : stepCost(declaredCost, runSteps(specs, p));

  const variants: Variant[] = (decl.variants ?? []).map((v) => ({
    name: v.name,
    description: v.description,
    args: [
      ...Object.entries(v.set ?? {}).flatMap(([key, value]) => [`--${optionName(key)}`, String(value)]),
      ...(v.figsize ? ['--figsize', v.figsize.join('x')] : []),
    ],
  }));

  const module: Figure<P, R, N> = {
    declaration: decl,
    name: decl.name,
    section: decl.section,
    summary: decl.summary,
    params: specs,
    figsize: decl.figsize,
    dpi: decl.dpi,
    variants,
    parallel: decl.parallel ?? false,
    progress: decl.progress ?? false,
    check,
    cost,
    simulationKey: (p) => JSON.stringify(simKeys.map((key) => p[optionName(key)])),
    async simulate(p, ctx = {}) {
      // Only what the figure declared it uses: a pool for a parallel one, progress for one that reports it.
      const given = {
        signal: ctx.signal,
        wasm: ctx.wasm,
        ...(decl.parallel && ctx.pool !== undefined ? { pool: ctx.pool } : {}),
        ...(decl.progress && ctx.progress ? { progress: ctx.progress } : {}),
      };
      // numpy's generator draws in bulk in WebAssembly where the module is at hand (the same numbers).
      useNumpyWasm(ctx.wasm);
      // Brian's automatic names start afresh for every figure: nothing built before it changes its order.
      const results = await withNameScope(() => decl.simulate(simTyped(p), given));
      return {
        draw(q) {
          const drawn = decl.plot(results, typed(q));
          const { panels, layout }: Drawing = Array.isArray(drawn) ? { panels: drawn } : 'panels' in drawn ? drawn : { panels: [drawn] };
          const { params, paramUnits } = shownParams(specs, q);
          return { figure: decl.name, params: { ...params, ...decl.shown?.(results) }, paramUnits, layout: { ...layoutOf(panels), ...layout }, panels };
        },
      };
    },
    async build(p, ctx = {}) {
      return (await module.simulate(p, ctx)).draw(p);
    },
  };
  return module;
}

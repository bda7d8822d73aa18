/**
 * NeuronGroup, as Brian builds it: state variables from the equations, a state updater
 * (`groups` slot), a thresholder (`thresholds`) and a resetter (`resets`), named
 * `<name>_stateupdater`, `<name>_spike_thresholder`, `<name>_spike_resetter`. With
 * `refractory`, the group holds `lastspike` and `not_refractory`: the state updater computes
 * not_refractory = timestep(t − lastspike, dt) ≥ timestep(refractory, dt), variables flagged
 * `(unless refractory)` keep their value while refractory, and the threshold only fires when
 * not refractory (the spike sets not_refractory = 0 and lastspike = t).
 */
import { KernelBuilder, ELEMENT, type CompiledKernel } from './codegen.js';
import { dimensionOf, expectDimension, type MaybeDimension } from './dimensions.js';
import { checkUnits, parseEquations, parseStatements, type Equations, type Statement } from './equations.js';
import { ExpressionError, parseExpression, type Node } from './expr.js';
import { GroupScope } from './group-scope.js';
import { DEFAULT_METHODS, integrator, type Method } from './integrators/registry.js';
import { ExactNeedsParameters } from './integrators/exact.js';
import { IntegrationError } from './integrators/types.js';
import { asRandomSource, NO_RANDOM, type RandomSource, type ScalarRandom } from './random-source.js';
import { checkDt, claimName, type NetworkMember, type RunContext, type Scheduled, type Slot, type StepContext } from './schedule.js';
import type { SpikeSource } from './spike-source.js';
import { UnitError, type Quantity } from './units.js';

export interface NeuronGroupOptions {
  /** Integration method; Brian's default choice ('exact', else 'euler') when absent. */
  method?: Method;
  threshold?: string;
  reset?: string;
  /** Refractory period in seconds (or a Quantity in seconds). */
  refractory?: number | Quantity;
  /** Constants the equations read: SI numbers (no unit check) or Quantities (checked). */
  namespace?: Record<string, number | Quantity>;
  /** The group's own clock step (Brian's `dt=`); its monitors take it too. */
  dt?: number;
  name?: string;
  order?: number;
  /** The group's own random source (else the network's). */
  random?: RandomSource | ScalarRandom;
}

/** Brian writes the refractory period into the code as `{ref:f}`: six decimals of seconds. */
export function refractoryLiteral(seconds: number): number {
  const fixed = seconds.toFixed(6);
  // toFixed rounds a tie up; Python's %f rounds it to even. A tie is exact in binary only
  // when the digits after the sixth are exactly "5".
  const exact = seconds.toFixed(100);
  const dot = exact.indexOf('.');
  const rest = exact.slice(dot + 7);
  if (/^50*$/.test(rest) && Number(exact[dot + 6]) % 2 === 0) return Number(exact.slice(0, dot + 7));
  return Number(fixed);
}

const LASTSPIKE_START = -1e4;

/** Spike indices are Int32: a group holds at most 2^31 − 1 neurons. */
export const MAX_NEURONS = 2 ** 31 - 1;

export class NeuronGroup implements NetworkMember, SpikeSource {
  readonly name: string;
  readonly eqs: Equations;
  /** Stored variables in eqs.stateVariables order (live arrays). */
  readonly state: Float64Array[];
  readonly spikes: Int32Array;
  spikeCount = 0;
  readonly order: number;
  readonly dt?: number;
  readonly spikeSlot: { when: Slot; order: number };
  /** Names as the group's code reads them (variables, links, constants). */
  readonly scope: GroupScope;
  private readonly arrays: Map<string, Float64Array>;
  private readonly refractory?: number;
  private readonly ownRandom?: RandomSource;
  private compiledFor?: number;
  private chosenMethod?: Method;
  private update?: CompiledKernel;
  private thresholdKernel?: CompiledKernel;
  private resetKernel?: CompiledKernel;
  private rng: RandomSource = NO_RANDOM;

  constructor(
    readonly n: number,
    equations: string,
    readonly options: NeuronGroupOptions = {},
  ) {
    if (!Number.isInteger(n) || n < 1 || n > MAX_NEURONS)
      throw new RangeError(`a NeuronGroup needs a whole number of neurons from 1 to ${MAX_NEURONS}, got ${n}`);
    this.eqs = parseEquations(equations);
    this.scope = new GroupScope(() => this.name, n, this.eqs, options.namespace ?? {});
    this.arrays = this.scope.arrays;
    this.state = this.eqs.stateVariables.map((name) => {
      const a = new Float64Array(n);
      this.arrays.set(name, a);
      return a;
    });
    if (options.refractory !== undefined) {
      const ref = typeof options.refractory === 'number' ? options.refractory : options.refractory.value;
      if (typeof options.refractory !== 'number' && options.refractory.dim.join() !== '0,0,1,0,0,0,0')
        throw new UnitError('the refractory period must be a time');
      if (!(ref >= 0) || !Number.isFinite(ref)) throw new RangeError(`the refractory period must be a time ≥ 0, got ${ref}`);
      this.refractory = ref;
      this.arrays.set('lastspike', new Float64Array(n).fill(LASTSPIKE_START));
      this.arrays.set('not_refractory', new Float64Array(n).fill(1));
    } else if (this.eqs.differential.some((d) => d.flags.has('unless refractory'))) {
      throw new ExpressionError("the flag '(unless refractory)' needs a refractory period (option refractory)");
    }
    if (options.reset && !options.threshold) throw new ExpressionError('a reset needs a threshold');
    if (options.dt !== undefined) this.dt = checkDt(options.dt, 'the group dt');
    if (options.method !== undefined) integrator(options.method); // an unknown method fails here
    this.order = options.order ?? 0;
    this.spikeSlot = { when: 'thresholds', order: this.order };
    this.ownRandom = options.random && asRandomSource(options.random);
    this.name = claimName('neurongroup', options.name);
    this.spikes = new Int32Array(n);
    // Fail early on what cannot be read.
    if (options.threshold) parseExpression(options.threshold);
    if (options.reset) parseStatements(options.reset);
  }

  /** The method in use: the given one, or the one Brian's default choice picked (after a run). */
  get method(): Method | undefined {
    return this.chosenMethod ?? this.options.method;
  }

  has(name: string): boolean {
    return this.arrays.has(name);
  }

  /** The array of a stored variable (live: writing to it changes the group). */
  variable(name: string): Float64Array {
    const a = this.arrays.get(name);
    if (!a) throw new ExpressionError(`the group has no variable '${name}' (it has ${[...this.arrays.keys()].join(', ')})`);
    return a;
  }

  /** Whether `name` is a subexpression (a monitor can record it). */
  isSubexpression(name: string): boolean {
    return this.scope.isSubexpression(name);
  }

  /** Whether `name` is a linked variable (declared `(linked)`). */
  isLinked(name: string): boolean {
    return this.scope.isLinked(name);
  }

  /** `x : 1 (linked)` reads `source.name` (a state variable or subexpression); source has 1 neuron or as many as this group. */
  link(name: string, source: NeuronGroup, sourceName: string): this {
    this.scope.link(name, source.scope, sourceName);
    this.compiledFor = undefined;
    return this;
  }

  /** Dimension of one of the group's names (null when unknown). */
  dimensionOf(name: string): MaybeDimension {
    return this.scope.dimensionOf(name);
  }

  /** JavaScript reading each name for the element at `index` (see GroupScope.resolver). */
  resolver(b: KernelBuilder, index: string, locals?: ReadonlyMap<string, string>): (name: string) => string {
    return this.scope.resolver(b, index, locals);
  }

  /**
   * `G.v = value` between runs: a number, one value per neuron, or a string expression per
   * neuron (`'rand()*0.2'`, `'-70*mV + i*mV'`), whose rand() draws rand(N) from `random`
   * (else the group's own source), as Brian's numpy target does.
   */
  set(name: string, value: number | ArrayLike<number> | string, random?: RandomSource | ScalarRandom): void {
    const arr = this.variable(name);
    if (typeof value === 'number') return void arr.fill(value);
    if (typeof value !== 'string') {
      if (value.length !== this.n) throw new RangeError(`'${name}' needs ${this.n} values, got ${value.length}`);
      return void arr.set(value);
    }
    const tree = parseExpression(value);
    const expected = this.eqs.dims.get(name);
    if (expected) expectDimension(tree, expected, this.scope.dimensionLookup(), `${name} = ${value}`);
    const b = new KernelBuilder();
    b.line(`${b.array(arr)}[${ELEMENT}] = ${b.expr(this.scope.inline(tree), this.resolver(b, ELEMENT))};`);
    const source = random ? asRandomSource(random) : (this.ownRandom ?? NO_RANDOM);
    const kernel = b.build('all');
    kernel.run(kernel.arrays, this.n, 0, this.dt ?? 0, source, this.spikes, 0);
  }

  /** Writes a subexpression's or linked variable's current value for every neuron into `out` (StateMonitor). */
  evaluator(name: string): (out: Float64Array, t: number) => void {
    const tree: Node | undefined = this.scope.subexpression(name) ?? (this.isLinked(name) ? { kind: 'name', name } : undefined);
    if (!tree) throw new ExpressionError(`the group has no subexpression or linked variable '${name}'`);
    let compiled: CompiledKernel | undefined;
    let target: Float64Array | undefined;
    return (out, t) => {
      if (!compiled || target !== out) {
        const b = new KernelBuilder();
        b.line(`${b.array(out)}[${ELEMENT}] = ${b.expr(tree, this.resolver(b, ELEMENT))};`);
        compiled = b.build('all');
        target = out;
      }
      compiled.run(compiled.arrays, this.n, t, this.compiledFor ?? this.dt ?? 0, this.rng, this.spikes, 0);
    };
  }

  scheduled(): Scheduled[] {
    const parts: Scheduled[] = [
      this.part('groups', `${this.name}_stateupdater`, (ctx) => {
        if (this.update) this.update.run(this.update.arrays, this.n, ctx.t, ctx.dt, this.rng, this.spikes, 0);
      }),
    ];
    if (this.options.threshold)
      parts.push(
        this.part('thresholds', `${this.name}_spike_thresholder`, (ctx) => {
          const k = this.thresholdKernel!;
          this.spikeCount = k.run(k.arrays, this.n, ctx.t, ctx.dt, this.rng, this.spikes, 0);
        }),
      );
    if (this.options.reset)
      parts.push(
        this.part('resets', `${this.name}_spike_resetter`, (ctx) => {
          const k = this.resetKernel!;
          if (this.spikeCount) k.run(k.arrays, this.n, ctx.t, ctx.dt, this.rng, this.spikes, this.spikeCount);
        }),
      );
    return parts;
  }

  private part(when: Slot, name: string, tick: (ctx: StepContext) => void): Scheduled {
    return {
      name,
      when,
      order: this.order,
      dt: this.dt,
      beforeRun: (ctx: RunContext) => {
        this.rng = this.ownRandom ?? ctx.rng;
        this.compile(ctx.dt);
      },
      tick,
    };
  }

  private compile(dt: number): void {
    if (this.compiledFor === dt) return;
    const unlinked = this.eqs.linked.find((name) => !this.scope.isLinkedTo(name));
    if (unlinked !== undefined) throw new ExpressionError(`the linked variable '${unlinked}' of ${this.name} is not linked (call link())`);
    checkUnits(this.eqs, this.scope.dimensionLookup());
    this.update = this.compileUpdate(dt);
    if (this.options.threshold) this.thresholdKernel = this.compileThreshold();
    if (this.options.reset) this.resetKernel = this.compileReset(parseStatements(this.options.reset));
    this.compiledFor = dt;
  }

  private compileUpdate(dt: number): CompiledKernel | undefined {
    const diff = this.eqs.differential;
    if (!diff.length && this.refractory === undefined) return undefined;
    if (!diff.length || this.options.method) return this.updateWith(this.options.method ?? 'euler', dt);
    // Brian's default: the first method of ('exact', 'euler', 'heun') that can integrate.
    let firstError: unknown;
    for (const method of DEFAULT_METHODS) {
      try {
        return this.updateWith(method, dt);
      } catch (e) {
        if (e instanceof ExactNeedsParameters) throw new IntegrationError(`${e.message}. Brian would integrate this group exactly; give a method explicitly`);
        if (!(e instanceof IntegrationError)) throw e;
        firstError ??= e;
      }
    }
    throw firstError;
  }

  private updateWith(method: Method, dt: number): CompiledKernel {
    const b = new KernelBuilder();
    const locals = new Map<string, string>();
    this.eqs.stateVariables.forEach((name, k) => {
      locals.set(name, `_l${k}`);
      b.line(`const _l${k} = ${b.array(this.arrays.get(name)!)}[${ELEMENT}];`);
    });
    if (this.refractory !== undefined) {
      const steps = Math.trunc((refractoryLiteral(this.refractory) + 1e-3 * dt) / dt);
      const nr = b.array(this.arrays.get('not_refractory')!);
      b.line(`const _nr = H.timestep(t - ${b.array(this.arrays.get('lastspike')!)}[${ELEMENT}], dt) >= ${steps} ? 1 : 0;`);
      b.line(`${nr}[${ELEMENT}] = _nr;`);
      locals.set('not_refractory', '_nr');
    }
    const resolve = this.resolver(b, ELEMENT, locals);
    const flags = new Map(this.eqs.differential.map((d) => [d.name, d.flags]));
    integrator(method).generate({
      differential: this.eqs.differential,
      dt,
      resolve,
      constant: (name) => (this.arrays.has(name) || this.scope.isLinked(name) ? undefined : this.scope.constantValue(name)),
      builder: b,
      local: (name) => locals.get(name)!,
      assign: (name, js) => {
        const target = `${b.array(this.arrays.get(name)!)}[${ELEMENT}]`;
        return flags.get(name)?.has('unless refractory') ? `${target} = _nr ? ${js} : ${locals.get(name)};` : `${target} = ${js};`;
      },
    });
    this.chosenMethod = method;
    return b.build('all');
  }

  private compileThreshold(): CompiledKernel {
    const tree = this.scope.inline(parseExpression(this.options.threshold!));
    dimensionOf(tree, this.scope.dimensionLookup(), this.options.threshold);
    const b = new KernelBuilder();
    const condition = b.expr(tree, this.resolver(b, ELEMENT));
    if (this.refractory === undefined) return b.collectWhen(condition).build('collect');
    const nr = b.array(this.arrays.get('not_refractory')!);
    const lastspike = b.array(this.arrays.get('lastspike')!);
    return b.collectWhen(`(${condition}) && ${nr}[${ELEMENT}]`).build('collect', [`${nr}[${ELEMENT}] = 0;`, `${lastspike}[${ELEMENT}] = t;`]);
  }

  private compileReset(statements: Statement[]): CompiledKernel {
    const lookup = this.scope.dimensionLookup();
    const inlined = statements.map((s) => ({ ...s, rhs: this.scope.inline(s.rhs) }));
    for (const s of inlined) {
      const dim = this.eqs.dims.get(s.target);
      if (dim && (s.op === '=' || s.op === '+=' || s.op === '-=')) expectDimension(s.rhs, dim, lookup, `reset ${s.target} ${s.op} …`);
      else dimensionOf(s.rhs, lookup);
    }
    const b = new KernelBuilder();
    const lvalue = (name: string) => {
      const a = this.arrays.get(name);
      return a ? `${b.array(a)}[${ELEMENT}]` : undefined;
    };
    return b.statements(inlined, lvalue, this.resolver(b, ELEMENT)).build('selected');
  }
}

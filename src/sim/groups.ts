/**
 * NeuronGroup and SpikeGeneratorGroup: the two kinds of population the course's models use.
 */
import { parseEquations, parseStatements, type Equations, type Statement } from './equations.js';
import { ExpressionError, parseExpression, toJs } from './expr.js';
import { nameResolver, updateSource, type Method, type UpdateContext } from './integrators.js';
import type { NormalSource } from './network.js';

export interface NeuronGroupOptions {
  method?: Method;
  threshold?: string;
  reset?: string;
  /** Constants the equations read, in SI units. */
  namespace?: Record<string, number>;
}

/** Anything that can emit spikes in the `thresholds` slot of a step. */
export interface SpikeSource {
  readonly n: number;
  /** Indices that spiked in the current step (valid until the next step). */
  readonly spikes: Int32Array;
  readonly spikeCount: number;
}

type StepFn = (state: Float64Array[], n: number, t: number, rng: NormalSource) => void;
type ThresholdFn = (state: Float64Array[], n: number, t: number, out: Int32Array) => number;
type ResetFn = (state: Float64Array[], indices: Int32Array, count: number, t: number) => void;

export class NeuronGroup implements SpikeSource {
  readonly eqs: Equations;
  readonly state: Float64Array[];
  readonly spikes: Int32Array;
  spikeCount = 0;
  private readonly index: Map<string, number>;
  private compiledFor?: number;
  private step?: StepFn;
  private thresholdFn?: ThresholdFn;
  private resetFn?: ResetFn;

  constructor(
    readonly n: number,
    equations: string,
    readonly options: NeuronGroupOptions = {},
  ) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`a NeuronGroup needs a whole number of neurons ≥ 1, got ${n}`);
    this.eqs = parseEquations(equations);
    this.state = this.eqs.stateVariables.map(() => new Float64Array(n));
    this.index = new Map(this.eqs.stateVariables.map((name, k) => [name, k]));
    this.spikes = new Int32Array(n);
    if (options.reset && !options.threshold) throw new ExpressionError('a reset needs a threshold');
  }

  get method(): Method {
    return this.options.method ?? 'euler';
  }

  has(name: string): boolean {
    return this.index.has(name);
  }

  /** The array of one state variable (live: writing to it changes the group). */
  variable(name: string): Float64Array {
    const k = this.index.get(name);
    if (k === undefined) throw new ExpressionError(`the group has no variable '${name}' (it has ${this.eqs.stateVariables.join(', ')})`);
    return this.state[k];
  }

  /** `G.v = value` between runs. */
  set(name: string, value: number | ArrayLike<number>): void {
    const arr = this.variable(name);
    if (typeof value === 'number') arr.fill(value);
    else arr.set(value);
  }

  /** Generates the step, threshold and reset code for a time step (once per dt). */
  compile(dt: number): void {
    if (this.compiledFor === dt) return;
    const namespace = this.options.namespace ?? {};
    const ctx: UpdateContext = { eqs: this.eqs, namespace, dt, local: (name) => `_${name}` };
    const loads = this.eqs.stateVariables.map((name, k) => `const _${name} = _s${k}[i];`).join('\n');
    const arrays = this.eqs.stateVariables.map((_, k) => `const _s${k} = S[${k}];`).join('\n');
    const body = updateSource(this.method, ctx, (name, js) => `_s${this.index.get(name)}[i] = ${js};`);
    this.step = new Function('S', 'N', 't', 'rng', `${arrays}\nfor (let i = 0; i < N; i++) {\n${loads}\n${body}\n}`) as StepFn;

    if (this.options.threshold) {
      const condition = toJs(parseExpression(this.options.threshold), nameResolver(ctx));
      this.thresholdFn = new Function(
        'S', 'N', 't', 'out',
        `${arrays}\nlet count = 0;\nfor (let i = 0; i < N; i++) {\n${loads}\nif (${condition}) out[count++] = i;\n}\nreturn count;`,
      ) as ThresholdFn;
    }
    if (this.options.reset) {
      const statements = parseStatements(this.options.reset);
      this.resetFn = new Function(
        'S', 'idx', 'count', 't',
        `${arrays}\nfor (let k = 0; k < count; k++) {\nconst i = idx[k];\n${statementsSource(statements, ctx, (name) => (this.index.has(name) ? `_s${this.index.get(name)}[i]` : undefined))}\n}`,
      ) as ResetFn;
    }
    this.compiledFor = dt;
  }

  /** `groups` slot: integrate one step. */
  update(t: number, rng: NormalSource): void {
    this.step!(this.state, this.n, t, rng);
  }

  /** `thresholds` slot: test the updated state. */
  threshold(t: number): void {
    this.spikeCount = this.thresholdFn ? this.thresholdFn(this.state, this.n, t, this.spikes) : 0;
  }

  /** `resets` slot. */
  reset(t: number): void {
    if (this.resetFn && this.spikeCount) this.resetFn(this.state, this.spikes, this.spikeCount, t);
  }
}

/**
 * Statements executed one after the other for one neuron (or synapse), each reading the
 * values the previous ones wrote (Brian's on_pre and reset semantics). `variable` maps a
 * name that the statements may read and assign to the JavaScript element it lives in.
 */
export function statementsSource(statements: Statement[], ctx: UpdateContext, variable: (name: string) => string | undefined): string {
  const resolve = nameResolver(ctx, variable);
  return statements
    .map(({ target, op, rhs }) => {
      const lvalue = variable(target);
      if (lvalue === undefined) throw new ExpressionError(`cannot assign to '${target}': there is no such variable`);
      return `${lvalue} ${op} ${toJs(rhs, resolve)};`;
    })
    .join('\n');
}

/**
 * SpikeGeneratorGroup(n, indices, times). Brian 2.5 puts a spike at time t in step
 * floor((t + 1e-3·dt)/dt): times on the grid land on their own step, times off it on the step
 * that starts before them. Two spikes of one neuron in one step are refused, as Brian does.
 */
export class SpikeGeneratorGroup implements SpikeSource {
  readonly spikes: Int32Array;
  spikeCount = 0;
  private bins: Int32Array = new Int32Array(0);
  private order: Int32Array = new Int32Array(0);
  private next = 0;
  private compiledFor?: number;

  constructor(
    readonly n: number,
    readonly indices: readonly number[],
    readonly times: readonly number[],
  ) {
    if (indices.length !== times.length) throw new RangeError('a SpikeGeneratorGroup needs as many indices as times');
    indices.forEach((i) => {
      if (!Number.isInteger(i) || i < 0 || i >= n) throw new RangeError(`spike index ${i} is outside 0..${n - 1}`);
    });
    times.forEach((t) => {
      if (!Number.isFinite(t) || t < 0) throw new RangeError(`spike time ${t} s is not a time ≥ 0`);
    });
    this.spikes = new Int32Array(Math.max(indices.length, 1));
  }

  /** The step each spike is emitted in, for this dt. */
  static stepOf(time: number, dt: number): number {
    return Math.floor((time + 1e-3 * dt) / dt);
  }

  compile(dt: number, currentStep: number): void {
    if (this.compiledFor !== dt) {
      const bins = this.times.map((t) => SpikeGeneratorGroup.stepOf(t, dt));
      // Within a step, spikes go out in time order, then by index (Brian sorts by time, then index).
      const order = bins
        .map((_, k) => k)
        .sort((a, b) => bins[a] - bins[b] || this.times[a] - this.times[b] || this.indices[a] - this.indices[b]);
      for (let k = 1; k < order.length; k++) {
        const [a, b] = [order[k - 1], order[k]];
        if (bins[a] === bins[b] && this.indices[a] === this.indices[b])
          throw new RangeError(`with dt = ${dt * 1e3} ms, generator neuron ${this.indices[a]} would spike twice in one time step`);
      }
      this.bins = Int32Array.from(order.map((k) => bins[k]));
      this.order = Int32Array.from(order);
      this.compiledFor = dt;
    }
    // Spikes scheduled before the start of this run are skipped, as in Brian.
    this.next = 0;
    while (this.next < this.bins.length && this.bins[this.next] < currentStep) this.next++;
  }

  emit(step: number): void {
    let count = 0;
    while (this.next < this.bins.length && this.bins[this.next] === step) {
      this.spikes[count++] = this.indices[this.order[this.next]];
      this.next++;
    }
    this.spikeCount = count;
  }
}

/**
 * Synapses with ordered on_pre statements and zero delay: the pathway `<name>_pre` runs in
 * the `synapses` slot (order −1, on the source's clock, as Brian's SynapticPathway) and
 * applies the statements of the spikes the source emitted in this step, synapse after synapse,
 * each seeing what the previous statement (and the previous synapse) wrote. Statements read
 * per-synapse parameters, the target's variables (`v` or `v_post`), the source's (`v_pre`,
 * for a NeuronGroup source), `i` (source index), `j` (target index), constants and units.
 */
import { KernelBuilder, constantJs, ELEMENT, type CompiledKernel } from './codegen.js';
import { dimensionOf, expectDimension, type DimensionLookup } from './dimensions.js';
import { BUILTIN_DIMS, parseEquations, parseStatements } from './equations.js';
import { ExpressionError } from './expr.js';
import { NeuronGroup } from './neuron-group.js';
import { claimName, type NetworkMember, type Scheduled } from './schedule.js';
import type { SpikeSource } from './spike-source.js';
import { CONSTANTS, DIMENSIONLESS, UNITS, type Dimension, type Quantity } from './units.js';

export interface SynapsesOptions {
  onPre: string;
  /** Per-synapse parameters, Brian-style (`w : 1`, `w : siemens`); set them with `set` after connecting. */
  model?: string;
  /** Constants the statements read: SI numbers or Quantities. */
  namespace?: Record<string, number | Quantity>;
  name?: string;
}

/** Synapses of one Synapses object, at most (their indices are Int32, and memory is finite). */
export const MAX_SYNAPSES = 100_000_000;

export class Synapses implements NetworkMember {
  readonly name: string;
  /** Synapses of each source neuron (CSR): synapse k of source s is at start[s] + k. */
  private start: Int32Array;
  private pre: Int32Array = new Int32Array(0);
  private post: Int32Array = new Int32Array(0);
  private readonly synapseVariables: string[];
  private readonly synapseDims: ReadonlyMap<string, Dimension>;
  private synState: Float64Array[] = [];
  private selected: Int32Array = new Int32Array(0);
  private deliver?: CompiledKernel;
  private compiledFor?: number;

  constructor(
    readonly source: SpikeSource,
    readonly target: NeuronGroup,
    readonly options: SynapsesOptions,
  ) {
    this.start = new Int32Array(source.n + 1);
    const model = parseEquations(options.model ?? '');
    if (model.differential.length || model.subexpressions.length || model.linked.length)
      throw new ExpressionError('synapse models here hold parameters only (e.g. "w : 1"), not equations');
    this.synapseVariables = model.parameters;
    this.synapseDims = model.dims;
    parseStatements(options.onPre); // fail early on a statement that cannot be read
    this.name = claimName('synapses', options.name);
  }

  get size(): number {
    return this.post.length;
  }

  /** connect(p=1): every source neuron to every target neuron. */
  connectAll(): this {
    const total = this.source.n * this.target.n;
    if (total > MAX_SYNAPSES)
      throw new RangeError(`connecting ${this.source.n} × ${this.target.n} neurons makes ${total} synapses, more than the ${MAX_SYNAPSES} allowed`);
    const i: number[] = [];
    const j: number[] = [];
    for (let s = 0; s < this.source.n; s++)
      for (let t = 0; t < this.target.n; t++) {
        i.push(s);
        j.push(t);
      }
    return this.connectPairs(i, j);
  }

  /** connect(i=..., j=...): explicit pairs; synapse numbers follow the given order within each source. */
  connectPairs(i: readonly number[], j: readonly number[]): this {
    if (i.length !== j.length) throw new RangeError('connectPairs needs as many sources as targets');
    if (i.length > MAX_SYNAPSES) throw new RangeError(`${i.length} synapses are more than the ${MAX_SYNAPSES} allowed`);
    const counts = new Int32Array(this.source.n + 1);
    i.forEach((s, k) => {
      if (!Number.isInteger(s) || s < 0 || s >= this.source.n) throw new RangeError(`source index ${s} out of range`);
      if (!Number.isInteger(j[k]) || j[k] < 0 || j[k] >= this.target.n) throw new RangeError(`target index ${j[k]} out of range`);
      counts[s + 1]++;
    });
    for (let s = 0; s < this.source.n; s++) counts[s + 1] += counts[s];
    this.start = counts.slice();
    const fill = counts.slice();
    this.pre = new Int32Array(i.length);
    this.post = new Int32Array(i.length);
    i.forEach((s, k) => {
      const at = fill[s]++;
      this.pre[at] = s;
      this.post[at] = j[k];
    });
    this.synState = this.synapseVariables.map(() => new Float64Array(i.length));
    this.selected = new Int32Array(i.length);
    this.compiledFor = undefined;
    return this;
  }

  /** Sets a per-synapse parameter, in synapse order (by source, then connection order). */
  set(name: string, value: number | ArrayLike<number>): void {
    const k = this.synapseVariables.indexOf(name);
    if (k < 0) throw new ExpressionError(`the synapses have no variable '${name}'`);
    if (typeof value === 'number') this.synState[k].fill(value);
    else {
      if (value.length !== this.size) throw new RangeError(`'${name}' needs ${this.size} values (one per synapse), got ${value.length}`);
      this.synState[k].set(value);
    }
  }

  scheduled(): Scheduled[] {
    return [
      {
        name: `${this.name}_pre`,
        when: 'synapses',
        order: -1,
        dt: this.source.dt,
        beforeRun: (ctx) => this.compile(ctx.dt),
        tick: (ctx) => this.propagate(ctx.t, ctx.dt, ctx.rng),
      },
    ];
  }

  private constant(name: string): number | Quantity | undefined {
    const ns = this.options.namespace ?? {};
    if (Object.hasOwn(ns, name)) return ns[name];
    return undefined;
  }

  private compile(dt: number): void {
    if (this.compiledFor === dt) return;
    const b = new KernelBuilder();
    const preIndex = `${b.array(this.pre)}[${ELEMENT}]`;
    const postIndex = `${b.array(this.post)}[${ELEMENT}]`;
    const target = this.target.resolver(b, postIndex);
    const source = this.source instanceof NeuronGroup ? this.source.resolver(b, preIndex) : undefined;
    const own = (name: string) => {
      const k = this.synapseVariables.indexOf(name);
      return k >= 0 ? `${b.array(this.synState[k])}[${ELEMENT}]` : undefined;
    };
    const lvalue = (name: string): string | undefined => {
      const syn = own(name);
      if (syn) return syn;
      const post = name.endsWith('_post') ? name.slice(0, -5) : name;
      return this.target.has(post) ? target(post) : undefined;
    };
    const resolve = (name: string): string => {
      const syn = own(name);
      if (syn) return syn;
      if (name === 'i') return preIndex;
      if (name === 'j') return postIndex;
      if (name.endsWith('_pre')) {
        if (!source) throw new ExpressionError(`'${name}': the source of these synapses has no variables`);
        return source(name.slice(0, -4));
      }
      const value = this.constant(name);
      if (value !== undefined) return constantJs(typeof value === 'number' ? value : value.value, name);
      if (name.endsWith('_post')) return target(name.slice(0, -5));
      if (UNITS.has(name) && !this.target.has(name)) return constantJs(UNITS.get(name)!.scale, name);
      if (CONSTANTS.has(name) && !this.target.has(name)) return constantJs(CONSTANTS.get(name)!, name);
      return target(name);
    };
    const statements = parseStatements(this.options.onPre);
    const lookup = this.dimensionLookup();
    for (const s of statements) {
      const targetName = s.target.endsWith('_post') ? s.target.slice(0, -5) : s.target;
      const dim = this.synapseDims.get(s.target) ?? this.target.dimensionOf(targetName);
      if (dim && (s.op === '=' || s.op === '+=' || s.op === '-=')) expectDimension(s.rhs, dim, lookup, `on_pre ${s.target} ${s.op} …`);
      else dimensionOf(s.rhs, lookup);
    }
    this.deliver = b.statements(statements, lvalue, resolve).build('selected');
    this.compiledFor = dt;
  }

  private dimensionLookup(): DimensionLookup {
    return (name) => {
      if (this.synapseDims.has(name)) return this.synapseDims.get(name);
      if (name === 'i' || name === 'j') return DIMENSIONLESS;
      const value = this.constant(name);
      if (value !== undefined) return typeof value === 'number' ? null : value.dim;
      if (name.endsWith('_pre')) return this.source instanceof NeuronGroup ? this.source.dimensionOf(name.slice(0, -4)) : null;
      const post = name.endsWith('_post') ? name.slice(0, -5) : name;
      if (this.target.has(post) || this.target.isSubexpression(post)) return this.target.dimensionOf(post);
      if (BUILTIN_DIMS.has(name)) return BUILTIN_DIMS.get(name);
      return undefined;
    };
  }

  /** `synapses` slot: the synapses of every source neuron that spiked, in spike order. */
  private propagate(t: number, dt: number, rng: Parameters<CompiledKernel['run']>[4]): void {
    const { spikes, spikeCount } = this.source;
    if (!spikeCount) return;
    let count = 0;
    for (let k = 0; k < spikeCount; k++) {
      const s = spikes[k];
      for (let syn = this.start[s]; syn < this.start[s + 1]; syn++) this.selected[count++] = syn;
    }
    if (count) this.deliver!.run(this.deliver!.arrays, this.size, t, dt, rng, this.selected, count);
  }
}

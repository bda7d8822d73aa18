/**
 * Synapses with ordered on_pre statements and zero delay: the statements of the spikes a source
 * emitted in this step are applied in the `synapses` slot, synapse after synapse, each seeing
 * what the previous statement (and the previous synapse) wrote.
 */
import { parseEquations, parseStatements } from './equations.js';
import { ExpressionError } from './expr.js';
import type { NeuronGroup, SpikeSource } from './groups.js';
import { statementsSource } from './groups.js';

type DeliverFn = (state: Float64Array[], synState: Float64Array[], targets: Int32Array, from: number, to: number, t: number) => void;

export interface SynapsesOptions {
  onPre: string;
  /** Per-synapse parameters, Brian-style (`w : 1`); set them with `set` after connecting. */
  model?: string;
  /** Constants the statements read (e.g. w, U), in SI units. */
  namespace?: Record<string, number>;
}

export class Synapses {
  /** Synapses of each source neuron, as target indices (CSR layout); synapse k targets targets[k]. */
  private start: Int32Array;
  private targets: Int32Array;
  private readonly synapseVariables: string[];
  private synState: Float64Array[];
  private deliver?: DeliverFn;
  private compiledFor?: number;

  constructor(
    readonly source: SpikeSource,
    readonly target: NeuronGroup,
    readonly options: SynapsesOptions,
  ) {
    this.start = new Int32Array(source.n + 1);
    this.targets = new Int32Array(0);
    const model = parseEquations(options.model ?? '');
    if (model.differential.length || model.subexpressions.length)
      throw new ExpressionError('synapse models here hold parameters only (e.g. "w : 1"), not equations');
    this.synapseVariables = model.parameters;
    this.synState = [];
    parseStatements(options.onPre); // fail early on a statement that cannot be read
  }

  get size(): number {
    return this.targets.length;
  }

  /** connect(p=1): every source neuron to every target neuron. */
  connectAll(): this {
    const ns = this.source.n;
    const nt = this.target.n;
    const i: number[] = [];
    const j: number[] = [];
    for (let s = 0; s < ns; s++) for (let t = 0; t < nt; t++) i.push(s), j.push(t);
    return this.connectPairs(i, j);
  }

  /** connect(i=..., j=...): explicit pairs; synapse numbers follow the given order within each source. */
  connectPairs(i: readonly number[], j: readonly number[]): this {
    if (i.length !== j.length) throw new RangeError('connectPairs needs as many sources as targets');
    const counts = new Int32Array(this.source.n + 1);
    i.forEach((s, k) => {
      if (!Number.isInteger(s) || s < 0 || s >= this.source.n) throw new RangeError(`source index ${s} out of range`);
      if (!Number.isInteger(j[k]) || j[k] < 0 || j[k] >= this.target.n) throw new RangeError(`target index ${j[k]} out of range`);
      counts[s + 1]++;
    });
    for (let s = 0; s < this.source.n; s++) counts[s + 1] += counts[s];
    this.start = counts.slice();
    const fill = counts.slice();
    this.targets = new Int32Array(i.length);
    i.forEach((s, k) => (this.targets[fill[s]++] = j[k]));
    this.synState = this.synapseVariables.map(() => new Float64Array(i.length));
    return this;
  }

  /** Sets a per-synapse parameter, in synapse order (by source, then connection order). */
  set(name: string, value: number | ArrayLike<number>): void {
    const k = this.synapseVariables.indexOf(name);
    if (k < 0) throw new ExpressionError(`the synapses have no variable '${name}'`);
    if (typeof value === 'number') this.synState[k].fill(value);
    else this.synState[k].set(value);
  }

  compile(dt: number): void {
    if (this.compiledFor === dt) return;
    const eqs = this.target.eqs;
    const index = new Map(eqs.stateVariables.map((name, k) => [name, k]));
    const ctx = { eqs, namespace: this.options.namespace ?? {}, dt, local: (name: string) => `_s${index.get(name)}[j]` };
    const variable = (name: string): string | undefined => {
      const syn = this.synapseVariables.indexOf(name);
      if (syn >= 0) return `_y${syn}[k]`;
      const post = index.has(name) ? name : name.endsWith('_post') ? name.slice(0, -5) : undefined;
      return post !== undefined && index.has(post) ? `_s${index.get(post)}[j]` : undefined;
    };
    const arrays = [
      ...eqs.stateVariables.map((_, k) => `const _s${k} = S[${k}];`),
      ...this.synapseVariables.map((_, k) => `const _y${k} = Y[${k}];`),
    ].join('\n');
    const body = statementsSource(parseStatements(this.options.onPre), ctx, variable);
    this.deliver = new Function('S', 'Y', 'T', 'from', 'to', 't', `${arrays}\nfor (let k = from; k < to; k++) {\nconst j = T[k];\n${body}\n}`) as DeliverFn;
    this.compiledFor = dt;
  }

  /** `synapses` slot. */
  propagate(t: number): void {
    const { spikes, spikeCount } = this.source;
    for (let k = 0; k < spikeCount; k++) {
      const i = spikes[k];
      this.deliver!(this.target.state, this.synState, this.targets, this.start[i], this.start[i + 1], t);
    }
  }
}

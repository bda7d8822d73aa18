/**
 * Synapses with ordered on_pre statements and zero delay: the statements of the spikes a source
 * emitted in this step are applied in the `synapses` slot, synapse after synapse, each seeing
 * what the previous statement (and the previous synapse) wrote.
 */
import { parseStatements } from './equations.js';
import type { NeuronGroup, SpikeSource } from './groups.js';
import { statementsSource } from './groups.js';

type DeliverFn = (state: Float64Array[], targets: Int32Array, from: number, to: number, t: number) => void;

export interface SynapsesOptions {
  onPre: string;
  /** Constants the statements read (e.g. w, U), in SI units. */
  namespace?: Record<string, number>;
}

export class Synapses {
  /** Synapses of each source neuron, as target indices (CSR layout). */
  private start: Int32Array;
  private targets: Int32Array;
  private deliver?: DeliverFn;
  private compiledFor?: number;

  constructor(
    readonly source: SpikeSource,
    readonly target: NeuronGroup,
    readonly options: SynapsesOptions,
  ) {
    this.start = new Int32Array(source.n + 1);
    this.targets = new Int32Array(0);
    parseStatements(options.onPre); // fail early on a statement that cannot be read
  }

  /** connect(p=1): every source neuron to every target neuron. */
  connectAll(): this {
    const { n: ns } = this.source;
    const nt = this.target.n;
    this.targets = new Int32Array(ns * nt);
    for (let i = 0; i < ns; i++) {
      this.start[i] = i * nt;
      for (let j = 0; j < nt; j++) this.targets[i * nt + j] = j;
    }
    this.start[ns] = ns * nt;
    return this;
  }

  /** connect(i=..., j=...): explicit pairs, kept in the given order per source. */
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
    return this;
  }

  compile(dt: number): void {
    if (this.compiledFor === dt) return;
    const eqs = this.target.eqs;
    const index = new Map(eqs.stateVariables.map((name, k) => [name, k]));
    const ctx = { eqs, namespace: this.options.namespace ?? {}, dt, local: (name: string) => `_s${index.get(name)}[j]` };
    const arrays = eqs.stateVariables.map((_, k) => `const _s${k} = S[${k}];`).join('\n');
    const body = statementsSource(parseStatements(this.options.onPre), ctx, index, 'j');
    this.deliver = new Function('S', 'T', 'from', 'to', 't', `${arrays}\nfor (let k = from; k < to; k++) {\nconst j = T[k];\n${body}\n}`) as DeliverFn;
    this.compiledFor = dt;
  }

  /** `synapses` slot. */
  propagate(t: number): void {
    const { spikes, spikeCount } = this.source;
    for (let k = 0; k < spikeCount; k++) {
      const i = spikes[k];
      this.deliver!(this.target.state, this.targets, this.start[i], this.start[i + 1], t);
    }
  }
}

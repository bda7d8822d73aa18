/** StateMonitor and SpikeMonitor, recording where Brian records and on their source's clock. */
import { ExpressionError } from './expr.js';
import type { NeuronGroup } from './neuron-group.js';
import { claimName, type NetworkMember, type Scheduled, type StepContext } from './schedule.js';
import type { SpikeSource } from './spike-source.js';

export interface MonitorOptions {
  name?: string;
}

/**
 * Records in the `start` slot (order 0): the sample at t_k is the state before step k's
 * update. Records stored variables, subexpressions and linked variables (evaluated at the sample).
 */
export class StateMonitor implements NetworkMember {
  readonly name: string;
  /** Sample times in seconds. */
  readonly t: number[] = [];
  private readonly traces: Map<string, number[][]>;
  private readonly readers: Map<string, (t: number) => ArrayLike<number>>;
  readonly record: number[];

  constructor(
    readonly group: NeuronGroup,
    readonly variables: string[],
    record: number[] | true = true,
    options: MonitorOptions = {},
  ) {
    this.record = record === true ? Array.from({ length: group.n }, (_, i) => i) : record;
    for (const i of this.record) if (!Number.isInteger(i) || i < 0 || i >= group.n) throw new RangeError(`cannot record neuron ${i} of a group of ${group.n}`);
    this.readers = new Map<string, (t: number) => ArrayLike<number>>(
      variables.map((v): [string, (t: number) => ArrayLike<number>] => {
        if (group.isSubexpression(v) || group.isLinked(v)) {
          const out = new Float64Array(group.n);
          const evaluate = group.evaluator(v);
          return [v, (t: number) => (evaluate(out, t), out)];
        }
        if (!group.has(v)) throw new ExpressionError(`the group has no variable '${v}' to record`);
        const arr = group.variable(v);
        return [v, () => arr];
      }),
    );
    this.traces = new Map(variables.map((v) => [v, this.record.map(() => [])]));
    this.name = claimName('statemonitor', options.name);
  }

  scheduled(): Scheduled[] {
    return [{ name: this.name, when: 'start', order: 0, dt: this.group.dt, beforeRun: () => undefined, tick: (ctx) => this.sample(ctx) }];
  }

  private sample({ t }: StepContext): void {
    this.t.push(t);
    for (const [name, rows] of this.traces) {
      const values = this.readers.get(name)!(t);
      this.record.forEach((i, k) => rows[k].push(values[i]));
    }
  }

  /** The trace of `variable` for the k-th recorded neuron. */
  trace(variable: string, k = 0): number[] {
    const rows = this.traces.get(variable);
    if (!rows) throw new RangeError(`the monitor does not record '${variable}'`);
    if (!(k >= 0 && k < rows.length)) throw new RangeError(`the monitor records ${rows.length} neuron(s), not index ${k}`);
    return rows[k];
  }
}

/** Counts spikes right after its source emits them (same slot, order + 1); keeps (i, t) pairs when asked. */
export class SpikeMonitor implements NetworkMember {
  readonly name: string;
  readonly count: Int32Array;
  readonly i: number[] = [];
  readonly t: number[] = [];

  constructor(
    readonly source: SpikeSource,
    readonly keepTimes = true,
    options: MonitorOptions = {},
  ) {
    this.count = new Int32Array(source.n);
    this.name = claimName('spikemonitor', options.name);
  }

  scheduled(): Scheduled[] {
    const { when, order } = this.source.spikeSlot;
    return [{ name: this.name, when, order: order + 1, dt: this.source.dt, beforeRun: () => undefined, tick: (ctx) => this.sample(ctx) }];
  }

  private sample({ t }: StepContext): void {
    const { spikes, spikeCount } = this.source;
    for (let k = 0; k < spikeCount; k++) {
      const i = spikes[k];
      this.count[i]++;
      if (this.keepTimes) {
        this.i.push(i);
        this.t.push(t);
      }
    }
  }
}

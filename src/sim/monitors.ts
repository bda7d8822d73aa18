/** StateMonitor and SpikeMonitor, recording where Brian records. */
import type { NeuronGroup, SpikeSource } from './groups.js';

/**
 * Records in the `start` slot: the sample at t_k is the state before step k's update.
 */
export class StateMonitor {
  /** Sample times in seconds. */
  readonly t: number[] = [];
  private readonly traces: Map<string, number[][]>;
  readonly record: number[];

  constructor(
    readonly group: NeuronGroup,
    readonly variables: string[],
    record: number[] | true = true,
  ) {
    this.record = record === true ? Array.from({ length: group.n }, (_, i) => i) : record;
    for (const v of variables) group.variable(v); // unknown names fail here, not mid-run
    this.traces = new Map(variables.map((v) => [v, this.record.map(() => [])]));
  }

  sample(t: number): void {
    this.t.push(t);
    for (const [name, rows] of this.traces) {
      const arr = this.group.variable(name);
      this.record.forEach((i, k) => rows[k].push(arr[i]));
    }
  }

  /** The trace of `variable` for the k-th recorded neuron. */
  trace(variable: string, k = 0): number[] {
    const rows = this.traces.get(variable);
    if (!rows) throw new RangeError(`the monitor does not record '${variable}'`);
    return rows[k];
  }
}

/** Counts spikes in the `thresholds` slot; keeps (i, t) pairs when asked. */
export class SpikeMonitor {
  readonly count: Int32Array;
  readonly i: number[] = [];
  readonly t: number[] = [];

  constructor(
    readonly source: SpikeSource,
    readonly keepTimes = true,
  ) {
    this.count = new Int32Array(source.n);
  }

  sample(t: number): void {
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

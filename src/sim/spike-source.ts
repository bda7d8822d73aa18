/** Anything that emits spikes: NeuronGroup, SpikeGeneratorGroup. */
import type { Slot } from './schedule.js';

export interface SpikeSource {
  readonly name: string;
  readonly n: number;
  /** Indices that spiked in the current step (valid until the source's next step). */
  readonly spikes: Int32Array;
  readonly spikeCount: number;
  /** The slot and order where the spikes are emitted: a SpikeMonitor runs right after (order + 1), as in Brian. */
  readonly spikeSlot: { when: Slot; order: number };
  /** The source's own clock step, if it has one. */
  readonly dt?: number;
}

/**
 * SpikeGeneratorGroup(n, indices, times), in the `thresholds` slot (order 0). Brian 2.5 puts
 * a spike at time t in step floor((t + 1e-3·dt)/dt): times on the grid land on their own
 * step, times off it on the step that starts before them. Two spikes of one neuron in one
 * step are refused, as Brian does.
 */
import { checkDt, claimName, type NetworkMember, type RunContext, type Scheduled, type Slot } from './schedule.js';
import type { SpikeSource } from './spike-source.js';

export interface SpikeGeneratorOptions {
  name?: string;
  order?: number;
  dt?: number;
}

export class SpikeGeneratorGroup implements NetworkMember, SpikeSource {
  readonly name: string;
  readonly spikes: Int32Array;
  spikeCount = 0;
  readonly spikeSlot: { when: Slot; order: number };
  readonly dt?: number;
  private bins: Int32Array = new Int32Array(0);
  private order: Int32Array = new Int32Array(0);
  private next = 0;
  private compiledFor?: number;

  constructor(
    readonly n: number,
    readonly indices: readonly number[],
    readonly times: readonly number[],
    options: SpikeGeneratorOptions = {},
  ) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`a SpikeGeneratorGroup needs a whole number of neurons ≥ 1, got ${n}`);
    if (indices.length !== times.length) throw new RangeError('a SpikeGeneratorGroup needs as many indices as times');
    indices.forEach((i) => {
      if (!Number.isInteger(i) || i < 0 || i >= n) throw new RangeError(`spike index ${i} is outside 0..${n - 1}`);
    });
    times.forEach((t) => {
      if (!Number.isFinite(t) || t < 0) throw new RangeError(`spike time ${t} s is not a time ≥ 0`);
    });
    if (options.dt !== undefined) this.dt = checkDt(options.dt, 'the generator dt');
    this.spikeSlot = { when: 'thresholds', order: options.order ?? 0 };
    this.name = claimName('spikegeneratorgroup', options.name);
    this.spikes = new Int32Array(Math.max(indices.length, 1));
  }

  /** The step each spike is emitted in, for this dt. */
  static stepOf(time: number, dt: number): number {
    return Math.floor((time + 1e-3 * dt) / dt);
  }

  scheduled(): Scheduled[] {
    return [
      {
        name: this.name,
        when: this.spikeSlot.when,
        order: this.spikeSlot.order,
        dt: this.dt,
        beforeRun: (ctx: RunContext) => this.prepare(ctx.dt, ctx.firstStep),
        tick: (ctx) => this.emit(ctx.step),
      },
    ];
  }

  private prepare(dt: number, currentStep: number): void {
    if (this.compiledFor !== dt) {
      const bins = this.times.map((t) => SpikeGeneratorGroup.stepOf(t, dt));
      // Within a step, spikes go out in time order, then by index (Brian sorts by time, then index).
      const order = bins.map((_, k) => k).sort((a, b) => bins[a] - bins[b] || this.times[a] - this.times[b] || this.indices[a] - this.indices[b]);
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

  private emit(step: number): void {
    let count = 0;
    while (this.next < this.bins.length && this.bins[this.next] === step) {
      this.spikes[count++] = this.indices[this.order[this.next]];
      this.next++;
    }
    this.spikeCount = count;
  }
}

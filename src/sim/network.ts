/**
 * The clock and Brian2's default schedule. One step k (t = k·dt):
 *   start      StateMonitors record (state before the update)
 *   groups     every NeuronGroup integrates
 *   thresholds NeuronGroups test the updated state; generators emit; SpikeMonitors count
 *   synapses   on_pre of this step's spikes (zero delay)
 *   resets     neurons that spiked in `thresholds` are reset
 */
import { NeuronGroup, SpikeGeneratorGroup } from './groups.js';
import { SpikeMonitor, StateMonitor } from './monitors.js';
import { Synapses } from './synapses.js';

export interface NormalSource {
  normal(): number;
}

export type NetworkObject = NeuronGroup | SpikeGeneratorGroup | Synapses | StateMonitor | SpikeMonitor;

export interface NetworkOptions {
  dt: number;
  /** Needed only by models with noise (xi). */
  rng?: NormalSource;
}

/** Brian's Clock.epsilon_dt: a time within this fraction of dt of a step counts as on it. */
const EPSILON_DT = 1e-4;

/**
 * The step a time falls on: round(t/dt) when that is within 0.01 % of dt, else the next step
 * (Brian's Clock._calc_timestep).
 */
export function timestepOf(t: number, dt: number): number {
  const nearest = Math.round(t / dt);
  if (nearest * dt === t || Math.abs(nearest * dt - t) / dt <= EPSILON_DT) return nearest;
  return Math.ceil(t / dt);
}

const noNoise: NormalSource = {
  normal() {
    throw new Error('this network has noise (xi) but no random generator was given');
  },
};

export class Network {
  readonly dt: number;
  /** Current time in seconds, as Brian keeps it (the end of the last run). */
  t = 0;
  private readonly neurons: NeuronGroup[] = [];
  private readonly generators: SpikeGeneratorGroup[] = [];
  private readonly synapses: Synapses[] = [];
  private readonly stateMonitors: StateMonitor[] = [];
  private readonly spikeMonitors: SpikeMonitor[] = [];
  private readonly rng: NormalSource;

  constructor(objects: NetworkObject[], options: NetworkOptions) {
    if (!(options.dt > 0) || !Number.isFinite(options.dt)) throw new RangeError(`dt must be a positive time, got ${options.dt}`);
    this.dt = options.dt;
    this.rng = options.rng ?? noNoise;
    for (const o of objects) {
      if (o instanceof NeuronGroup) this.neurons.push(o);
      else if (o instanceof SpikeGeneratorGroup) this.generators.push(o);
      else if (o instanceof Synapses) this.synapses.push(o);
      else if (o instanceof StateMonitor) this.stateMonitors.push(o);
      else this.spikeMonitors.push(o);
    }
  }

  /** Advances the clock by `duration` seconds; `onStep` (optional) hears the progress. */
  run(duration: number, onStep?: (done: number, total: number) => void): void {
    if (!(duration >= 0) || !Number.isFinite(duration)) throw new RangeError(`a run needs a duration ≥ 0, got ${duration}`);
    const { dt } = this;
    const first = timestepOf(this.t, dt);
    const end = timestepOf(this.t + duration, dt);
    for (const g of this.neurons) g.compile(dt);
    for (const g of this.generators) g.compile(dt, first);
    for (const s of this.synapses) s.compile(dt);
    for (let step = first; step < end; step++) {
      const t = step * dt;
      for (const m of this.stateMonitors) m.sample(t);
      for (const g of this.neurons) g.update(t, this.rng);
      for (const g of this.neurons) g.threshold(t);
      for (const g of this.generators) g.emit(step);
      for (const m of this.spikeMonitors) m.sample(t);
      for (const s of this.synapses) s.propagate(t);
      for (const g of this.neurons) g.reset(t);
      onStep?.(step - first + 1, end - first);
    }
    this.t += duration;
  }
}

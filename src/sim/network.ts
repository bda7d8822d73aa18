/**
 * The Network: Brian's run loop. Every member's scheduled parts are sorted by (slot, order,
 * name); at each step of a clock, the parts on that clock run in that order. With the default
 * slots one step k (t = k·dt) is:
 *   start      StateMonitors record (state before the update)
 *   groups     every NeuronGroup integrates
 *   thresholds NeuronGroups test the updated state; generators emit; SpikeMonitors count
 *   synapses   on_pre of this step's spikes (zero delay)
 *   resets     neurons that spiked in `thresholds` are reset
 * Several clocks (a group with its own dt) advance as in Brian: each iteration runs the
 * clocks whose time is the smallest (within EPSILON_DT). The network time is the float sum of
 * the run durations; a run from T to T + d covers steps timestepOf(T) … timestepOf(T + d) − 1.
 */
import { asRandomSource, NO_RANDOM, type RandomSource, type ScalarRandom } from './random-source.js';
import { checkDt, EPSILON_DT, scheduleOrder, timestepOf, type NetworkMember, type Scheduled } from './schedule.js';

export { timestepOf } from './schedule.js';

export interface NetworkOptions {
  /** The default clock's dt in seconds (Brian's defaultclock.dt). */
  dt: number;
  /** Random numbers for every group that has no source of its own. */
  rng?: RandomSource | ScalarRandom;
}

/** Brian warns beyond 2^40 steps (t no longer a multiple of dt); here such a run is refused. */
export const MAX_STEPS = 2 ** 40;

interface Clock {
  dt: number;
  step: number;
  end: number;
  parts: Scheduled[];
}

export class Network {
  readonly dt: number;
  /** Current time in seconds, as Brian keeps it (the sum of the run durations). */
  t = 0;
  private readonly parts: Scheduled[];
  private readonly rng: RandomSource;

  constructor(members: NetworkMember[], options: NetworkOptions) {
    this.dt = checkDt(options.dt, 'dt');
    this.rng = options.rng ? asRandomSource(options.rng) : NO_RANDOM;
    const seen = new Set<string>();
    for (const m of members) {
      if (seen.has(m.name)) throw new RangeError(`two objects of the network are named '${m.name}'`);
      seen.add(m.name);
    }
    this.parts = members.flatMap((m) => m.scheduled()).sort(scheduleOrder);
  }

  /** The scheduled parts in the order they run (Brian's scheduling_summary). */
  get schedule(): readonly { name: string; when: string; order: number; dt: number }[] {
    return this.parts.map((p) => ({ name: p.name, when: p.when, order: p.order, dt: p.dt ?? this.dt }));
  }

  /** Advances the clocks by `duration` seconds; `onStep` (optional) hears the progress. */
  run(duration: number, onStep?: (done: number, total: number) => void): void {
    if (!(duration >= 0) || !Number.isFinite(duration)) throw new RangeError(`a run needs a duration ≥ 0, got ${duration}`);
    const tEnd = this.t + duration;
    const clocks = new Map<number, Clock>();
    const owners: Clock[] = [];
    for (const part of this.parts) {
      const dt = part.dt ?? this.dt;
      let clock = clocks.get(dt);
      if (!clock) {
        clock = { dt, step: timestepOf(this.t, dt), end: timestepOf(tEnd, dt), parts: [] };
        if (!(clock.end <= MAX_STEPS))
          throw new RangeError(
            `a run to ${tEnd} s at dt = ${dt} s would reach step ${clock.end}, beyond 2^40 (Brian warns there); use a larger dt or a shorter run`,
          );
        clocks.set(dt, clock);
      }
      clock.parts.push(part);
      owners.push(clock);
      part.beforeRun({ dt, firstStep: clock.step, rng: this.rng });
    }
    if (clocks.size <= 1) this.runOneClock([...clocks.values()][0], onStep);
    else this.runClocks([...clocks.values()], owners, onStep);
    this.t = tEnd;
  }

  private runOneClock(clock: Clock | undefined, onStep?: (done: number, total: number) => void): void {
    if (!clock) return;
    const { dt, parts, end } = clock;
    const first = clock.step;
    const ctx = { step: first, t: 0, dt, rng: this.rng };
    for (let step = first; step < end; step++) {
      ctx.step = step;
      ctx.t = step * dt;
      for (const p of parts) p.tick(ctx);
      onStep?.(step - first + 1, end - first);
    }
  }

  /** Brian's multi-clock loop (Network.run with _nextclocks). */
  private runClocks(clocks: Clock[], owners: Clock[], onStep?: (done: number, total: number) => void): void {
    const total = Math.max(...clocks.map((c) => c.end - c.step));
    let done = 0;
    const next = () => {
      let min = clocks[0];
      for (const c of clocks) if (c.step * c.dt < min.step * min.dt) min = c;
      const tMin = min.step * min.dt;
      const current = new Set(clocks.filter((c) => c.step * c.dt === tMin || Math.abs(c.step * c.dt - tMin) / Math.min(min.dt, c.dt) < EPSILON_DT));
      return { min, current };
    };
    let { min, current } = next();
    while (min.step < min.end) {
      this.parts.forEach((p, k) => {
        const clock = owners[k];
        if (current.has(clock)) p.tick({ step: clock.step, t: clock.step * clock.dt, dt: clock.dt, rng: this.rng });
      });
      for (const c of current) c.step++;
      ({ min, current } = next());
      onStep?.(++done, total);
    }
  }
}

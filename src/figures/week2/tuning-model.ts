/**
 * The tuning curve's model and how its conditions are run (./tuning-curve.ts is the
 * figure). One population per δt, as in the notebook's firing_rate(); each δt draws from its
 * own random streams, so results do not depend on how the work is split: condition k runs
 * NORMAL_LANES (4) independent streams interleaved by neuron, lane ℓ = Rng.stream(seed, 4k + ℓ),
 * neuron i drawing all its normals from lane i mod 4 in step order (interleavedStreams and
 * InterleavedNormals in src/sim/random.ts: the one definition of the layout).
 *
 * referenceRun() is the notebook's model on the generic core (the reference); the figure runs
 * the hand-tuned kernel (src/sim/kernels/noisy-lif.ts, or its WebAssembly build in the
 * workers), which tests/sim/kernel.test.ts shows equal to the core bit for bit on the same streams.
 * With ctx.pool the conditions are spread over its threads (the job TUNING_JOB).
 */
import { Network, NeuronGroup, numpySource, SpikeGeneratorGroup, SpikeMonitor, Synapses, withNameScope, type RandomSource } from '../../sim/index.js';
import { RandomState } from '../../sim/numpy/index.js';
import { pairwiseSum } from '../../sim/numpy/pairwise-sum.js';
import type { NoisyLifState } from '../../sim/kernels/noisy-lif.js';
import { noisyLifKernel } from '../../sim/kernels/noisy-lif-wasm.js';
import { InterleavedNormals, type Rng } from '../../sim/random.js';
import { yieldToEventLoop } from '../pool.js';
import type { BuildContext } from '../spec.js';
import { conditionStats, TUNING_JOB, type ConditionStats, type ConditionTask, type TuningCondition } from './tuning-condition.js';

export { conditionStats, kernelRun, TUNING_JOB } from './tuning-condition.js';
export type { ConditionStats, ConditionTask, NoisyLifKernel, TuningCondition } from './tuning-condition.js';

export const NOISY_LIF = 'dv/dt = -v/tau + sigma*xi*sqrt(2/tau) : 1';

/**
 * The notebook's firing_rate(delta_t, w, N, tau, sigma): spike count of every neuron, the
 * noise drawn from `streams` in the interleaved layout (neuron i from streams[i mod L]).
 */
export function referenceRun(c: TuningCondition, streams: readonly Rng[]): NoisyLifState {
  return modelRun(c, new InterleavedNormals(streams, c.n));
}

/** firing_rate() on the generic core with the noise drawn from `rng`. */
function modelRun(c: TuningCondition, rng: RandomSource): NoisyLifState {
  const H = new SpikeGeneratorGroup(2, [0, 1], [c.stimTime, c.stimTime + c.deltaT]);
  const G = new NeuronGroup(c.n, NOISY_LIF, { threshold: 'v>1', reset: 'v=0', method: 'euler', namespace: { tau: c.tau, sigma: c.sigma } });
  const S = new Synapses(H, G, { onPre: 'v += w', namespace: { w: c.w } }).connectAll();
  const M = new SpikeMonitor(G, false);
  new Network([H, G, S, M], { dt: c.dt, rng }).run(c.duration);
  return { counts: M.count, v: G.variable('v') };
}

/** Every condition's stats, in order: in ctx.pool when there is one, else here. */
export async function allStats(tasks: ConditionTask[], ctx: BuildContext): Promise<ConditionStats[]> {
  ctx.progress?.(0, tasks.length);
  if (ctx.pool) return ctx.pool.run<ConditionTask, ConditionStats>(TUNING_JOB, tasks, { signal: ctx.signal, onDone: ctx.progress });
  const kernel = noisyLifKernel(ctx.wasm);
  const out: ConditionStats[] = [];
  for (const task of tasks) {
    ctx.signal?.throwIfAborted();
    out.push(conditionStats(task, kernel));
    ctx.progress?.(out.length, tasks.length);
    await yieldToEventLoop();
  }
  ctx.signal?.throwIfAborted();
  return out;
}

/**
 * `--rng numpy`: the seed notebook's loop on Brian2's numpy target. One RandomState seeded once
 * (brian2 seed(s) before the loop over δt); each δt's network then draws randn(N) per step from
 * it, δt after δt, so the spike counts are Brian2's count for count. One stream: one thread.
 * Yields each condition's counts in order (tests compare them with Brian2's).
 */
export function* numpyCounts(conditions: readonly TuningCondition[], seed: number): Generator<Int32Array> {
  const source = numpySource(new RandomState(seed));
  // Each δt's network is built after an await: it takes names of its own, as the figure's first would.
  for (const c of conditions) yield Int32Array.from(withNameScope(() => modelRun(c, source)).counts);
}

/** mean(counts) and std(counts, ddof=1)/sqrt(n) with numpy's pairwise sums, as the notebook's numpy computes them. */
export function numpyStatsOf(counts: ArrayLike<number>): ConditionStats {
  const n = counts.length;
  const m = pairwiseSum(Float64Array.from(counts)) / n;
  const squares = Float64Array.from(counts, (c) => (c - m) * (c - m));
  return { mean: m, sem: n > 1 ? Math.sqrt(pairwiseSum(squares) / (n - 1)) / Math.sqrt(n) : 0 };
}

export async function numpyStats(conditions: TuningCondition[], seed: number, ctx: BuildContext): Promise<ConditionStats[]> {
  const out: ConditionStats[] = [];
  ctx.progress?.(0, conditions.length);
  for (const counts of numpyCounts(conditions, seed)) {
    out.push(numpyStatsOf(counts));
    ctx.progress?.(out.length, conditions.length);
    await yieldToEventLoop();
    ctx.signal?.throwIfAborted();
  }
  return out;
}

/**
 * Notebook section "Spike time tuning curve": N noisy leaky neurons each receive two input
 * spikes δt apart; the mean spike count per neuron peaks when the inputs coincide. The model
 * and the way its δt conditions are run (kernel, worker threads, random streams) are in
 * ./tuning-model.ts.
 */
import { sweepInputs, timeText } from './checks.js';
import { linspace, toMs } from './common.js';
import { figure } from './figure.js';
import { plot } from './marks.js';
import { dt, duration, int, num, time, timeConstant, type Values } from './params.js';
import { rng, seed } from './randomness.js';
import { allStats, numpyStats, type TuningCondition } from './tuning-model.js';

// src/workers/tuning-curve.ts and tests/kernel.test.ts reach the model through this module.
export { conditionStats, kernelRun, NOISY_LIF, numpyCounts, referenceRun } from './tuning-model.js';
export type { ConditionStats, ConditionTask, NoisyLifKernel, TuningCondition } from './tuning-model.js';

const PARAMS = {
  w: num('0.8', 'synaptic weight of each input spike'),
  n: int('10000', 'neurons per δt (at least 2: the error bars are standard errors over neurons)').min(2),
  tau: timeConstant('2ms', 'membrane time constant'),
  sigma: num('0.3', 'noise amplitude (standard deviation of v)').min(0),
  deltaMin: time('-10ms', 'smallest δt'),
  deltaMax: time('10ms', 'largest δt'),
  points: int('41', 'number of δt values (1: δt = --delta-min only)').min(1).max(100_000),
  stimTime: time('150ms', 'time of the first input spike').min(0),
  duration: duration('200ms', 'simulated time per δt'),
  seed: seed('1', 'random seed (same seed, same figure); with --rng numpy, brian2 seed(s) once before the loop over δt'),
  // The fast parallel streams by default; numpy reproduces Brian2's numpy target count for count (one stream, one thread).
  rng: rng('fast'),
  dt,
};

/** One population per δt; as the notebook: np.linspace(-10, 10, 41)*ms, spaced in ms, then scaled to seconds. */
export function conditions({ deltaMin, deltaMax, points, w, n, tau, sigma, stimTime, duration, dt }: Values<typeof PARAMS>): TuningCondition[] {
  return linspace(toMs(deltaMin), toMs(deltaMax), points).map((deltaMs) => ({ deltaT: deltaMs * 1e-3, w, n, tau, sigma, stimTime, duration, dt }));
}

export const tuningCurve = figure({
  name: 'tuning-curve',
  section: 'Spike time tuning curve',
  summary: 'mean spike count of noisy LIF neurons against the delay δt between two inputs',
  figsize: [8, 5],
  dpi: 200,
  params: PARAMS,
  method: 'euler',
  parallel: true,
  progress: true,
  check({ deltaMin: lo, deltaMax: hi, points }) {
    // One point is δt = --delta-min alone (numpy's linspace with num=1), so --delta-max is moot.
    if (points === 1 && lo !== hi) return [{ option: 'points', warning: true, message: `1 draws only δt = --delta-min (${timeText(lo)}); --delta-max is not used` }];
    if (points > 1 && lo > hi) return [{ option: 'delta-min', message: `${timeText(lo)} must not exceed --delta-max (${timeText(hi)})` }];
    return [];
  },
  checkInputs: (p) => sweepInputs(p.stimTime, conditions(p).map((c) => c.deltaT), p.duration, p.dt),
  // --rng numpy runs the generic core on one stream in one thread: about 30 times the kernels' time per update.
  cost: ({ points, n, rng }, steps) => ({ neuronSteps: points * n * steps * (rng === 'numpy' ? 30 : 1), samples: 2 * n }),

  async simulate(p, ctx) {
    const conds = conditions(p);
    const stats = p.rng === 'numpy' ? await numpyStats(conds, p.seed, ctx) : await allStats(conds.map((condition, k) => ({ condition, seed: p.seed, k })), ctx);
    return { deltas: conds.map((c) => c.deltaT / 1e-3), means: stats.map((s) => s.mean), sems: stats.map((s) => s.sem) };
  },

  plot: ({ deltas, means, sems }) => ({
    id: 'tuning-curve',
    title: 'Spike Time Tuning Curve',
    xlabel: '$\\delta t$ (ms)',
    ylabel: 'Mean spike count',
    marks: [plot(deltas, means, { id: 'mean', yErr: sems })],
  }),
});

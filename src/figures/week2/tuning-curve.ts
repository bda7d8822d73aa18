/**
 * Notebook section "Spike time tuning curve": N noisy leaky neurons each receive two input
 * spikes δt apart; the mean spike count per neuron peaks when the inputs coincide. The model
 * and the way its δt conditions are run (kernel, worker threads, random streams) are in
 * ./tuning-model.ts.
 */
import { sweepInputs, timeText } from '../checks.js';
import { linspace } from '../../sim/numpy/arrays.js';
import { toMs } from '../common.js';
import { figure } from '../figure.js';
import { plot } from '../../data/marks.js';
import { dt, duration, int, num, time, timeConstant, type Values } from '../../options/params.js';
import { rng, seed } from '../randomness.js';
import type { Problem } from '../spec.js';
import { allStats, numpyStats, type TuningCondition } from './tuning-model.js';

// src/workers/tuning-curve.ts and tests/sim/kernel.test.ts reach the model through this module.
export { conditionStats, kernelRun, NOISY_LIF, numpyCounts, referenceRun, TUNING_JOB } from './tuning-model.js';
export type { ConditionStats, ConditionTask, NoisyLifKernel, TuningCondition } from './tuning-model.js';

const PARAMS = {
  w: num('0.8', 'synaptic weight of each input spike'),
  n: int('10000', 'neurons per δt (at least 2, for the standard error over neurons: yErr in JSON and CSV; the plot shows the means, as the notebook does)').min(2),
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
  return Array.from(linspace(toMs(deltaMin), toMs(deltaMax), points), (deltaMs) => ({ deltaT: deltaMs * 1e-3, w, n, tau, sigma, stimTime, duration, dt }));
}

/** One point is δt = --delta-min alone (numpy's linspace with num=1), so --delta-max is moot; more need min ≤ max. */
function sweepOrder(lo: number, hi: number, points: number): Problem[] {
  if (points === 1 && lo !== hi) return [{ param: 'points', warning: true, message: `1 draws only δt = --delta-min (${timeText(lo)}); --delta-max is not used` }];
  if (points > 1 && lo > hi) return [{ param: 'delta-min', message: `${timeText(lo)} must not exceed --delta-max (${timeText(hi)})` }];
  return [];
}

/**
 * Euler computes -v/tau, which must stay a finite double. v reaches about 1 + 2|w| (both
 * inputs in one step) plus the noise (stationary s.d. sigma; 100 sigma bounds every draw). Past
 * the limit -v/tau is -Infinity, v stays -Infinity and the curve is silently zero (--w 1e307),
 * so such runs are refused; a quarter of the largest double leaves room for the sums.
 */
function representable(w: number, sigma: number, tau: number): Problem[] {
  const reach = 1 + 2 * Math.abs(w) + 100 * sigma;
  if (reach / tau <= Number.MAX_VALUE / 4) return [];
  const option = 2 * Math.abs(w) >= 100 * sigma ? 'w' : 'sigma';
  const limit = ((Number.MAX_VALUE / 4) * tau) / (option === 'w' ? 2 : 100);
  return [
    {
      param: option,
      message: `${option === 'w' ? w : sigma} lets v reach about ${reach.toPrecision(2)}, and Euler's -v/tau (tau ${timeText(tau)}) overflows a double there; keep it below ${limit.toPrecision(2)}`,
    },
  ];
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
  check: ({ deltaMin, deltaMax, points, w, sigma, tau }) => [...sweepOrder(deltaMin, deltaMax, points), ...representable(w, sigma, tau)],
  checkInputs: (p) => sweepInputs(p.stimTime, conditions(p).map((c) => c.deltaT), p.duration, p.dt),
  // Each condition holds v (8 bytes) and a spike count (4) per neuron and an input table (4 per step).
  // --rng numpy runs the generic core on one stream in one thread: about 30 times the kernels' time per update.
  cost: ({ points, n, rng }, steps) => ({
    neuronSteps: points * n * steps * (rng === 'numpy' ? 30 : 1),
    samples: 2 * points,
    // (An update there is a normal drawn in bulk and an Euler step: half a generic update's time.)
    work: rng === 'numpy' ? { networks: points, steps: points * steps, updates: 0.5 * points * n * steps } : { kernelUpdates: points * n * steps },
    threadBytes: 12 * n + 4 * steps,
    largestArray: Math.max(n, steps),
  }),

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

/**
 * Notebook section "Spike time tuning curve": N noisy leaky neurons each receive two input
 * spikes δt apart; the mean spike count per neuron peaks when the inputs coincide.
 * One network per δt, as in the notebook's firing_rate(); each δt draws from its own
 * random stream (seed, index), so results do not depend on how the work is split.
 */
import { Network, NeuronGroup, SpikeGeneratorGroup, SpikeMonitor, Synapses } from '../sim/index.js';
import { Rng } from '../sim/random.js';
import { linspace, mean, standardError, toMs } from './common.js';
import { DT_PARAM, positiveTime, type BuildContext, type FigureModule, type Params, type Problem } from './spec.js';

export const NOISY_LIF = 'dv/dt = -v/tau + sigma*xi*sqrt(2/tau) : 1';

export interface TuningCondition {
  deltaT: number;
  w: number;
  n: number;
  tau: number;
  sigma: number;
  stimTime: number;
  duration: number;
  dt: number;
}

/** The notebook's firing_rate(delta_t, w, N, tau, sigma): spike count of every neuron. */
export function spikeCounts(c: TuningCondition, rng: Rng): Int32Array {
  const H = new SpikeGeneratorGroup(2, [0, 1], [c.stimTime, c.stimTime + c.deltaT]);
  const G = new NeuronGroup(c.n, NOISY_LIF, { threshold: 'v>1', reset: 'v=0', method: 'euler', namespace: { tau: c.tau, sigma: c.sigma } });
  const S = new Synapses(H, G, { onPre: 'v += w', namespace: { w: c.w } }).connectAll();
  const M = new SpikeMonitor(G, false);
  new Network([H, G, S, M], { dt: c.dt, rng }).run(c.duration);
  return M.count;
}

export function conditions(p: Params): TuningCondition[] {
  // As the notebook: np.linspace(-10, 10, 41)*ms, i.e. spaced in ms, then scaled to seconds.
  return linspace(toMs(p['delta-min'] as number), toMs(p['delta-max'] as number), p.points as number).map((deltaMs) => ({
    deltaT: deltaMs * 1e-3,
    w: p.w as number,
    n: p.n as number,
    tau: p.tau as number,
    sigma: p.sigma as number,
    stimTime: p['stim-time'] as number,
    duration: p.duration as number,
    dt: p.dt as number,
  }));
}

export const tuningCurve: FigureModule = {
  name: 'tuning-curve',
  section: 'Spike time tuning curve',
  summary: 'mean spike count of noisy LIF neurons against the delay δt between two inputs',
  figsize: [8, 5],
  dpi: 200,
  params: [
    { name: 'w', kind: 'number', default: '0.8', help: 'synaptic weight of each input spike' },
    { name: 'n', kind: 'integer', default: '10000', help: 'neurons per δt', min: 2 },
    positiveTime('tau', '2ms', 'membrane time constant'),
    { name: 'sigma', kind: 'number', default: '0.3', help: 'noise amplitude (standard deviation of v)', min: 0 },
    { name: 'delta-min', kind: 'time', default: '-10ms', help: 'smallest δt' },
    { name: 'delta-max', kind: 'time', default: '10ms', help: 'largest δt' },
    { name: 'points', kind: 'integer', default: '41', help: 'number of δt values', min: 1 },
    { name: 'stim-time', kind: 'time', default: '150ms', help: 'time of the first input spike', min: 0 },
    positiveTime('duration', '200ms', 'simulated time per δt'),
    { name: 'seed', kind: 'integer', default: '1', help: 'random seed (same seed, same figure)', min: 0 },
    DT_PARAM,
  ],
  check(p) {
    const problems: Problem[] = [];
    const stim = p['stim-time'] as number;
    const lo = p['delta-min'] as number;
    const hi = p['delta-max'] as number;
    if (lo > hi) problems.push({ option: 'delta-min', message: `must not exceed --delta-max` });
    if (stim + Math.min(lo, 0) < 0) problems.push({ option: 'delta-min', message: 'puts the second input spike before t = 0 (raise --stim-time)' });
    if (stim + Math.max(hi, 0) >= (p.duration as number))
      problems.push({ option: 'duration', message: 'must be longer than --stim-time + --delta-max, or the inputs fall outside the run' });
    return problems;
  },
  cost: (p) => ({
    neuronSteps: (p.points as number) * (p.n as number) * ((p.duration as number) / (p.dt as number)),
    samples: 2 * (p.n as number),
  }),
  build(p: Params, ctx: BuildContext) {
    const conds = conditions(p);
    const means: number[] = [];
    const sems: number[] = [];
    conds.forEach((c, k) => {
      const counts = spikeCounts(c, Rng.stream(p.seed as number, k));
      means.push(mean(counts));
      sems.push(standardError(counts));
      ctx.progress?.(k + 1, conds.length);
    });
    return {
      figure: 'tuning-curve',
      params: {},
      paramUnits: {},
      layout: { rows: 1, cols: 1 },
      panels: [
        {
          id: 'tuning-curve',
          title: 'Spike Time Tuning Curve',
          xlabel: '$\\delta t$ (ms)',
          ylabel: 'Mean spike count',
          series: [{ id: 'mean', x: conds.map((c) => c.deltaT / 1e-3), y: means, yErr: sems }],
        },
      ],
    };
  },
};

/**
 * Week 4, "STDP / Correlated groups" (cell 5): the input of Song and Abbott (2001). 1000 Poisson
 * neurons at 10 Hz, modulated by Gaussian variables redrawn at exponentially distributed
 * intervals (mean 20 ms); neurons from 500 on also share a common one (the light blue band).
 * Each interval is one run(): exponential(20)*ms, G.a = randn(N), G.y = randn(), then the run,
 * whose threshold draws rand(N) every step, all from numpy's one RandomState. The network time
 * is the float sum of the durations, as in Brian.
 */
import { Network, NeuronGroup, SpikeMonitor } from '../../sim/index.js';
import { ms, toMs } from '../common.js';
import { figure } from '../figure.js';
import { fill, raster } from '../../data/marks.js';
import { dt, duration, int, num, rate, time } from '../../options/params.js';
import { coreSource, randomState, rng, seed } from '../randomness.js';
import { hzLiteral, literal } from './model-text.js';

/** Most redraws a figure may take (duration / switch-mean is their expected number). */
export const MAX_RUNS = 1_000_000;

export const stdpCorrelated = figure({
  name: 'stdp-correlated',
  section: 'STDP / Correlated groups',
  summary: 'Poisson neurons with rates redrawn at random times, half of them sharing a common term',
  figsize: [6, 4],
  dpi: 150,
  params: {
    neurons: int('1000', 'number of Poisson neurons').min(1).max(10_000_000),
    rate: rate('10Hz', 'mean firing rate').min(0),
    c: num('0.3', 'modulation: rate·(1 + c·a + c·y) correlated, rate·(1 + c·√2·a) uncorrelated'),
    switchMean: time('20ms', 'mean of the exponential intervals between redraws of a and y').positive(),
    correlatedFrom: int('500', 'first neuron of the correlated group (i ≥ this)').min(0),
    duration: duration('2000ms', 'runs go on while their summed length is below this'),
    seed: seed('1'),
    rng: rng(),
    dt,
  },
  check({ neurons, correlatedFrom, duration, switchMean }) {
    if (correlatedFrom > neurons) return [{ param: 'correlated-from', message: `must be at most --neurons (${neurons}), got ${correlatedFrom}` }];
    if (duration / switchMean > MAX_RUNS)
      return [{ param: 'switch-mean', message: `gives about ${Math.round(duration / switchMean)} runs in --duration; at most ${MAX_RUNS}` }];
    return [];
  },
  // The monitor keeps (t, i) per spike: about rate·duration per neuron (a few times more where
  // c·a is large), at most one per step. A neuron-step is a uniform drawn in bulk and a
  // comparison: half a generic update's time (measured: 0.17 s for the defaults).
  cost: ({ neurons, rate, c, duration }, steps) => {
    const spikes = neurons * Math.min(rate * (1 + 3 * Math.abs(c)) * duration, steps);
    return { neuronSteps: neurons * steps, samples: 2 * spikes, markers: spikes, work: { steps, updates: 0.5 * neurons * steps, records: 2 * spikes } };
  },

  simulate({ neurons: N, rate, c, switchMean, correlatedFrom, duration: tmax, seed, rng, dt }) {
    const random = randomState(rng, seed);
    const eqs = `a : 1
      y : 1
      corrgroup = int(i>=${correlatedFrom}) : 1
      rate_corr = ${hzLiteral(rate)}*(1+${literal(c)}*a+${literal(c)}*y) : Hz
      rate_uncorr = ${hzLiteral(rate)}*(1+${literal(c)}*sqrt(2)*a) : Hz
      rate = corrgroup*rate_corr+(1-corrgroup)*rate_uncorr : Hz`;
    const G = new NeuronGroup(N, eqs, { threshold: 'rand()<rate*dt' });
    const M = new SpikeMonitor(G);
    const net = new Network([G, M], { dt, rng: coreSource(random) });
    const switchMs = toMs(switchMean);
    const end = toMs(tmax) * 1e-3; // tmax = 2000*ms
    for (let t = 0; t < end; ) {
      const runLength = random.exponential(switchMs, 1)[0] * 1e-3; // exponential(20)*ms
      G.set('a', random.randn(N));
      G.set('y', random.randn(1)[0]);
      net.run(runLength);
      t += runLength;
    }
    return { t: ms(M.t), i: M.i };
  },

  plot: ({ t, i }, { neurons: N, correlatedFrom, duration }) => {
    const T = toMs(duration);
    return {
      id: 'raster',
      xlabel: 'Time (ms)',
      ylabel: 'Neuron index',
      xlim: [0, T],
      ylim: [0, N],
      marks: [
        raster(t, i, { id: 'spikes', marker: '.', c: 'k', ms: 1 }),
        fill([0, T, T, 0], [correlatedFrom, correlatedFrom, N, N], { id: 'correlated-band', c: 'lightblue' }),
      ],
    };
  },
});

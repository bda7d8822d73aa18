/**
 * Week 4, "STDP / Latency reduction" (cell 3): the input of Song et al. (2000). 1000 Poisson
 * neurons in groups of 100; each group fires at 100 Hz for 20 ms from its own random onset in
 * [0, 30) ms. Brian's numpy target draws the onsets (rand(10)) and then, every step, one
 * rand(1000) for the threshold `rand()<rate*dt`, from numpy's one RandomState.
 */
import { Network, NeuronGroup, SpikeMonitor } from '../../sim/index.js';
import { ms, toMs } from '../common.js';
import { figure } from '../figure.js';
import { raster } from '../../data/marks.js';
import { dt, duration, int, rate, time } from '../../options/params.js';
import { coreSource, randomState, rng, seed } from '../randomness.js';
import { hzLiteral, msLiteral } from './model-text.js';

export const stdpLatency = figure({
  name: 'stdp-latency',
  section: 'STDP / Latency reduction',
  summary: 'groups of Poisson neurons firing a 20 ms burst each from a random onset',
  // The cell opens no figure: matplotlib's default 6.4 × 4.8 in at 100 dpi.
  figsize: [6.4, 4.8],
  dpi: 100,
  params: {
    neurons: int('1000', 'number of Poisson neurons (a multiple of --group-size)').min(1).max(10_000_000),
    groupSize: int('100', 'neurons per group (a group shares its onset)').min(1),
    rate: rate('100Hz', 'firing rate during the burst').min(0),
    burst: time('20ms', 'length of the burst').min(0),
    onsetMax: time('30ms', 'onsets are uniform in [0, onset-max)').min(0),
    duration: duration('100ms'),
    seed: seed('1'),
    rng: rng(),
    dt,
  },
  check: ({ neurons, groupSize }) =>
    neurons % groupSize === 0 ? [] : [{ param: 'neurons', message: `must be a multiple of --group-size (${groupSize}), got ${neurons}` }],
  // The monitor keeps (t, i) per spike: at most one per neuron per step of its burst.
  cost: ({ neurons, rate, burst, dt }, steps) => {
    const spikes = neurons * Math.min(rate * burst, burst / dt + 1);
    // A neuron-step is a uniform drawn in bulk and a comparison: 0.4 of a generic update's time.
    return { neuronSteps: neurons * steps, samples: 2 * spikes, markers: spikes, work: { steps, updates: 0.4 * neurons * steps, records: 2 * spikes } };
  },

  simulate({ neurons, groupSize, rate, burst, onsetMax, duration, seed, rng, dt }) {
    const random = randomState(rng, seed);
    const eqs = `onset : second
      rate = int(t>onset and t<onset+${msLiteral(burst)})*${hzLiteral(rate)} : Hz`;
    const G = new NeuronGroup(neurons, eqs, { threshold: 'rand()<rate*dt' });
    // G.onset = repeat(rand(N//groupsize)*30, groupsize)*ms
    const onsets = random.rand(neurons / groupSize).map((u) => u * toMs(onsetMax));
    G.set('onset', Array.from({ length: neurons }, (_, k) => onsets[Math.floor(k / groupSize)] * 1e-3));
    const M = new SpikeMonitor(G);
    new Network([G, M], { dt, rng: coreSource(random) }).run(duration);
    return { t: ms(M.t), i: M.i };
  },

  plot: ({ t, i }) => ({
    id: 'raster',
    xlabel: 'Time (ms)',
    ylabel: 'Neuron index',
    marks: [raster(t, i, { id: 'spikes', marker: '.', c: 'k' })],
  }),
});

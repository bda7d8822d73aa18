/**
 * Week 9, "Coincidence and rank code" (cell 7): in a population of Poisson neurons a few carry
 * a code, coincident spikes (left) or a spike order (right); shuffling the neurons hides it,
 * and the spike-time histogram never showed it (./coincidence-rank-code-model.ts).
 */
import { coincidenceRankCode, type CodePanel } from './coincidence-rank-code-model.js';
import { figure } from '../figure.js';
import { hist, raster, scatter } from '../../data/marks.js';
import { int, num } from '../../options/params.js';
import { randomState, rng, seed } from '../randomness.js';
import type { Panel } from '../../data/types.js';

/** plotit(T, I, name, offset, 2): one column of the 3 × 2 grid. */
function column(code: CodePanel, key: string, name: string, col: number, active: number): Panel[] {
  const t = Array.from(code.times);
  const before = `${key}-before`;
  const common = { col, xticks: false, yticks: false } as const;
  return [
    {
      ...common,
      id: before,
      title: name,
      ylabel: col === 0 ? 'Before shuffling' : undefined,
      marks: [scatter(t, Array.from(code.neurons), { id: 'spikes', marker: '.', s: 1, c: Array.from(code.neurons, (i) => (i < active ? 'r' : 'k')) })],
    },
    {
      ...common,
      id: `${key}-after`,
      row: 1,
      sharex: before,
      ylabel: col === 0 ? 'After shuffling' : undefined,
      marks: [raster(t, Array.from(code.shuffledNeurons), { id: 'spikes', marker: '.', c: 'k', ms: 1 })],
    },
    {
      ...common,
      id: `${key}-hist`,
      row: 2,
      sharex: before,
      xlim: [0, 1],
      marks: [hist(Array.from(code.histogram.edges), Array.from(code.histogram.counts), { id: 'times', fc: 'k' })],
    },
  ];
}

/** Bounds of the population: the time and memory of a run. */
const MAX_NEURONS = 1_000_000;
/** Bound on the expected number of spikes, neurons × mean-spikes. */
const MAX_SPIKES = 50_000_000;

export const coincidenceRankCodeFigure = figure({
  name: 'coincidence-rank-code',
  section: 'Coincidence and rank code',
  summary: 'a coincidence code and a rank-order code in a Poisson population, before and after shuffling',
  figsize: [4, 4],
  dpi: 150,
  params: {
    neurons: int('30', 'number of neurons').min(1).max(MAX_NEURONS),
    active: int('4', 'coding neurons (drawn in red)').min(0),
    meanSpikes: num('20', 'spike counts are poisson(mean-spikes)').min(0),
    jitter: num('0.01', 'coincidence code: the coding neurons copy neuron 0 plus rand(k)·jitter'),
    seed: seed('1'),
    rng: rng(),
  },
  // Two codes, each spike drawn twice (before and after shuffling) with its time and neuron.
  // Per spike: its draws, the sorts and the shuffle (measured: 15 operations' time); four rasters.
  cost: ({ neurons, meanSpikes }) => ({ neuronSteps: 0, samples: 8 * neurons * meanSpikes, markers: 4 * neurons * meanSpikes, work: { operations: 15 * neurons * meanSpikes } }),
  check({ neurons, active, meanSpikes }) {
    if (active > neurons) return [{ param: 'active', message: `must be at most --neurons (${neurons}), got ${active}` }];
    if (neurons * meanSpikes > MAX_SPIKES)
      return [{ param: 'mean-spikes', message: `× --neurons is ${neurons * meanSpikes} expected spikes; at most ${MAX_SPIKES}` }];
    return [];
  },

  simulate: ({ seed, rng, ...rest }) => coincidenceRankCode({ ...rest, seed, random: randomState(rng, seed) }),

  plot: ({ coincidence, rankOrder }, { active }) => [
    ...column(coincidence, 'coincidence', 'Coincidence code', 0, active),
    ...column(rankOrder, 'rank-order', 'Rank order code', 1, active),
  ],
});

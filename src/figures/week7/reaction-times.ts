/**
 * Week 7, "Decision making" (cell 7): reaction-time histograms of 10 000 biased walks of 1000
 * steps for a low and a high decision threshold (./reaction-times-model.ts). The
 * bars are counts, although the cell labels the axis "Density".
 */
import { reactionTimes } from './reaction-times-model.js';
import { figure } from '../figure.js';
import { biasProblem } from './decision-random-walk.js';
import { hist } from '../../data/marks.js';
import { int, num } from '../../options/params.js';
import { randomState, rng, seed } from '../randomness.js';

/** Draws per histogram: bounds the time and the memory of the walks. */
const MAX_DRAWS = 2 ** 29;

export const reactionTimesFigure = figure({
  name: 'reaction-times',
  section: 'Decision making',
  summary: 'reaction-time distributions of biased random walks for a low and a high threshold',
  figsize: [5, 2],
  dpi: 250,
  params: {
    n: int('1000', 'steps per walk').min(1),
    repeats: int('10000', 'walks per histogram').min(1),
    bias: num('0.05', 'p = (1/3 + bias, 1/3 − bias/2, 1/3 − bias/2) for +1, 0, −1; from −1/3 to 2/3'),
    low: num('0.4', 'threshold fraction of the low-threshold walks').min(0),
    high: num('0.8', 'threshold fraction of the high-threshold walks').min(0),
    bins: int('100', 'bins of each histogram (over its own min … max)').min(1).max(1_000_000),
    seed: seed('1'),
    rng: rng(),
  },
  check({ n, repeats, bias, low, high }) {
    if (!(bias >= -1 / 3 && bias <= 2 / 3)) return [biasProblem(bias)];
    // The legend names the lower fraction "Low threshold": the other way round it would lie.
    if (low > high) return [{ param: 'low', message: `must be at most --high (${high}), got ${low}: the plot labels --low "Low threshold"`, hint: 'swap the two values' }];
    if (n * repeats > MAX_DRAWS) return [{ param: 'repeats', message: `× --n is ${n * repeats} draws per histogram; at most ${MAX_DRAWS}` }];
    return [];
  },
  // A draw per step (numpy's generator in bulk) and a sum while the walk has not crossed: 0.14 s for the defaults.
  cost: ({ n, repeats }) => ({ neuronSteps: 0, samples: 2 * repeats, work: { operations: 0.4 * n * repeats } }),

  simulate: ({ seed, rng, ...walks }) => reactionTimes({ ...walks, seed, random: randomState(rng, seed) }),

  plot: ({ low, high }) => ({
    id: 'hist',
    title: 'Plot of Reaction Time Distributions for High and Low Decision Thresholds',
    titleSize: 8,
    xlabel: 'Reaction time',
    ylabel: 'Density',
    xticks: false,
    yticks: false,
    legend: 'upper right',
    marks: [
      hist(Array.from(low.histogram.edges), Array.from(low.histogram.counts), { id: 'low', label: 'Low threshold', alpha: 0.8 }),
      hist(Array.from(high.histogram.edges), Array.from(high.histogram.counts), { id: 'high', label: 'High threshold', alpha: 0.8 }),
    ],
  }),
});

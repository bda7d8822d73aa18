/**
 * Week 9, "Spike versus rate time constant" (cell 5): 15 random spikes and the firing rate read
 * from them by Gaussian smoothing (scipy's gaussian_filter) with windows of 5 %, 1 % and 0.1 %
 * of the signal, each normalised to its peak (./spike-vs-rate-model.ts).
 */
import { spikeVsRate } from './spike-vs-rate-model.js';
import { MAX_RADIUS } from '../../sim/scipy/gaussian-filter.js';

/** gaussian_filter's radius, int(4σ + 0.5), for a width in % of t = linspace(0, 1, points): σ = width/100 · (points − 1) samples. */
function kernelRadius(width: number, points: number): number {
  return Math.trunc(4 * (width / 100) * (points - 1) + 0.5);
}
import { figure } from '../figure.js';
import { plot } from '../../data/marks.js';
import { int, nums } from '../../options/params.js';
import { randomState, rng, seed } from '../randomness.js';

/** Bounds of the signal and the panels: the time and memory of a run. */
const MAX_POINTS = 10_000_000;
const MAX_SPIKES = 10_000_000;
const MAX_WIDTHS = 100;

export const spikeVsRateFigure = figure({
  name: 'spike-vs-rate',
  section: 'Spike versus rate time constant',
  summary: 'random spikes and their Gaussian-smoothed firing rate at three window widths',
  figsize: [4, 6],
  dpi: 150,
  params: {
    spikes: int('15', 'number of random spike times, rand(spikes)').min(0).max(MAX_SPIKES),
    points: int('1000', 'samples of t = linspace(0, 1, points)').min(2).max(MAX_POINTS),
    widths: nums('5,1,0.1', 'smoothing windows in % of the signal (σ = width/100), one panel each').positive().max(1e6),
    seed: seed('1'),
    rng: rng(),
  },
  // Every panel plots the spike train and one rate over all the points (x and y each); the
  // smoothing costs points × (2·radius + 1) multiply-adds per width.
  cost: ({ points, widths }) => ({
    neuronSteps: 0,
    samples: 4 * points * widths.length,
    work: { operations: 10 * points * widths.length, taps: widths.reduce((sum, w) => sum + points * (2 * kernelRadius(w, points) + 1), 0) },
  }),
  check: ({ widths, points }) => {
    if (widths.length > MAX_WIDTHS) return [{ param: 'widths', message: `lists ${widths.length} widths; at most ${MAX_WIDTHS}` }];
    const wide = widths.find((w) => kernelRadius(w, points) > MAX_RADIUS);
    if (wide === undefined) return [];
    const widest = (MAX_RADIUS / (4 * (points - 1))) * 100;
    return [{ param: 'widths', message: `${wide} needs a smoothing kernel of ${kernelRadius(wide, points)} samples on each side at --points ${points}; at most ${MAX_RADIUS} (a width up to ${widest.toPrecision(3)})` }];
  },

  simulate: ({ seed, rng, ...rest }) => spikeVsRate({ ...rest, seed, random: randomState(rng, seed) }),

  plot({ t, spikes, rates }) {
    const x = Array.from(t);
    return rates.map(({ id, title, rate }, row) => ({
      id,
      row,
      title,
      xticks: false,
      yticks: false,
      legend: row === 0 ? ('best' as const) : undefined,
      marks: [
        plot(x, Array.from(spikes), { id: 'spikes', c: 'lightgray', label: 'Spikes' }),
        plot(x, Array.from(rate), { id: 'rate', c: 'b', label: 'Firing rate' }),
      ],
    }));
  },
});

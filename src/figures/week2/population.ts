/**
 * Notebook section "Bayesian decoder": Gaussian tuning curves of a population over δt, and
 * each neuron's activity at one probe δt (the markers), as a decoder would read it.
 */
import { linspace } from '../../sim/numpy/arrays.js';
import { figure } from '../figure.js';
import { axvline, plot } from '../../data/marks.js';
import { int, num } from '../../options/params.js';
import { plasma } from './plasma.js';
import { exp } from '../../sim/libm/index.js';

export const population = figure({
  name: 'population',
  section: 'Bayesian decoder',
  summary: 'Gaussian tuning curves of a population and their activity at one δt',
  figsize: [5, 4],
  dpi: 200,
  params: {
    n: int('7', 'number of neurons (tuning curve centres from -2 to 2 ms)').min(1).max(1000),
    // Much narrower and width² underflows to 0: each curve's centre would be 0/0 = NaN.
    tuningWidth: num('1', 'width (standard deviation) of each tuning curve, in ms').min(1e-6),
    points: int('100', 'samples of δt from -2 to 2 ms').min(2).max(1_000_000),
    probe: int('35', 'index of the δt sample marked (0 .. points-1)').min(0).plotOnly(),
  },
  check: ({ probe, points }) =>
    probe >= points ? [{ param: 'probe', message: `must be below --points (${points}): it indexes the δt samples 0 .. ${points - 1}, got ${probe}` }] : [],
  // Every neuron's curve holds x and y for every δt sample.
  // An exp and a store per value (measured: 0.23 s for 1e7 values).
  cost: ({ n, points }) => ({ neuronSteps: 0, samples: 2 * n * points, work: { operations: 0.6 * n * points } }),

  simulate({ n, tuningWidth: width, points }) {
    const deltat = Array.from(linspace(-2, 2, points));
    const centres = Array.from(linspace(-2, 2, n));
    return { deltat, centres, y: centres.map((centre) => deltat.map((d) => exp(-((centre - d) * (centre - d)) / (2 * width * width)))) };
  },

  plot: ({ deltat, centres, y }, { probe: i }) => ({
    id: 'population',
    title: 'Population',
    xlabel: '$\\delta t$ (ms)',
    ylabel: 'Activity',
    yticks: false,
    // As the notebook's loop: each centre's curve, then its activity at δt[i] as a dot in its colour.
    marks: [
      ...centres.flatMap((centre, k) => {
        const c = plasma((centre + 2) / 4);
        return [
          plot(deltat, y[k], { id: `centre-${k}`, label: `centre ${centre.toFixed(2)} ms`, c }),
          plot([deltat[i]], [y[k][i]], { id: `marker-${k}`, c, ls: 'none', marker: 'o' }),
        ];
      }),
      axvline(deltat[i], { id: 'vline-0', c: '#808080', ls: '--', zorder: -1 }),
    ],
  }),
});

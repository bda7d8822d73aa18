/**
 * Notebook section "Bayesian decoder": Gaussian tuning curves of a population over δt, and
 * each neuron's activity at one probe δt (the markers), as a decoder would read it.
 */
import { linspace } from './common.js';
import { plasma } from './plasma.js';
import type { FigureModule, Params } from './spec.js';
import type { Marker, Series } from './types.js';

export const population: FigureModule = {
  name: 'population',
  section: 'Bayesian decoder',
  summary: 'Gaussian tuning curves of a population and their activity at one δt',
  figsize: [5, 4],
  dpi: 200,
  params: [
    { name: 'n', kind: 'integer', default: '7', help: 'number of neurons (tuning curve centres from -2 to 2 ms)', min: 1, max: 1000 },
    // Much narrower and width² underflows to 0: each curve's centre would be 0/0 = NaN.
    { name: 'tuning-width', kind: 'number', default: '1', help: 'width (standard deviation) of each tuning curve, in ms', min: 1e-6 },
    { name: 'points', kind: 'integer', default: '100', help: 'samples of δt from -2 to 2 ms', min: 2, max: 1_000_000 },
    { name: 'probe', kind: 'integer', default: '35', help: 'index of the δt sample marked (0 .. points-1)', min: 0 },
  ],
  check(p) {
    if ((p.probe as number) >= (p.points as number))
      return [{ option: 'probe', message: `must be below --points (${p.points}): it indexes the δt samples 0 .. ${(p.points as number) - 1}, got ${p.probe}` }];
    return [];
  },
  // Every neuron's curve holds x and y for every δt sample.
  cost: (p) => ({ neuronSteps: 0, samples: 2 * (p.n as number) * (p.points as number) }),
  build(p: Params) {
    const n = p.n as number;
    const width = p['tuning-width'] as number;
    const i = p.probe as number;
    const deltat = linspace(-2, 2, p.points as number);
    const centres = linspace(-2, 2, n);
    const series: Series[] = [];
    const markers: Marker[] = [];
    centres.forEach((centre, k) => {
      const y = deltat.map((d) => Math.exp(-((centre - d) ** 2) / (2 * width ** 2)));
      const color = plasma((centre + 2) / 4);
      series.push({ id: `centre-${k}`, label: `centre ${centre.toFixed(2)} ms`, x: deltat, y, color });
      markers.push({ x: deltat[i], y: y[i], color, seriesId: `centre-${k}` });
    });
    return {
      figure: 'population',
      params: {},
      paramUnits: {},
      layout: { rows: 1, cols: 1 },
      panels: [
        {
          id: 'population',
          title: 'Population',
          xlabel: '$\\delta t$ (ms)',
          ylabel: 'Activity',
          yticks: false,
          series,
          markers,
          vlines: [{ value: deltat[i], color: '#808080', dashed: true, behind: true }],
        },
      ],
    };
  },
};

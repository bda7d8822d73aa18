/**
 * Week 9, spike versus rate time constant: random spike times and the firing rate estimated by
 * Gaussian smoothing at several window widths (the notebook's cell, after numpy.random.seed(seed)).
 *
 * t = linspace(0, 1, points); st = rand(spikes); x[int(st/(t[1] − t[0]))] = 1 (coinciding
 * spikes collapse); for each width w (% of the window): σ = w/100,
 * rate = gaussian_filter(x, σ/(t[1] − t[0])) / its maximum.
 */
import { linspace } from '../../sim/numpy/arrays.js';
import { RandomState } from '../../sim/numpy/random-state.js';
import { gaussianFilter1d, gaussianRadius } from '../../sim/scipy/gaussian-filter.js';
import { pythonFloat } from './python-format.js';

export interface SpikeRateOptions {
  spikes: number;
  points: number;
  /** Window widths in % of the signal. */
  widths: readonly number[];
  seed: number;
  /** Draw from this generator instead of RandomState(seed) (snn-figs' --rng fast). */
  random?: RandomState;
}

export interface SmoothedRate {
  /** width/100, the σ of the notebook (in units of t). */
  sigma: number;
  /** `sigma-${σ}`, with Python's float formatting, as the reference JSON names the panel. */
  id: string;
  /** `Window width = ${100σ}%`, formatted as Python formats it. */
  title: string;
  /** The filter's σ in samples. */
  sigmaSamples: number;
  rate: Float64Array;
}

export interface SpikeRate {
  t: Float64Array;
  spikeTimes: Float64Array;
  spikeIndices: Int32Array;
  /** 1 at the spike samples, else 0. */
  spikes: Float64Array;
  rates: SmoothedRate[];
}

/** The spikes and their smoothed rates for parameters the figure's declaration has checked (./spike-vs-rate.ts). */
export function spikeVsRate(options: SpikeRateOptions): SpikeRate {
  const { spikes, points, widths, seed } = options;
  const t = linspace(0, 1, points);
  const dt = t[1] - t[0];
  for (const w of widths) {
    gaussianRadius(w / 100 / dt); // refuses a kernel too large before anything is drawn
  }
  const rs = options.random ?? new RandomState(seed);
  const spikeTimes = rs.rand(spikes);
  const spikeIndices = Int32Array.from(spikeTimes, (s) => Math.trunc(s / dt));
  const x = new Float64Array(points);
  for (const k of spikeIndices) x[k] = 1;
  const rates = widths.map((w): SmoothedRate => {
    const sigma = w / 100;
    const sigmaSamples = sigma / dt;
    const smoothed = gaussianFilter1d(x, sigmaSamples);
    let peak = -Infinity;
    for (const v of smoothed) if (v > peak) peak = v;
    return {
      sigma,
      id: `sigma-${pythonFloat(sigma)}`,
      title: `Window width = ${pythonFloat(100 * sigma)}%`,
      sigmaSamples,
      rate: smoothed.map((v) => v / peak),
    };
  });
  return { t, spikeTimes, spikeIndices, spikes: x, rates };
}

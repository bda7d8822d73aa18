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
import { checkWhole } from '../week7/walk-model.js';

export interface SpikeRateOptions {
  spikes: number;
  points: number;
  /** Window widths in % of the signal. */
  widths: readonly number[];
  seed: number;
  /** Draw from this generator instead of RandomState(seed) (snn-figs' --rng fast). */
  random?: RandomState;
}

export const SPIKE_RATE_DEFAULTS: SpikeRateOptions = { spikes: 15, points: 1000, widths: [5, 1, 0.1], seed: 1 };

export const MAX_POINTS = 10_000_000;
export const MAX_SPIKES = 10_000_000;
export const MAX_WIDTHS = 100;

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

export function spikeVsRate(options: SpikeRateOptions = SPIKE_RATE_DEFAULTS): SpikeRate {
  const { spikes, points, widths, seed } = options;
  checkWhole(spikes, 'spikes', 0, MAX_SPIKES);
  checkWhole(points, 'points', 2, MAX_POINTS);
  if (widths.length < 1 || widths.length > MAX_WIDTHS) {
    throw new RangeError(`widths: give 1 to ${MAX_WIDTHS} window widths, got ${widths.length}`);
  }
  const t = linspace(0, 1, points);
  const dt = t[1] - t[0];
  for (const w of widths) {
    if (!Number.isFinite(w) || w <= 0) throw new RangeError(`widths must be positive finite percentages, got ${w}`);
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

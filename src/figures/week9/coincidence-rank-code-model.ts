/**
 * Week 9, coincidence and rank code: spike rasters of a population where a few neurons carry a
 * code, before and after shuffling the neuron order, and the histogram of all spike times (the
 * notebook's cell, after numpy.random.seed(seed)).
 *
 * Coincidence code: every neuron fires rand(poisson(meanSpikes)); neurons 1…active−1 then copy
 * neuron 0's times plus rand(k)·jitter. Rank-order code: a fresh population, and neuron i <
 * active fires once at 0.4·rand()/active + 0.5·i/active + 0.25. After each population, the
 * plot shuffles arange(neurons) (one shuffle per code) and histograms the times in 10 bins.
 */
import { histogram, type Histogram } from '../../sim/numpy/arrays.js';
import { RandomState } from '../../sim/numpy/random-state.js';

export interface CodeOptions {
  neurons: number;
  active: number;
  meanSpikes: number;
  jitter: number;
  seed: number;
  /** Draw from this generator instead of RandomState(seed) (snn-figs' --rng fast). */
  random?: RandomState;
}

export const HIST_BINS = 10;

export interface CodePanel {
  /** Spike times and neuron indices, neuron by neuron. */
  times: Float64Array;
  neurons: Int32Array;
  /** The shuffled order s; the "after" raster plots s[neuron]. */
  permutation: Int32Array;
  shuffledNeurons: Int32Array;
  histogram: Histogram;
}

export interface Codes {
  coincidence: CodePanel;
  rankOrder: CodePanel;
}

/** Both codes for parameters the figure's declaration has checked (./coincidence-rank-code.ts). */
export function coincidenceRankCode(options: CodeOptions): Codes {
  const { neurons, active, meanSpikes, jitter, seed } = options;
  const rs = options.random ?? new RandomState(seed);

  const coincidence = population(rs, neurons, meanSpikes);
  for (let i = 1; i < active; i++) {
    const base = coincidence[0];
    const offsets = rs.rand(base.length);
    coincidence[i] = base.map((t, k) => t + offsets[k] * jitter);
  }
  const coincidencePanel = panel(rs, coincidence, neurons);

  const rank = population(rs, neurons, meanSpikes);
  for (let i = 0; i < active; i++) {
    rank[i] = Float64Array.of((0.4 * rs.uniform()) / active + (0.5 * i) / active + 0.25);
  }
  return { coincidence: coincidencePanel, rankOrder: panel(rs, rank, neurons) };
}

/** [rand(poisson(mean)) for each neuron]: the count, then the times, neuron by neuron. */
function population(rs: RandomState, neurons: number, meanSpikes: number): Float64Array[] {
  const trains: Float64Array[] = [];
  for (let i = 0; i < neurons; i++) trains.push(rs.rand(rs.poisson(meanSpikes, 1)[0]));
  return trains;
}

/** What plotit draws: the flattened raster, a fresh shuffle of the neuron order, the histogram. */
function panel(rs: RandomState, trains: Float64Array[], neurons: number): CodePanel {
  const total = trains.reduce((sum, train) => sum + train.length, 0);
  const times = new Float64Array(total);
  const index = new Int32Array(total);
  let at = 0;
  trains.forEach((train, i) => {
    times.set(train, at);
    index.fill(i, at, at + train.length);
    at += train.length;
  });
  const permutation = new Int32Array(neurons);
  for (let k = 0; k < neurons; k++) permutation[k] = k;
  rs.shuffle(permutation);
  return {
    times,
    neurons: index,
    permutation,
    shuffledNeurons: index.map((i) => permutation[i]),
    histogram: histogram(times, HIST_BINS),
  };
}

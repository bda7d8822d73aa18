/**
 * Week 7, decision making: reaction-time distributions for a low and a high threshold (the
 * notebook's reaction_times, called twice on one numpy stream after seed(seed)).
 *
 * Each call draws x = choice([1, 0, −1], p, size=(n, repeats)) (C order: step by step, all
 * walks per step), y = cumsum(x, axis=0), RT = argmax(|y| ≥ threshFrac·(2n/π)^0.5, axis=0);
 * walks that never cross (argmax 0), and those crossing at the first step, are dropped. Each
 * histogram has its own `bins` equal bins over its own [min, max] (numpy.histogram).
 *
 * The walks are advanced a block of rows (one row, or as many as fit in 128 kB) at a time, so
 * memory is O(repeats).
 */
import { histogram, type Histogram } from '../../sim/numpy/arrays.js';
import { RandomState } from '../../sim/numpy/random-state.js';
import { STEPS, biasProbabilities, meanExcursion } from './walk-model.js';

export interface ReactionTimesOptions {
  n: number;
  repeats: number;
  bias: number;
  low: number;
  high: number;
  bins: number;
  seed: number;
  /** Draw from this generator instead of RandomState(seed) (snn-figs' --rng fast). */
  random?: RandomState;
}

export interface ReactionTimeCondition {
  threshFrac: number;
  threshold: number;
  /** The kept reaction times (steps), in walk order. */
  rts: Int32Array;
  histogram: Histogram;
}

export interface ReactionTimes {
  low: ReactionTimeCondition;
  high: ReactionTimeCondition;
}

/** Both histograms for parameters the figure's declaration has checked (./reaction-times.ts). */
export function reactionTimes(options: ReactionTimesOptions): ReactionTimes {
  const { n, repeats, bias, low, high, bins, seed } = options;
  const p = biasProbabilities(bias);
  const rs = options.random ?? new RandomState(seed);
  const condition = (threshFrac: number): ReactionTimeCondition => {
    const threshold = meanExcursion(n) * threshFrac;
    const rts = firstCrossings(rs, n, repeats, p, threshold);
    return { threshFrac, threshold, rts, histogram: histogram(rts, bins) };
  };
  const lowCondition = condition(low);
  return { low: lowCondition, high: condition(high) };
}

/** Draws per block of rows: one row's draws follow the previous row's, so blocks draw what rows would. */
const BLOCK_DRAWS = 2 ** 14;

/**
 * argmax(|cumsum(x, axis=0)| ≥ threshold, axis=0) of a fresh (n, repeats) draw, zeros dropped.
 * Every row is drawn (the stream advances as numpy's), several rows per call, but only the walks
 * that have not crossed yet are summed: they are kept packed in `active`, which shrinks as they cross.
 */
function firstCrossings(rs: RandomState, n: number, repeats: number, p: number[], threshold: number): Int32Array {
  const y = new Float64Array(repeats);
  const rt = new Int32Array(repeats);
  const active = new Int32Array(repeats);
  for (let j = 0; j < repeats; j++) active[j] = j;
  let live = repeats;
  const rowsPerBlock = Math.max(1, Math.floor(BLOCK_DRAWS / repeats));
  for (let first = 0; first < n; first += rowsPerBlock) {
    const rows = Math.min(rowsPerBlock, n - first);
    const block = rs.choice(STEPS, rows * repeats, p);
    for (let r = 0; r < rows && live > 0; r++) {
      const offset = r * repeats;
      let kept = 0;
      for (let a = 0; a < live; a++) {
        const j = active[a];
        const sum = (y[j] += block[offset + j]);
        if (Math.abs(sum) >= threshold) rt[j] = first + r;
        else active[kept++] = j;
      }
      live = kept;
    }
  }
  let kept = 0;
  for (let j = 0; j < repeats; j++) if (rt[j] > 0) rt[kept++] = rt[j];
  return rt.slice(0, kept);
}

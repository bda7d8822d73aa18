/**
 * Week 7, decision making: one biased random walk (the notebook's drift_diffusion_figure).
 *
 * seed(s); x = choice([1, 0, −1], p=bias_p(bias), size=n), or the given draws;
 * y = hstack(([0], cumsum(x)))[:-1] (the last draw moves nothing);
 * ymean = (2n/π)^0.5, threshold = threshFrac·ymean; the reaction time is the first index with
 * |y| ≥ threshold, or n + 1 (off the axes) if the walk never gets there.
 */
import { RandomState } from '../../sim/numpy/random-state.js';
import { STEPS, biasProbabilities, meanExcursion } from './walk-model.js';

export interface WalkOptions {
  n: number;
  bias: number;
  threshFrac: number;
  seed: number;
  /** Draw from this generator instead of RandomState(seed) (snn-figs' --rng fast). */
  random?: RandomState;
  /** A given walk (−1, 0, 1 each) instead of drawing one; its length must be n. */
  draws?: readonly number[];
}

/**
 * The walks of the published n = 10 and n = 30 images (course-figures.md, "Randomness"), read
 * off the pictures: the last draw of each is invisible, so these lack it (completeDraws adds 0).
 * The published walks were drawn unseeded and cannot be recovered otherwise.
 */
export const PUBLISHED_DRAWS: Readonly<Record<10 | 30, readonly number[]>> = {
  10: [-1, 1, 0, 1, 0, 0, 1, 1, 0],
  30: [-1, -1, -1, -1, 1, 1, 0, 0, 0, 0, -1, 0, 0, -1, 1, 1, 1, -1, 0, 0, -1, 1, 1, 1, -1, 1, -1, 0, -1],
};

/**
 * The course script's rule for a given walk: without n, its length is n; with n, it may have
 * n − 1 draws (the invisible last one is taken as 0) or exactly n.
 */
export function completeDraws(draws: readonly number[], n?: number): number[] {
  if (n === undefined) return [...draws];
  if (draws.length === n - 1) return [...draws, 0];
  if (draws.length !== n) throw new RangeError(`draws: ${draws.length} draws given but n is ${n}`);
  return [...draws];
}

export interface Walk {
  /** The n draws, +1 (R), 0 or −1 (L). */
  draws: Int8Array;
  /** The evidence before each draw: y[0] = 0, y[k] = x[0] + … + x[k−1]; n values. */
  y: Int32Array;
  /** (2n/π)^0.5: the y axis spans ±2·ymean. */
  ymean: number;
  threshold: number;
  /** First k with |y[k]| ≥ threshold, or n + 1. */
  rt: number;
}

/** The walk for parameters the figure's declaration has checked (./decision-random-walk.ts). */
export function decisionRandomWalk(options: WalkOptions): Walk {
  const { n, bias, threshFrac, seed, draws: given } = options;
  const p = biasProbabilities(bias);
  const rs = options.random ?? new RandomState(seed); // seeded even when the draws are given, as the notebook does
  const draws = new Int8Array(n);
  if (given !== undefined) {
    if (given.length !== n) throw new RangeError(`draws: ${given.length} draws given but n is ${n}`);
    draws.set(given);
  } else {
    draws.set(rs.choice(STEPS, n, p));
  }
  const y = new Int32Array(n);
  for (let k = 1; k < n; k++) y[k] = y[k - 1] + draws[k - 1];
  const ymean = meanExcursion(n);
  const threshold = ymean * threshFrac;
  let rt = n + 1;
  for (let k = 0; k < n; k++) {
    if (Math.abs(y[k]) >= threshold) {
      rt = k;
      break;
    }
  }
  return { draws, y, ymean, threshold, rt };
}

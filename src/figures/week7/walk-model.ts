/** What the week-7 decision-making cells share: the biased step probabilities and the threshold scale. */
import { pow } from '../../sim/numpy/libm.js';

/** bias_p(q) of the notebook: p(+1 = R), p(0), p(−1 = L) = (1/3 + q, 1/3 − q/2, 1/3 − q/2); the figures refuse a q outside [−1/3, 2/3]. */
export function biasProbabilities(bias: number): [number, number, number] {
  return [1 / 3 + bias, 1 / 3 - bias / 2, 1 / 3 - bias / 2];
}

/** The draws of the walk, in the order numpy's choice maps its cdf. */
export const STEPS = [1, 0, -1];

/**
 * (2n/π)**.5, the notebook's ymean. Python evaluates `**.5` with libm's pow, not a square root:
 * the two differ by one ulp for about 0.08 % of n, so this is glibc's pow.
 */
export function meanExcursion(n: number): number {
  return pow((2 * n) / Math.PI, 0.5);
}

/** What the week-7 decision-making cells share: the biased step probabilities and the threshold scale. */
import { pow } from '../../sim/numpy/libm.js';

/** bias_p(q) of the notebook: p(+1 = R), p(0), p(−1 = L) = (1/3 + q, 1/3 − q/2, 1/3 − q/2). */
export function biasProbabilities(bias: number): [number, number, number] {
  if (!Number.isFinite(bias) || bias < -1 / 3 || bias > 2 / 3) {
    throw new RangeError(`bias must be a number in [-1/3, 2/3] (all three probabilities non-negative), got ${bias}`);
  }
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

/** Largest number of draws one figure may take (bounds time and memory). */
export const MAX_STEPS = 2 ** 30;

export function checkWhole(value: number, what: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} must be a whole number in [${min}, ${max}], got ${value}`);
  }
}

export function checkFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${what} must be a finite number, got ${value}`);
}

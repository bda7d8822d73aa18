/**
 * Where a week-1 figure's random numbers come from: `--rng numpy` (the default) is numpy's
 * legacy RandomState, which Brian2's `seed(S)` seeds under the numpy target, so `--seed S`
 * replays the reference run spike for spike; `--rng fast` is the project's own xoshiro128**
 * generator (statistically equivalent, not the same numbers).
 */
import { numpySource, sequentialSource, type RandomSource } from '../../sim/index.js';
import { RandomState } from '../../sim/numpy/random-state.js';
import { Rng } from '../../sim/random.js';
import { choice, int } from '../params.js';

export const RNGS = ['numpy', 'fast'] as const;
export type RngKind = (typeof RNGS)[number];

export const rngParam = choice(RNGS, 'numpy', "random generator: numpy = Brian2's seed(S) exactly; fast = xoshiro128**");
export const seedParam = (def: string) => int(def, "seed of the random generator (Brian2's seed(), numpy's legacy RandomState)").min(0).max(2 ** 32 - 1);

/** One source for the whole figure: Brian keeps drawing from the same stream across networks. */
export function randomSource(kind: RngKind, seed: number): RandomSource {
  return kind === 'numpy' ? numpySource(new RandomState(seed)) : sequentialSource(new Rng(seed));
}

/**
 * Where a week-1 figure's random numbers come from: `--rng numpy` (the default) is numpy's
 * legacy RandomState, which Brian2's `seed(S)` seeds under the numpy target, so `--seed S`
 * replays the reference run spike for spike; `--rng fast` is the project's own xoshiro128**
 * generator (the same distributions, other numbers).
 *
 * The week479 branch adds the same options for every figure in src/figures/randomness.ts
 * (`rng()`, `seed()`, `coreSource(randomState(kind, seed))`); these are spelled alike so that
 * week 1 can move to it by changing its imports once both have landed.
 */
import { numpySource, sequentialSource, type RandomSource } from '../../sim/index.js';
import { RandomState } from '../../sim/numpy/random-state.js';
import { Rng } from '../../sim/random.js';
import { choice, int } from '../../options/params.js';

export const RNG_KINDS = ['numpy', 'fast'] as const;
export type RngKind = (typeof RNG_KINDS)[number];

/** `--rng`: numpy by default, as the course's figures drew from numpy. */
export function rng(def: RngKind = 'numpy') {
  return choice(RNG_KINDS, def, "random numbers: numpy (numpy's legacy RandomState: Brian2's seed(S) run exactly) or fast (xoshiro128**)");
}

/** `--seed`: what `numpy.random.seed()` (and Brian2's `seed()`) takes. */
export function seed(def: string, help = "random seed, as Brian2's seed(seed)") {
  return int(def, help)
    .min(0)
    .max(2 ** 32 - 1);
}

/** One source for the whole figure: Brian keeps drawing from the same stream across networks. */
export function figureSource(kind: RngKind, seedValue: number): RandomSource {
  return kind === 'numpy' ? numpySource(new RandomState(seedValue)) : sequentialSource(new Rng(seedValue));
}

/**
 * `--rng numpy|fast` and `--seed`: where a figure's random numbers come from.
 *
 *  numpy  numpy's legacy RandomState seeded as `numpy.random.seed(seed)` (Brian2's `seed(seed)`
 *         on its numpy target reaches the same generator). The figure draws in the notebook's
 *         order and the core draws `rand()`/`randn()` in Brian2's, so the figure is the course's
 *         Python output draw for draw.
 *  fast   xoshiro128** (src/sim/random.ts) under the same distribution algorithms, with the
 *         ziggurat for normals: other numbers, the same distributions.
 *
 * Seeds are numpy's: integers 0 … 2³² − 1, for both generators, so a seed means the same thing
 * whichever is chosen.
 */
import { numpySource, sequentialSource, type RandomSource } from '../sim/index.js';
import { MAX_SEED, RandomState } from '../sim/numpy/index.js';
import { Rng } from '../sim/random.js';
import { choice, int } from '../options/params.js';

export const RNG_KINDS = ['numpy', 'fast'] as const;
export type RngKind = (typeof RNG_KINDS)[number];

/** `--rng`: numpy by default, as every course figure drew from numpy. */
export function rng(def: RngKind = 'numpy', help = "random numbers: numpy (numpy's legacy RandomState: the course's own draws for the seed) or fast (xoshiro128**)") {
  return choice(RNG_KINDS, def, help);
}

/** `--seed`: what `numpy.random.seed()` takes. */
export function seed(def: string, help = 'random seed, as numpy.random.seed(seed)') {
  return int(def, help).min(0).max(MAX_SEED);
}

/** numpy's algorithms on xoshiro128**, with ziggurat normals (no cached second normal). */
class FastRandom extends RandomState {
  private readonly rng: Rng;

  constructor(seed: number) {
    const rng = new Rng(seed);
    super({
      next32: () => rng.nextUint32(),
      nextDouble: () => rng.nextDouble(),
      fillDoubles(out, from = 0, to = out.length) {
        for (let k = from; k < to; k++) out[k] = rng.nextDouble();
      },
    });
    this.rng = rng;
  }

  override gauss(): number {
    return this.rng.normal();
  }
}

/** A figure's generator: RandomState's calls (rand, randn, choice, poisson, shuffle, …) on either kind. */
export function randomState(kind: RngKind, seedValue: number): RandomState {
  return kind === 'numpy' ? new RandomState(seedValue) : new FastRandom(seedValue);
}

/**
 * The core's source on the same generator: every group's `rand()`/`randn()` drawn as one
 * vector per call site per step, in schedule order, as Brian2's numpy target does.
 */
export function coreSource(state: RandomState): RandomSource {
  return numpySource(state);
}

/**
 * The week-1 figures' source (Brian2's `seed(S)` then networks that draw from it): numpy is
 * coreSource(randomState('numpy', S)); fast is xoshiro128**'s own stream drawn in the core's
 * order (sequentialSource), not FastRandom's numpy-shaped calls, so its numbers are its own.
 */
export function brianSource(kind: RngKind, seedValue: number): RandomSource {
  return kind === 'numpy' ? numpySource(new RandomState(seedValue)) : sequentialSource(new Rng(seedValue));
}

/**
 * The Mersenne Twister MT19937 (Matsumoto & Nishimura 1998) as numpy's legacy RandomState
 * seeds and reads it.
 *
 * Seeding is the reference `init_genrand` with one 32-bit integer, which is what
 * `numpy.random.seed(s)` and Brian2's `seed(s)` do for an integer s. (Python's own
 * `random.seed` uses `init_by_array` instead and gives another stream.)
 */

const N = 624;
const M = 397;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;
const MATRIX_A = 0x9908b0df;
/** Knuth's multiplier for the seeding recurrence. */
const SEED_MULTIPLIER = 1812433253;

export const MAX_SEED = 0xffffffff;

/** Refuses what numpy refuses: a seed must be an integer in [0, 2^32 − 1]. */
export function checkSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`seed must be an integer between 0 and 2**32 - 1 (4294967295), got ${seed}`);
  }
}

/** MT19937's output tempering of one state word. */
function temper(word: number): number {
  let y = word;
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y >>> 0;
}

export class MT19937 {
  private readonly key = new Uint32Array(N);
  private pos = N;

  constructor(seed: number) {
    this.seed(seed);
  }

  /** init_genrand: key[0] = s, key[k] = 1812433253·(key[k−1] ^ (key[k−1] >>> 30)) + k mod 2³². */
  seed(seed: number): void {
    checkSeed(seed);
    const key = this.key;
    key[0] = seed;
    for (let k = 1; k < N; k++) {
      const prev = key[k - 1] ^ (key[k - 1] >>> 30);
      key[k] = (Math.imul(SEED_MULTIPLIER, prev) + k) >>> 0;
    }
    this.pos = N;
  }

  /** Regenerates the whole block of 624 words (the "twist"), in three runs to avoid a modulo. */
  private twist(): void {
    const key = this.key;
    let k = 0;
    for (; k < N - M; k++) {
      const y = (key[k] & UPPER) | (key[k + 1] & LOWER);
      key[k] = key[k + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; k < N - 1; k++) {
      const y = (key[k] & UPPER) | (key[k + 1] & LOWER);
      key[k] = key[k + M - N] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    const y = (key[N - 1] & UPPER) | (key[0] & LOWER);
    key[N - 1] = key[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    this.pos = 0;
  }

  /** The next 32-bit output, tempered, as a non-negative number. */
  next32(): number {
    if (this.pos === N) this.twist();
    return temper(this.key[this.pos++]);
  }

  /** Fills out[from…to) with nextDouble() values, the generator's state kept in locals. */
  fillDoubles(out: Float64Array, from = 0, to = out.length): void {
    const key = this.key;
    let pos = this.pos;
    for (let k = from; k < to; k++) {
      if (pos === N) {
        this.twist();
        pos = 0;
      }
      const a = temper(key[pos++]) >>> 5;
      if (pos === N) {
        this.twist();
        pos = 0;
      }
      const b = temper(key[pos++]) >>> 6;
      out[k] = (a * 67108864 + b) / 9007199254740992;
    }
    this.pos = pos;
  }

  /** A double in [0, 1) on 53 bits from two outputs: ((a >> 5)·2²⁶ + (b >> 6)) / 2⁵³. */
  nextDouble(): number {
    const a = this.next32() >>> 5;
    const b = this.next32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }
}

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
// As int32 (the key is read through an Int32Array view): V8 keeps the twist in 32-bit registers.
const UPPER = 0x80000000 | 0;
const LOWER = 0x7fffffff;
const MATRIX_A = 0x9908b0df | 0;
/** Knuth's multiplier for the seeding recurrence. */
const SEED_MULTIPLIER = 1812433253;
/** 2^-53: (a·2^26 + b)·2^-53 is exactly the division by 2^53 numpy makes. */
const INV_TWO53 = 1 / 9007199254740992;

export const MAX_SEED = 0xffffffff;

/**
 * Bulk draws on an MT19937 state made elsewhere, the same numbers faster: the WebAssembly
 * module of src/wasm/numpy-random.c (./mt19937-wasm.ts). Each call reads the 624 key words and
 * the position, advances the key in place and returns the new position.
 */
export interface Mt19937Bulk {
  /** out[from…to) = nextDouble() values. */
  fillDoubles(key: Uint32Array, pos: number, out: Float64Array, from: number, to: number): number;
  /** out[from…from + 2·pairs) = `pairs` accepted pairs of the polar method, (f·x2, f·x1) each. */
  polarPairs(key: Uint32Array, pos: number, out: Float64Array, from: number, pairs: number): number;
  /**
   * out[k] = values[number of cdf entries ≤ u] for one double u each, k in [0, out.length): choice
   * with p over a cdf of at most SHORT_CDF entries (./random-state.ts; values has one more).
   */
  choiceShort(key: Uint32Array, pos: number, out: Float64Array, cdf: Float64Array, values: Float64Array): number;
}

let bulk: Mt19937Bulk | undefined;
/** Makes `bulk` on the first call that wants it (a figure that draws little never pays for it). */
let makeBulk: (() => Mt19937Bulk | undefined) | undefined;

/**
 * Routes every MT19937's bulk draws through `b` from now on, or through what `b()` returns when
 * a first bulk call comes (undefined: TypeScript only). Nothing else changes: both give the
 * same numbers (tests/sim/numpy-wasm.test.ts).
 */
export function useMt19937Bulk(b: Mt19937Bulk | (() => Mt19937Bulk | undefined) | undefined): void {
  bulk = typeof b === 'function' ? undefined : b;
  makeBulk = typeof b === 'function' ? b : undefined;
}

/** Fewer draws than this stay in TypeScript: copying the state in and out costs about as much. */
const BULK_MIN = 128;

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
  /** The same words as int32, for the twist and the bulk reads. */
  private readonly words = new Int32Array(this.key.buffer);
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

  /**
   * Regenerates the whole block of 624 words (the "twist"): word k from words k, k + 1 and
   * k + M (mod N, already regenerated for k ≥ N − M), two words per iteration, in runs that
   * avoid a modulo. The low bit of y is that of word k + 1, so its mask is (w << 31) >> 31.
   */
  private twist(): void {
    const key = this.words;
    let k = 0;
    let next = key[0];
    for (; k < N - M - 1; k += 2) {
      const a = key[k + 1];
      const b = key[k + 2];
      key[k] = key[k + M] ^ (((next & UPPER) | (a & LOWER)) >>> 1) ^ (((a << 31) >> 31) & MATRIX_A);
      key[k + 1] = key[k + M + 1] ^ (((a & UPPER) | (b & LOWER)) >>> 1) ^ (((b << 31) >> 31) & MATRIX_A);
      next = b;
    }
    for (; k < N - M; k++) {
      const cur = next;
      next = key[k + 1];
      key[k] = key[k + M] ^ (((cur & UPPER) | (next & LOWER)) >>> 1) ^ (((next << 31) >> 31) & MATRIX_A);
    }
    for (; k < N - 2; k += 2) {
      const a = key[k + 1];
      const b = key[k + 2];
      key[k] = key[k + M - N] ^ (((next & UPPER) | (a & LOWER)) >>> 1) ^ (((a << 31) >> 31) & MATRIX_A);
      key[k + 1] = key[k + M - N + 1] ^ (((a & UPPER) | (b & LOWER)) >>> 1) ^ (((b << 31) >> 31) & MATRIX_A);
      next = b;
    }
    for (; k < N - 1; k++) {
      const cur = next;
      next = key[k + 1];
      key[k] = key[k + M - N] ^ (((cur & UPPER) | (next & LOWER)) >>> 1) ^ (((next << 31) >> 31) & MATRIX_A);
    }
    const first = key[0];
    key[N - 1] = key[M - 1] ^ (((next & UPPER) | (first & LOWER)) >>> 1) ^ (((first << 31) >> 31) & MATRIX_A);
    this.pos = 0;
  }

  /** The next 32-bit output, tempered, as a non-negative number. */
  next32(): number {
    if (this.pos === N) this.twist();
    return temper(this.key[this.pos++]);
  }

  /**
   * Fills out[from…to) with nextDouble() values: whole pairs of words straight from each
   * twisted block (624 words, 312 doubles), the generator's position kept in a local; a pair
   * that straddles two blocks is drawn word by word.
   */
  fillDoubles(out: Float64Array, from = 0, to = out.length): void {
    if (this.inBulk(to - from, (b, key, pos) => b.fillDoubles(key, pos, out, from, to))) return;
    const key = this.words;
    let pos = this.pos;
    let k = from;
    while (k < to) {
      if (pos === N) {
        this.twist();
        pos = 0;
      }
      const end = k + Math.min((N - pos) >> 1, to - k);
      for (; k < end; k++) {
        let a = key[pos];
        a ^= a >>> 11;
        a ^= (a << 7) & 0x9d2c5680;
        a ^= (a << 15) & 0xefc60000;
        a ^= a >>> 18;
        let b = key[pos + 1];
        b ^= b >>> 11;
        b ^= (b << 7) & 0x9d2c5680;
        b ^= (b << 15) & 0xefc60000;
        b ^= b >>> 18;
        pos += 2;
        out[k] = ((a >>> 5) * 67108864 + (b >>> 6)) * INV_TWO53;
      }
      if (k < to && pos === N - 1) {
        this.pos = pos;
        out[k++] = this.nextDouble();
        pos = this.pos;
      }
    }
    this.pos = pos;
  }

  /**
   * Runs `draw` (which takes `doubles` doubles or more) on this generator's state through the
   * installed bulk path, when there is one and the call is big enough to pay for it; false,
   * nothing drawn, when not.
   */
  inBulk(doubles: number, draw: (b: Mt19937Bulk, key: Uint32Array, pos: number) => number): boolean {
    if (doubles < BULK_MIN) return false;
    if (makeBulk !== undefined) {
      bulk = makeBulk();
      makeBulk = undefined;
    }
    if (bulk === undefined) return false;
    this.pos = draw(bulk, this.key, this.pos);
    return true;
  }

  /** A double in [0, 1) on 53 bits from two outputs: ((a >> 5)·2²⁶ + (b >> 6)) / 2⁵³. */
  nextDouble(): number {
    const a = this.next32() >>> 5;
    const b = this.next32() >>> 6;
    return (a * 67108864 + b) * INV_TWO53;
  }
}

/**
 * numpy 1.24's legacy `RandomState` (what `numpy.random.seed(s)`, `numpy.random.rand` … and
 * Brian2's numpy target use), draw for draw and bit for bit.
 *
 * Every method consumes the MT19937 stream exactly as numpy does, so a sequence of calls here
 * gives the same numbers as the same sequence of calls in Python. Floats go through the
 * glibc-equivalent `log`/`exp` of ./libm.ts, so normals, exponentials and Poisson counts match
 * to the last bit, not just to rounding.
 *
 * Sizes are element counts; an array of shape (a, b) is drawn as a·b values in C order.
 * Integer results (randint, poisson, choice) come as Float64Array of whole numbers.
 */
import { exp, log } from './libm.js';
import { MT19937 } from './mt19937.js';

/** Largest number of values one call may return (keeps every loop and allocation bounded). */
export const MAX_DRAWS = 2 ** 30;
/** Largest λ for poisson: beyond 2^52 a count is no longer an exact double, as numpy's int64 is. */
export const MAX_POISSON_LAM = 2 ** 52;

function checkSize(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_DRAWS) {
    throw new RangeError(`${what}: size must be an integer in [0, 2**30], got ${n}`);
  }
}

/** Smallest 2^k − 1 ≥ max (max < 2^53). */
function bitMask(max: number): number {
  let mask = 1;
  while (mask < max) mask = mask * 2 + 1;
  return mask;
}

/**
 * The 32-bit generator under the distributions: numpy's MT19937, or another one (snn-figs'
 * `--rng fast` runs these same algorithms on xoshiro128**).
 */
export interface BitSource {
  next32(): number;
  /** (a >> 5, b >> 6) of two next32() as a double in [0, 1) on the 2^-53 grid. */
  nextDouble(): number;
  /** Fills out[from…to) with nextDouble() values. */
  fillDoubles(out: Float64Array, from?: number, to?: number): void;
}

export class RandomState {
  private readonly mt: BitSource;
  private hasGauss = false;
  /** The cached normal, in an array: a double field of an object would box every store. */
  private readonly gaussCache = new Float64Array(1);
  /** The last polar pair (polarPair), in a typed array so that no pair is ever allocated. */
  private readonly pair = new Float64Array(2);

  /**
   * numpy.random.RandomState(seed) / numpy.random.seed(seed): an integer in [0, 2^32 − 1];
   * or numpy's algorithms over another bit source.
   */
  constructor(seed: number | BitSource) {
    this.mt = typeof seed === 'number' ? new MT19937(seed) : seed;
  }

  /** Reseeds and forgets the cached normal, as numpy's seed() does. */
  seed(seed: number): void {
    if (!(this.mt instanceof MT19937)) throw new TypeError('seed(): this RandomState draws from another bit source than MT19937');
    this.mt.seed(seed);
    this.hasGauss = false;
    this.gaussCache[0] = 0;
  }

  /** One raw 32-bit output of the generator. */
  nextUint32(): number {
    return this.mt.next32();
  }

  /** One uniform in [0, 1): numpy's random_sample() / rand() with no size. */
  uniform(): number {
    return this.mt.nextDouble();
  }

  /** rand(n) = random_sample(n): n uniforms in [0, 1). */
  rand(n: number): Float64Array {
    checkSize(n, 'rand');
    const out = new Float64Array(n);
    this.mt.fillDoubles(out);
    return out;
  }

  randomSample(n: number): Float64Array {
    return this.rand(n);
  }

  /**
   * One standard normal: the legacy polar method. Draws pairs x1, x2 = 2u − 1 until
   * 0 < r² < 1, returns f·x2 with f = sqrt(−2 ln r² / r²) and keeps f·x1 for the next call,
   * whichever method that call is (the cache survives randn(1) followed by randn(25)).
   */
  gauss(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const cached = this.gaussCache[0];
      this.gaussCache[0] = 0;
      return cached;
    }
    this.polarPair();
    this.gaussCache[0] = this.pair[1];
    this.hasGauss = true;
    return this.pair[0];
  }

  /** numpy's polar method: one pair of normals into `pair`, the one numpy returns first at [0]. */
  private polarPair(): void {
    const mt = this.mt;
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * mt.nextDouble() - 1;
      x2 = 2 * mt.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * log(r2)) / r2);
    this.pair[0] = f * x2;
    this.pair[1] = f * x1;
  }

  /**
   * randn(n) = standard_normal(n): gauss() n times, written out so that both normals of a
   * pair go straight to `out` (the second is cached only when the array ends between them).
   */
  randn(n: number): Float64Array {
    checkSize(n, 'randn');
    const out = new Float64Array(n);
    let k = 0;
    if (n > 0 && this.hasGauss) out[k++] = this.gauss();
    const mt = this.mt;
    const pairs = (n - k) >> 1;
    if (mt instanceof MT19937 && mt.inBulk(2 * pairs, (b, key, pos) => b.polarPairs(key, pos, out, k, pairs))) k += 2 * pairs;
    while (k < n) {
      this.polarPair();
      out[k++] = this.pair[0];
      if (k < n) {
        out[k++] = this.pair[1];
      } else {
        this.gaussCache[0] = this.pair[1];
        this.hasGauss = true;
      }
    }
    return out;
  }

  standardNormal(n: number): Float64Array {
    return this.randn(n);
  }

  /** standard_exponential(n): −ln(1 − u) each. */
  standardExponential(n: number): Float64Array {
    checkSize(n, 'standard_exponential');
    const out = this.rand(n);
    for (let k = 0; k < n; k++) out[k] = -log(1 - out[k]);
    return out;
  }

  /** exponential(scale, n): scale·(−ln(1 − u)); scale ≥ 0 (numpy refuses negative or NaN). */
  exponential(scale: number, n: number): Float64Array {
    if (!(scale >= 0) || Object.is(scale, -0)) {
      throw new RangeError(`exponential: scale must be non-negative, got ${scale}`);
    }
    checkSize(n, 'exponential');
    const out = this.rand(n);
    for (let k = 0; k < n; k++) out[k] = scale * -log(1 - out[k]);
    return out;
  }

  /**
   * poisson(lam, n). λ ≥ 10: Hörmann's transformed rejection (PTRS) with numpy's loggam;
   * 0 < λ < 10: multiply uniforms until the product ≤ e^−λ; λ = 0: zeros without drawing.
   */
  poisson(lam: number, n: number): Float64Array {
    if (!(lam >= 0)) throw new RangeError(`poisson: lam must be non-negative, got ${lam}`);
    if (!(lam <= MAX_POISSON_LAM)) {
      throw new RangeError(`poisson: lam must be at most 2**52 (counts beyond are not exact), got ${lam}`);
    }
    checkSize(n, 'poisson');
    const out = new Float64Array(n);
    if (lam === 0) return out;
    if (lam >= 10) {
      const ptrs = new PoissonPtrs(lam);
      for (let k = 0; k < n; k++) out[k] = ptrs.draw(this.mt);
    } else {
      const limit = exp(-lam);
      for (let k = 0; k < n; k++) out[k] = poissonByProducts(this.mt, limit);
    }
    return out;
  }

  /**
   * randint(low, high, n): integers in [low, high) with numpy's legacy masked rejection:
   * draw (next & mask) until ≤ high − low − 1, mask = smallest 2^k − 1 above it; 32-bit draws
   * for ranges below 2^32, 64-bit ones (high word first) above. A range of one value draws
   * nothing. Bounds within ±2^53, and high − low ≤ 2^53, so that every result is exact.
   */
  randint(low: number, high: number, n: number): Float64Array {
    const exact = (x: number) => Number.isInteger(x) && Math.abs(x) <= 2 ** 53;
    if (!exact(low) || !exact(high)) {
      throw new RangeError(`randint: low and high must be integers within ±2**53, got ${low}, ${high}`);
    }
    if (low >= high) throw new RangeError(`randint: low >= high (${low} >= ${high})`);
    // The largest value drawn, high − 1 − low, must be exact and the results too.
    const span = high - 1 - low;
    if (!Number.isSafeInteger(span) || !Number.isSafeInteger(high - 1)) {
      throw new RangeError(`randint: high - low must be at most 2**53, got ${high} - ${low}`);
    }
    checkSize(n, 'randint');
    const out = new Float64Array(n);
    for (let k = 0; k < n; k++) out[k] = low + this.boundedInteger(span);
    return out;
  }

  /** An integer in [0, max] by masked rejection (numpy's bounded_masked_uint32/64, random_interval). */
  boundedInteger(max: number): number {
    if (max === 0) return 0;
    if (max === 0xffffffff) return this.mt.next32();
    if (max < 0xffffffff) {
      const mask = bitMask(max);
      let value: number;
      do value = (this.mt.next32() & mask) >>> 0;
      while (value > max);
      return value;
    }
    const maskHigh = Math.floor(bitMask(max) / 4294967296);
    let value: number;
    do {
      const high = (this.mt.next32() & maskHigh) >>> 0;
      const low = this.mt.next32();
      value = high * 4294967296 + low;
    } while (value > max);
    return value;
  }

  /** shuffle(x) in place: Fisher–Yates from the end, j = random_interval(i). */
  shuffle<T>(x: { length: number; [index: number]: T }): void {
    checkSize(x.length, 'shuffle');
    for (let i = x.length - 1; i > 0; i--) {
      const j = this.boundedInteger(i);
      const held = x[i];
      x[i] = x[j];
      x[j] = held;
    }
  }

  /** permutation(n): a shuffled arange(n). */
  permutation(n: number): Float64Array {
    checkSize(n, 'permutation');
    const out = new Float64Array(n);
    for (let k = 0; k < n; k++) out[k] = k;
    this.shuffle(out);
    return out;
  }

  /**
   * choice(a, size, p) with replacement. `a` is a population size (values 0…a−1) or the values
   * themselves. With p: cdf = cumsum(p), cdf /= cdf[−1], one uniform per value, index =
   * searchsorted(cdf, u, 'right'). Without p: randint(0, len(a), size). numpy's checks on p
   * (same length, no NaN, none negative, sum within √eps of 1) are made first.
   */
  choice(a: number | ArrayLike<number>, size: number, p?: ArrayLike<number>): Float64Array {
    const popSize = typeof a === 'number' ? a : a.length;
    if (typeof a === 'number' && !Number.isSafeInteger(a)) {
      throw new RangeError(`choice: a must be an integer or a list of values, got ${a}`);
    }
    checkSize(size, 'choice');
    if (popSize <= 0) {
      if (size === 0) return new Float64Array(0);
      throw new RangeError('choice: a must be non-empty (greater than 0) unless no samples are taken');
    }
    if (p !== undefined) checkProbabilities(p, popSize);
    if (size === 0) return new Float64Array(0);
    if (p !== undefined) return this.choiceWithP(size, p, typeof a === 'number' ? undefined : a);
    const indices = this.randint(0, popSize, size);
    if (typeof a === 'number') return indices;
    const out = new Float64Array(size);
    for (let k = 0; k < size; k++) out[k] = a[indices[k]];
    return out;
  }

  /** The draws of choice with p: indices, or values[index] when the values are given. */
  private choiceWithP(size: number, p: ArrayLike<number>, values?: ArrayLike<number>): Float64Array {
    const cdf = new Float64Array(p.length);
    let sum = 0;
    for (let k = 0; k < p.length; k++) cdf[k] = sum += p[k];
    const last = cdf[cdf.length - 1];
    for (let k = 0; k < cdf.length; k++) cdf[k] /= last;
    const lookup = Float64Array.from(values ?? cdf.map((_, k) => k));
    const out = new Float64Array(size);
    const mt = this.mt;
    if (cdf.length <= SHORT_CDF && mt instanceof MT19937 && mt.inBulk(size, (b, key, pos) => b.choiceShort(key, pos, out, cdf, lookup))) return out;
    this.mt.fillDoubles(out);
    if (cdf.length <= SHORT_CDF) {
      // searchsorted's count of entries ≤ u, without the binary search's unpredictable branches.
      for (let k = 0; k < size; k++) {
        const u = out[k];
        let count = 0;
        for (let i = 0; i < cdf.length; i++) count += cdf[i] <= u ? 1 : 0;
        out[k] = lookup[count];
      }
    } else {
      for (let k = 0; k < size; k++) out[k] = lookup[searchRight(cdf, out[k])];
    }
    return out;
  }
}

/** numpy's validation of choice's p, in numpy's order and with its tolerance √eps. */
function checkProbabilities(p: ArrayLike<number>, popSize: number): void {
  if (p.length !== popSize) throw new RangeError("choice: 'a' and 'p' must have same size");
  // Kahan–Babuška summation as numpy's kahan_sum.
  let sum = p[0];
  let carry = 0;
  for (let k = 1; k < p.length; k++) {
    const y = p[k] - carry;
    const t = sum + y;
    carry = t - sum - y;
    sum = t;
  }
  if (Number.isNaN(sum)) throw new RangeError('choice: probabilities contain NaN');
  for (let k = 0; k < p.length; k++) {
    if (p[k] < 0) throw new RangeError('choice: probabilities are not non-negative');
  }
  if (Math.abs(sum - 1) > Math.sqrt(Number.EPSILON)) {
    throw new RangeError('choice: probabilities do not sum to 1');
  }
}

/** Up to this many categories, choice counts the cdf's entries ≤ u one by one (it is sorted: the same count). */
export const SHORT_CDF = 8;

/** searchsorted(sorted, x, side='right'): the number of entries ≤ x. */
function searchRight(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Poisson for λ < 10: count uniforms until their running product drops to e^−λ. */
function poissonByProducts(mt: BitSource, limit: number): number {
  let count = 0;
  let product = 1;
  for (;;) {
    product *= mt.nextDouble();
    if (product > limit) count++;
    else return count;
  }
}

/**
 * Poisson for λ ≥ 10: W. Hörmann, "The transformed rejection method for generating Poisson
 * random variables", Insurance: Mathematics and Economics 12 (1993) 39–45, with numpy's
 * constants and its loggam.
 */
class PoissonPtrs {
  private readonly lam: number;
  private readonly logLam: number;
  private readonly a: number;
  private readonly b: number;
  private readonly logInvAlpha: number;
  private readonly vr: number;

  constructor(lam: number) {
    this.lam = lam;
    this.logLam = log(lam);
    const b = 0.931 + 2.53 * Math.sqrt(lam);
    this.b = b;
    this.a = -0.059 + 0.02483 * b;
    this.logInvAlpha = log(1.1239 + 1.1328 / (b - 3.4));
    this.vr = 0.9277 - 3.6224 / (b - 2);
  }

  draw(mt: BitSource): number {
    const { lam, a, b } = this;
    for (;;) {
      const u = mt.nextDouble() - 0.5;
      const v = mt.nextDouble();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lam + 0.43);
      if (us >= 0.07 && v <= this.vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (log(v) + this.logInvAlpha - log(a / (us * us) + b) <= -lam + k * this.logLam - loggam(k + 1)) {
        return k;
      }
    }
  }
}

/** Stirling-series coefficients of numpy's loggam (B₂ₖ / (2k(2k−1))). */
const LOGGAM_SERIES = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4, 8.417508417508418e-4, -1.917526917526918e-3, 6.41025641025641e-3,
  -2.955065359477124e-2, 1.796443723688307e-1, -1.3924322169059,
];
const LOG_2PI = 1.8378770664093453;

/**
 * ln Γ(x) as numpy's random_loggam: shift x up to at least 7, Stirling's series there, then
 * subtract the logs of the shifted-over factors one by one.
 */
export function loggam(x: number): number {
  if (x === 1 || x === 2) return 0;
  const shift = x < 7 ? Math.trunc(7 - x) : 0;
  let x0 = x + shift;
  const inv = 1 / x0;
  const x2 = inv * inv;
  let series = LOGGAM_SERIES[9];
  for (let k = 8; k >= 0; k--) series = series * x2 + LOGGAM_SERIES[k];
  let gl = series / x0 + 0.5 * LOG_2PI + (x0 - 0.5) * log(x0) - x0;
  for (let k = 1; k <= shift; k++) {
    gl -= log(x0 - 1);
    x0 -= 1;
  }
  return gl;
}

/**
 * Seedable random numbers for the simulation core.
 *
 *  - Uniform bits: xoshiro128** 1.0 (Blackman & Vigna), 128-bit state held as four
 *    int32 words, advanced with 32-bit integer ops only (Math.imul, shifts, xor) so
 *    V8 keeps everything in machine registers: no BigInt and no allocation per draw.
 *  - Seeding: the integer seed is expanded to the 128-bit state by SplitMix64
 *    (BigInt, in the constructor only), as the xoshiro authors recommend.
 *  - Normals: 256-layer ziggurat (Marsaglia & Tsang 2000) made exact in double
 *    precision: a 53-bit uniform for the abscissa, layer index and sign taken from
 *    bits that are *not* reused for the abscissa (the known defect of the original
 *    32-bit version), an exact wedge test against exp(-x²/2), and Marsaglia's exact
 *    algorithm for the tail beyond r. Tables are derived at module load from the
 *    closed-form layer recurrence; r itself is solved for, not hard-coded.
 *  - Interleaved streams (InterleavedNormals): a population of n neurons can draw from L
 *    independent streams at once, neuron i from lane i mod L, so that L generators run side
 *    by side in one SIMD register (the tuning curve's kernels). Each Rng's own sequence is
 *    unchanged by this; it is only a rule for which stream serves which draw.
 */
import type { RandomSource } from './random-source.js';
import { exp, log } from './libm/index.js';

// ---------------------------------------------------------------------------
// SplitMix64 (seeding only; BigInt is fine here because it runs once per Rng)
// ---------------------------------------------------------------------------

const MASK64 = (1n << 64n) - 1n;
/** SplitMix64's increment: 2^64 / golden ratio, odd. */
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;

/** SplitMix64's output function (a bijection of 64-bit words, Stafford's "Mix13"). */
function mix64(z: bigint): bigint {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/** Largest accepted seed / stream index: every integer up to here is exact in a double. */
const MAX_SEED = 2 ** 53;

function checkSeed(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > MAX_SEED) {
    throw new RangeError(`${what} must be an integer in [0, 2^53], got ${value}`);
  }
}

// ---------------------------------------------------------------------------
// Ziggurat tables (computed once at module load)
// ---------------------------------------------------------------------------

/**
 * Number of layers. With 256, a draw is settled by the fast path 98.5 % of the time
 * (vs ~97 % with 128) and only 0.67 % of candidate points are rejected overall
 * (ziggurat area 256·v vs sqrt(π/2) under the curve).
 */
const LAYERS: number = 256;
/** 2^53 and its inverse: the abscissa uniform is a 53-bit integer u in [0, 2^53). */
const TWO53 = 9007199254740992;
const INV_TWO53 = 1 / TWO53;

/** Unnormalised density f(x) = exp(-x²/2); the 1/sqrt(2π) factor cancels everywhere. */
function density(x: number): number {
  return exp(-0.5 * x * x);
}

/**
 * ∫_r^∞ exp(-t²/2) dt for r ≳ 2, via the continued fraction of Mills' ratio
 *   ∫_r^∞ e^{-t²/2} dt = e^{-r²/2} / (r + 1/(r + 2/(r + 3/(r + …)))),
 * evaluated bottom-up with enough terms to be exact to double rounding at r ≈ 3.65.
 * Needed for the area of the base layer (rectangle + tail).
 */
function gaussianTailArea(r: number): number {
  let t = r;
  for (let k = 400; k >= 1; k--) t = r + k / t;
  return density(r) / t;
}

/**
 * Walks the layer recurrence for a trial r and returns how far the top layer misses
 * closing: with v = r f(r) + tail(r) (area of the base strip) and, going up,
 * y_{i+1} = y_i + v / x_i, x_{i+1} = f⁻¹(y_{i+1}), the top (N-th) layer has area v exactly
 * iff y_{N-1} + v / x_{N-1} = 1. Positive when r is too small (layers too fat).
 */
function closureResidual(r: number): number {
  const v = r * density(r) + gaussianTailArea(r);
  let x = r;
  let y = density(r);
  for (let i = 1; i <= LAYERS - 2; i++) {
    y += v / x;
    if (y >= 1) return 1; // ran out of curve before the last layer: r too small
    x = Math.sqrt(-2 * log(y));
  }
  return y + v / x - 1;
}

/**
 * Solves closureResidual(r) = 0 by bisection down to adjacent doubles, from a bracket
 * [lo, hi] with residual(lo) > 0 ≥ residual(hi). Robust from [3, 4] (~55 residuals); the
 * module starts from a bracket 2e-14 wide around the root found that way (ZIG_R_NEAR), which
 * it checks, so that importing the core costs ~10 residuals, not ~55, of start-up time. The
 * residual changes sign once between adjacent doubles, so both brackets end on the same pair
 * and the same r (tests/random.test.ts solves from [3, 4] too).
 */
export function solveZigguratR(lo = 3, hi = 4): number {
  for (;;) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (closureResidual(mid) > 0) lo = mid;
    else hi = mid;
  }
  return Math.abs(closureResidual(lo)) < Math.abs(closureResidual(hi)) ? lo : hi;
}

/** Where the root lies: the start of the bisection, checked before use. */
const ZIG_R_NEAR = 3.6541528853610088;

function zigguratR(): number {
  const lo = ZIG_R_NEAR - 1e-14;
  const hi = ZIG_R_NEAR + 1e-14;
  return closureResidual(lo) > 0 && closureResidual(hi) <= 0 ? solveZigguratR(lo, hi) : solveZigguratR();
}

const ZIG_R = zigguratR();
/** Common area of every layer (in units of the unnormalised density). */
const ZIG_V = ZIG_R * density(ZIG_R) + gaussianTailArea(ZIG_R);

/**
 * X[i]: right edge of the bounding box of layer i (X[0] = v / f(r) is the base strip's
 * pseudo-width, so that u·X[0] ≥ r means "in the tail"); X[1] = r; X[N] = 0.
 * F[i] = f(X[i]): layer i spans heights [F[i], F[i+1]]; F[N] = 1.
 * Layer i's rectangle core is x < X[i+1] (entirely under the curve); the top layer
 * (i = N-1, X[N] = 0) has no core and is handled entirely by the wedge test.
 */
const ZIG_X = new Float64Array(LAYERS + 1);
const ZIG_F = new Float64Array(LAYERS + 1);
{
  ZIG_X[0] = ZIG_V / density(ZIG_R);
  ZIG_X[1] = ZIG_R;
  ZIG_F[1] = density(ZIG_R);
  for (let i = 1; i <= LAYERS - 2; i++) {
    // Keep F from the recurrence itself (area-exact) and derive X from it.
    ZIG_F[i + 1] = ZIG_F[i] + ZIG_V / ZIG_X[i];
    ZIG_X[i + 1] = Math.sqrt(-2 * log(ZIG_F[i + 1]));
  }
  ZIG_X[LAYERS] = 0;
  ZIG_F[LAYERS] = 1;
}

/**
 * Hot-path tables indexed by j = 9 low bits of a draw: layer i = j >>> 1, sign = j & 1.
 * Folding the sign into the scale avoids an unpredictable branch on the fast path.
 *  - ZIG_T[j] = 2^53 · X[i+1] / X[i]: u < ZIG_T[j] ⇔ u·X[i]/2^53 < X[i+1] (inside the core)
 *  - ZIG_W[j] = ±X[i] / 2^53: x = u · ZIG_W[j] is the signed abscissa.
 */
const ZIG_T = new Float64Array(2 * LAYERS);
const ZIG_W = new Float64Array(2 * LAYERS);
for (let j = 0; j < 2 * LAYERS; j++) {
  const i = j >>> 1;
  ZIG_T[j] = (ZIG_X[i + 1] / ZIG_X[i]) * TWO53;
  ZIG_W[j] = ((j & 1) === 0 ? 1 : -1) * ZIG_X[i] * INV_TWO53;
}

/**
 * The hot-path tables themselves, for kernels that inline the fast path of normal()
 * (src/sim/kernels/). Internal: treat as read-only; a kernel that inlines the fast path
 * hands every miss to Rng.normalAfterMiss (or, in src/wasm/noisy-lif.c, to a line-for-line
 * transcription of it calling this module's exp and log), so it draws exactly what normal() draws.
 */
export const ZIG_FAST = Object.freeze({ threshold: ZIG_T, scale: ZIG_W });

/**
 * Read-only description of the ziggurat, exported for tests and documentation.
 * `x`/`f` are copies; mutating them does not affect sampling.
 */
export const ZIGGURAT = Object.freeze({
  layers: LAYERS,
  /** Start of the tail (≈ 3.6541528853610088 for 256 layers). */
  r: ZIG_R,
  /** Area of each layer under the unnormalised density exp(-x²/2). */
  v: ZIG_V,
  x: Float64Array.from(ZIG_X),
  f: Float64Array.from(ZIG_F),
  /** Probability that a draw is settled by the fast path (rectangle-core hit). */
  fastPathProbability: (() => {
    let s = 0;
    for (let i = 0; i < LAYERS; i++) s += ZIG_X[i + 1] / ZIG_X[i];
    return s / LAYERS;
  })(),
});

// ---------------------------------------------------------------------------
// xoshiro128** jump polynomial (advances the state by 2^64 steps)
// ---------------------------------------------------------------------------

const JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b] as const;

export class Rng {
  // State words, kept as int32 (results of ^, <<, |) so V8 can use Word32 arithmetic.
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  /** Seeds from an integer in [0, 2^53]: the state is the first two SplitMix64 outputs. */
  constructor(seed: number) {
    checkSeed(seed, 'seed');
    this.seedSplitMix(BigInt(seed));
  }

  /**
   * Raw xoshiro128** state (uint32 or int32 words, taken mod 2^32), no seeding
   * scrambler. For reference tests. The all-zero state is a fixed point and is rejected.
   */
  static fromState(a: number, b: number, c: number, d: number): Rng {
    const rng = new Rng(0);
    rng.s0 = a | 0;
    rng.s1 = b | 0;
    rng.s2 = c | 0;
    rng.s3 = d | 0;
    if ((rng.s0 | rng.s1 | rng.s2 | rng.s3) === 0) {
      throw new RangeError('xoshiro128** state must not be all zero');
    }
    return rng;
  }

  /**
   * An independent generator for block k (e.g. a worker's neuron block), derived by
   * hashing (seed, k): the stream is seeded exactly like the constructor but from the
   * 64-bit value h_k = the (k+1)-th output of a SplitMix64 generator whose starting
   * state is mix64(seed), i.e. h_k = mix64(mix64(seed) + (k+1)·γ mod 2^64).
   * Distinct k give distinct h_k (mix64 is a bijection and γ is odd), hence distinct,
   * effectively random starting points in the 2^128 − 1 cycle: K streams of L draws
   * overlap with probability ≲ K²·L / 2^128 (≈ 3e-18 for a million streams of 1e9
   * draws). O(1) in k, unlike a chain of k jumps. Depends only on (seed, k).
   */
  static stream(seed: number, k: number): Rng {
    checkSeed(seed, 'seed');
    checkSeed(k, 'stream index');
    const h = mix64((mix64(BigInt(seed)) + (BigInt(k) + 1n) * GOLDEN_GAMMA) & MASK64);
    const rng = new Rng(0);
    rng.seedSplitMix(h);
    return rng;
  }

  /** State ← two consecutive SplitMix64 outputs from `state` (low word first). */
  private seedSplitMix(state: bigint): void {
    const a = mix64((state + GOLDEN_GAMMA) & MASK64);
    const b = mix64((state + 2n * GOLDEN_GAMMA) & MASK64);
    this.s0 = Number(a & 0xffffffffn) | 0;
    this.s1 = Number(a >> 32n) | 0;
    this.s2 = Number(b & 0xffffffffn) | 0;
    this.s3 = Number(b >> 32n) | 0;
    // mix64 is a bijection, so two consecutive outputs cannot both be 0; guard anyway.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** xoshiro128**: next uniform 32-bit unsigned integer in [0, 2^32). */
  nextUint32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    // Linear engine (xor/shift/rotate), reference order folded into single assignments:
    // s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= s1_old << 9; s3 = rotl(s3, 11).
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    this.s0 = s0 ^ s3;
    this.s1 = s1 ^ s2;
    this.s2 = s2 ^ (s1 << 9);
    this.s3 = (s3 << 11) | (s3 >>> 21);
    // ** scrambler on the old s1: rotl(s1 * 5, 7) * 9, all mod 2^32.
    const m = Math.imul(s1, 5);
    return Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
  }

  /** Uniform double in [0, 1) on the 2^-53 grid: 27 + 26 high bits of two draws. */
  nextDouble(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) * INV_TWO53;
  }

  /** Standard normal N(0, 1), exact to double precision (ziggurat, see module docs). */
  normal(): number {
    // Two 32-bit draws = 64 bits: j = a[0..8] is the sign (bit 0) and layer (bits 1..8);
    // a[11..31] (21 bits) and all of b (32 bits) form a 53-bit uniform integer u, so
    // x is continuous to double precision and independent of the layer choice
    // (bits 9..10 are unused).
    const a = this.nextUint32();
    const b = this.nextUint32();
    const j = a & 0x1ff;
    const u = (a >>> 11) * 4294967296 + b; // exact: < 2^53
    // Fast path (98.5 %): u·X[i]/2^53 lies in layer i's core rectangle, which is
    // entirely under the curve, so accept with one compare and one multiply.
    if (u < ZIG_T[j]) return u * ZIG_W[j];
    return this.normalAfterMiss(a, b);
  }

  /**
   * The rest of normal() after its first two words (a, b) missed the fast path: the wedge
   * or tail test, and on rejection a fresh attempt. For kernels that inline the fast path
   * with the generator state in local variables: they store the state back (setState),
   * call this, and reload it (getState). normal() ≡ "a, b = two draws; fast path or this".
   * src/wasm/noisy-lif.c transcribes it (finish_normal): change both together
   * (tests/sim/kernel.test.ts compares the kernels with the core bit for bit).
   */
  normalAfterMiss(a: number, b: number): number {
    for (;;) {
      const j = a & 0x1ff;
      const u = (a >>> 11) * 4294967296 + b;
      if (u < ZIG_T[j]) return u * ZIG_W[j];
      const x = u * ZIG_W[j];
      const i = j >>> 1;
      if (i === 0) {
        // Base strip, beyond r: given layer 0, this happens with probability tail/v, so
        // sample the tail |x| > r exactly with Marsaglia's (1964) method: t = e1/r and
        // e2 with e1, e2 ~ Exp(1), accepted when 2·e2 > t², gives r + t with density
        // ∝ exp(-x²/2) on (r, ∞). 1 - nextDouble() is in (0, 1], so the logs are finite.
        for (;;) {
          const t = -log(1 - this.nextDouble()) / ZIG_R;
          const e2 = -log(1 - this.nextDouble());
          if (e2 + e2 > t * t) return (j & 1) === 0 ? ZIG_R + t : -(ZIG_R + t);
        }
      }
      // Wedge of layer i (x in [X[i+1], X[i]) between heights F[i] and F[i+1]):
      // draw a uniform height and accept iff the point (x, y) is under exp(-x²/2).
      // Otherwise reject the whole point and start over (plain rejection sampling).
      const y = ZIG_F[i] + this.nextDouble() * (ZIG_F[i + 1] - ZIG_F[i]);
      if (y < exp(-0.5 * x * x)) return x;
      a = this.nextUint32();
      b = this.nextUint32();
    }
  }

  /** The four state words (int32), e.g. to run the generator in a kernel's local variables. */
  getState(out: Int32Array): void {
    out[0] = this.s0;
    out[1] = this.s1;
    out[2] = this.s2;
    out[3] = this.s3;
  }

  /** Puts back state words taken with getState (and advanced by an inlined generator). */
  setState(words: Int32Array): void {
    this.s0 = words[0] | 0;
    this.s1 = words[1] | 0;
    this.s2 = words[2] | 0;
    this.s3 = words[3] | 0;
  }

  /**
   * Fills out[start..end) with normals; identical to calling normal() in order.
   */
  fillNormal(out: Float64Array, start = 0, end = out.length): void {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > out.length || start > end) {
      throw new RangeError(`fillNormal: bad range [${start}, ${end}) for length ${out.length}`);
    }
    // Not a hot path (the kernels inline the generator themselves): the stream of normal().
    for (let k = start; k < end; k++) out[k] = this.normal();
  }

  /**
   * Advances the state by 2^64 steps (xoshiro128** jump polynomial): calling jump()
   * between uses splits one sequence into up to 2^64 non-overlapping blocks of 2^64 draws.
   */
  jump(): void {
    let t0 = 0;
    let t1 = 0;
    let t2 = 0;
    let t3 = 0;
    for (let w = 0; w < 4; w++) {
      const word = JUMP[w]!;
      for (let bit = 0; bit < 32; bit++) {
        // Accumulate the states whose coefficient in the jump polynomial is 1.
        if ((word >>> bit) & 1) {
          t0 ^= this.s0;
          t1 ^= this.s1;
          t2 ^= this.s2;
          t3 ^= this.s3;
        }
        this.nextUint32();
      }
    }
    this.s0 = t0;
    this.s1 = t1;
    this.s2 = t2;
    this.s3 = t3;
  }
}

// ---------------------------------------------------------------------------
// Interleaved streams: several independent generators serving one population
// ---------------------------------------------------------------------------

/**
 * Lanes of the interleaved layout used by the tuning curve: four xoshiro128** states fill
 * one 128-bit SIMD register (WebAssembly i32x4), so four streams advance per instruction.
 */
export const NORMAL_LANES = 4;

/**
 * The streams of block k (e.g. the tuning curve's condition k) in the interleaved layout:
 * lane ℓ ∈ [0, lanes) is Rng.stream(seed, lanes·k + ℓ). Distinct (k, ℓ) give distinct
 * stream indices, so every lane of every block is its own independent stream.
 */
export function interleavedStreams(seed: number, k: number, lanes: number = NORMAL_LANES): Rng[] {
  if (!Number.isInteger(lanes) || lanes < 1) throw new RangeError(`lanes must be a whole number ≥ 1, got ${lanes}`);
  checkSeed(k, 'stream index');
  checkSeed(lanes * k + lanes - 1, 'stream index');
  return Array.from({ length: lanes }, (_, l) => Rng.stream(seed, lanes * k + l));
}

/**
 * The interleaved layout as the generic core's RandomSource: element k of every array the
 * core draws (neuron k of the group) takes its next draw from stream k mod L, so each neuron
 * draws all its normals from one lane, in step order, whatever else the group draws: exactly
 * what the tuning curve's kernels do (src/sim/kernels/). With one stream it is that stream.
 */
export class InterleavedNormals implements RandomSource {
  private readonly streams: readonly Rng[];

  /** `n` (optional): the population size, checked against every draw. */
  constructor(
    streams: readonly Rng[],
    private readonly n?: number,
  ) {
    if (streams.length < 1) throw new RangeError('InterleavedNormals needs at least one stream');
    if (n !== undefined && (!Number.isInteger(n) || n < 1)) throw new RangeError(`n must be a whole number ≥ 1, got ${n}`);
    this.streams = streams;
  }

  fillNormal(out: Float64Array): void {
    this.check(out);
    const lanes = this.streams.length;
    for (let k = 0; k < out.length; k++) out[k] = this.streams[k % lanes]!.normal();
  }

  fillUniform(out: Float64Array): void {
    this.check(out);
    const lanes = this.streams.length;
    for (let k = 0; k < out.length; k++) out[k] = this.streams[k % lanes]!.nextDouble();
  }

  private check(out: Float64Array): void {
    if (this.n !== undefined && out.length > this.n) throw new RangeError(`${out.length} draws asked of a source for ${this.n} elements`);
  }
}

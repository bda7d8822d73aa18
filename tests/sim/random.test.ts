import { describe, it, expect } from 'vitest';
import { Rng, ZIGGURAT } from '../../src/sim/random.js';

// ---------------------------------------------------------------------------
// Independent reference implementations (BigInt, written from the published
// algorithm descriptions, deliberately not sharing code with src/sim/random.ts)
// ---------------------------------------------------------------------------

const U32 = (x: bigint): bigint => BigInt.asUintN(32, x);
const rotl32 = (x: bigint, k: bigint): bigint => U32((x << k) | (x >> (32n - k)));

/** xoshiro128** 1.0 as in Blackman & Vigna's reference C code, on BigInt words. */
class RefXoshiro128ss {
  s: bigint[];
  constructor(a: number, b: number, c: number, d: number) {
    this.s = [a, b, c, d].map((w) => BigInt(w >>> 0));
  }
  /** The linear state transition alone (no output scrambler). */
  step(): void {
    const s = this.s;
    const t = U32(s[1]! << 9n);
    s[2] = s[2]! ^ s[0]!;
    s[3] = s[3]! ^ s[1]!;
    s[1] = s[1]! ^ s[2]!;
    s[0] = s[0]! ^ s[3]!;
    s[2] = s[2]! ^ t;
    s[3] = rotl32(s[3]!, 11n);
  }
  next(): number {
    const result = U32(rotl32(U32(this.s[1]! * 5n), 7n) * 9n);
    this.step();
    return Number(result);
  }
  words(): number[] {
    return this.s.map((w) => Number(w));
  }
}

/** SplitMix64 (Steele, Lea & Flood), BigInt. */
function refSplitMix64(state: bigint): { next: () => bigint } {
  let x = BigInt.asUintN(64, state);
  return {
    next() {
      x = BigInt.asUintN(64, x + 0x9e3779b97f4a7c15n);
      let z = x;
      z = BigInt.asUintN(64, (z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n);
      z = BigInt.asUintN(64, (z ^ (z >> 27n)) * 0x94d049bb133111ebn);
      return z ^ (z >> 31n);
    },
  };
}

/** The four xoshiro words obtained from two SplitMix64 outputs, low half first. */
function splitMixWords(state: bigint): [number, number, number, number] {
  const g = refSplitMix64(state);
  const a = g.next();
  const b = g.next();
  const lo = (x: bigint) => Number(BigInt.asUintN(32, x));
  const hi = (x: bigint) => Number(x >> 32n);
  return [lo(a), hi(a), lo(b), hi(b)];
}

function firstUint32(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.nextUint32());
}

// ---------------------------------------------------------------------------
// Normal CDF, accurate to ~1e-16 absolute (and ~1e-12 relative in the left tail)
// ---------------------------------------------------------------------------

const SQRT_PI = Math.sqrt(Math.PI);

/** erfc(t) for t >= 0: positive-term series for erf below 2.5, continued fraction above. */
function erfc(t: number): number {
  if (t < 2.5) {
    // erf(t) = 2/sqrt(pi) e^{-t^2} sum_n (2t^2)^n t / (1*3*...*(2n+1)): all terms positive.
    let term = t;
    let sum = t;
    for (let n = 1; term > 1e-17 * sum; n++) {
      term *= (2 * t * t) / (2 * n + 1);
      sum += term;
    }
    return 1 - (2 / SQRT_PI) * Math.exp(-t * t) * sum;
  }
  // erfc(t) = e^{-t^2}/sqrt(pi) / (t + (1/2)/(t + 1/(t + (3/2)/(t + ...)))), bottom-up.
  let d = t;
  for (let k = 200; k >= 1; k--) d = t + k / 2 / d;
  return Math.exp(-t * t) / (SQRT_PI * d);
}

/** Standard normal CDF. */
function Phi(z: number): number {
  return z < 0 ? 0.5 * erfc(-z / Math.SQRT2) : 1 - 0.5 * erfc(z / Math.SQRT2);
}

/** Upper tail Q(a) = P(Z > a) for a >= 0, with relative precision. */
function upperTail(a: number): number {
  return 0.5 * erfc(a / Math.SQRT2);
}

/** Kolmogorov–Smirnov statistic sqrt(n)·D of `sample` (sorted in place) against `cdf`. */
function ksStatistic(sample: Float64Array, cdf: (x: number) => number): number {
  sample.sort();
  const n = sample.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sample[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d * Math.sqrt(n);
}

// ---------------------------------------------------------------------------

describe('xoshiro128** core', () => {
  it('matches outputs derived by hand from the reference algorithm for state (1,2,3,4)', () => {
    // By hand: out = rotl(s1*5, 7)*9.
    //  1) s1=2: 2*5=10, rotl(10,7)=1280, *9 = 11520.
    //     step: t=2<<9=1024; s2=3^1=2; s3=4^2=6; s1=2^2=0; s0=1^6=7; s2=2^1024=1026;
    //     s3=rotl(6,11)=12288  ->  (7, 0, 1026, 12288)
    //  2) s1=0: output 0.
    //     step: t=0; s2=1026^7=1029; s3=12288^0=12288; s1=0^1029=1029; s0=7^12288=12295;
    //     s3=rotl(12288,11)=25165824  ->  (12295, 1029, 1029, 25165824)
    //  3) s1=1029: 1029*5=5145, rotl(5145,7)=658560, *9 = 5927040.
    expect(firstUint32(Rng.fromState(1, 2, 3, 4), 3)).toEqual([11520, 0, 5927040]);
  });

  it('agrees with an independent BigInt implementation for 2000 outputs from several states', () => {
    const states: [number, number, number, number][] = [
      [1, 2, 3, 4],
      [0xffffffff, 0x80000000, 0x7fffffff, 0x00000001],
      [0xdeadbeef, 0x01234567, 0x89abcdef, 0xfedcba98],
      [0, 0, 0, 1],
    ];
    for (const st of states) {
      const ours = Rng.fromState(...st);
      const ref = new RefXoshiro128ss(...st);
      for (let i = 0; i < 2000; i++) {
        const v = ours.nextUint32();
        expect(Number.isInteger(v) && v >= 0 && v < 2 ** 32).toBe(true);
        if (v !== ref.next()) expect.fail(`state ${st.join(',')}: output ${i} differs`);
      }
    }
  });

  it('matches a published test vector of the C reference (values and jump states)', () => {
    // From the xoshiro128 test data of github.com/edorfaus/xoshiro-6502 (test-rom/testdata.asm),
    // generated with the C reference implementation: seed state, first four xoshiro128**
    // outputs, and the states after 1, 2, 3, 4 successive jump() calls from the seed.
    const seed: [number, number, number, number] = [0x964d4a0c, 0xd40ab895, 0xad7fdecb, 0x3006f0f0];
    expect(firstUint32(Rng.fromState(...seed), 4)).toEqual([0xf1391922, 0x6fe53806, 0xa5be2840, 0xf510ee70]);
    const jumpStates: [number, number, number, number][] = [
      [0x2a6dd50d, 0x01177499, 0xd7eb7d01, 0xddc48284],
      [0x5efdee5a, 0x3aa13c3d, 0x8cc77479, 0xeb10a58f],
      [0x2ca76937, 0x14c9006e, 0x34097ea8, 0xfdd876ea],
      [0x01b72c9a, 0xa78174aa, 0x1cc317be, 0x888235b2],
    ];
    jumpStates.forEach((js, m) => {
      const rng = Rng.fromState(...seed);
      for (let j = 0; j <= m; j++) rng.jump();
      // No state getter: compare the continuation with a generator started from the
      // expected state (16 matching outputs pin the 128-bit state).
      expect(firstUint32(rng, 16)).toEqual(firstUint32(Rng.fromState(...js), 16));
    });
  });

  it('jump() equals applying the transition matrix M^(2^64), computed by GF(2) squaring', () => {
    // Column p of M is the transition applied to unit state e_p (bit p of the 128-bit state,
    // word p>>5, bit p&31); M^(2^64) by 64 squarings. Independent of the jump polynomial.
    const NB = 128;
    let cols: Uint32Array[] = [];
    for (let p = 0; p < NB; p++) {
      const w = [0, 0, 0, 0];
      w[p >> 5] = 2 ** (p & 31);
      const ref = new RefXoshiro128ss(w[0]!, w[1]!, w[2]!, w[3]!);
      ref.step();
      cols.push(Uint32Array.from(ref.words()));
    }
    const apply = (m: Uint32Array[], v: Uint32Array): Uint32Array => {
      const out = new Uint32Array(4);
      for (let p = 0; p < NB; p++) {
        if ((v[p >> 5]! >>> (p & 31)) & 1) {
          const c = m[p]!;
          out[0] ^= c[0]!;
          out[1] ^= c[1]!;
          out[2] ^= c[2]!;
          out[3] ^= c[3]!;
        }
      }
      return out;
    };
    // Sanity: the matrix reproduces one step.
    const start = Uint32Array.from([0x9e3779b9, 0x7f4a7c15, 0xf39cc060, 0x5cedc834]);
    const oneStep = new RefXoshiro128ss(start[0]!, start[1]!, start[2]!, start[3]!);
    oneStep.step();
    expect(Array.from(apply(cols, start))).toEqual(oneStep.words());
    for (let k = 0; k < 64; k++) cols = cols.map((c) => apply(cols, c));
    const jumped = apply(cols, start);

    const rng = Rng.fromState(start[0]!, start[1]!, start[2]!, start[3]!);
    rng.jump();
    const ref = new RefXoshiro128ss(jumped[0]!, jumped[1]!, jumped[2]!, jumped[3]!);
    expect(firstUint32(rng, 16)).toEqual(Array.from({ length: 16 }, () => ref.next()));
  });

  it('rejects the all-zero state', () => {
    expect(() => Rng.fromState(0, 0, 0, 0)).toThrow(RangeError);
    expect(() => Rng.fromState(0, 0, 0, 2 ** 32)).toThrow(RangeError); // 2^32 ≡ 0 mod 2^32
  });
});

describe('seeding and streams', () => {
  it('expands the seed with SplitMix64 (first output for seed 0 is 0xe220a8397b1dcdaf)', () => {
    expect(refSplitMix64(0n).next()).toBe(0xe220a8397b1dcdafn); // widely published value
    for (const seed of [0, 1, 42, 2 ** 32 + 7, 2 ** 53 - 1, 2 ** 53]) {
      expect(firstUint32(new Rng(seed), 8)).toEqual(firstUint32(Rng.fromState(...splitMixWords(BigInt(seed))), 8));
    }
  });

  it('same seed gives the same sequence', () => {
    const a = new Rng(20240611);
    const b = new Rng(20240611);
    for (let i = 0; i < 1000; i++) expect(a.nextUint32()).toBe(b.nextUint32());
    const c = new Rng(7);
    const d = new Rng(7);
    for (let i = 0; i < 1000; i++) expect(c.normal()).toBe(d.normal());
  });

  it('different seeds give different sequences', () => {
    const seeds = [0, 1, 2, 3, 1000, 2 ** 31, 2 ** 32, 2 ** 32 + 1, 2 ** 53 - 1, 2 ** 53];
    const heads = seeds.map((s) => firstUint32(new Rng(s), 4).join(','));
    expect(new Set(heads).size).toBe(seeds.length);
    // And they are not shifted copies of each other: no shared value in the first 1000.
    const x = new Set(firstUint32(new Rng(1), 1000));
    const y = firstUint32(new Rng(2), 1000);
    expect(y.filter((v) => x.has(v)).length).toBeLessThanOrEqual(1);
  });

  it('stream(seed, k) is deterministic, differs across k and seeds, and follows its documented derivation', () => {
    const heads = new Set<string>();
    for (let k = 0; k < 64; k++) {
      const h = firstUint32(Rng.stream(99, k), 4).join(',');
      expect(firstUint32(Rng.stream(99, k), 4).join(',')).toBe(h);
      heads.add(h);
    }
    heads.add(firstUint32(new Rng(99), 4).join(','));
    heads.add(firstUint32(Rng.stream(100, 0), 4).join(','));
    expect(heads.size).toBe(66);

    // Documented: h_k = mix64(mix64(seed) + (k+1)·γ), i.e. the (k+1)-th SplitMix64 output
    // from state mix64(seed), then expanded like the constructor.
    const mix = (z: bigint) => refSplitMix64(BigInt.asUintN(64, z - 0x9e3779b97f4a7c15n)).next();
    const g = refSplitMix64(mix(99n));
    for (let k = 0; k < 6; k++) {
      const h = g.next(); // (k+1)-th output
      expect(firstUint32(Rng.stream(99, k), 8)).toEqual(firstUint32(Rng.fromState(...splitMixWords(h)), 8));
    }
    const big = 2 ** 53;
    const hBig = mix(BigInt.asUintN(64, mix(BigInt(big)) + (BigInt(big) + 1n) * 0x9e3779b97f4a7c15n));
    expect(firstUint32(Rng.stream(big, big), 8)).toEqual(firstUint32(Rng.fromState(...splitMixWords(hBig)), 8));
  });

  it('rejects seeds and stream indices outside the integers 0..2^53', () => {
    for (const bad of [-1, 0.5, 2 ** 53 + 2, Number.NaN, Infinity]) {
      expect(() => new Rng(bad)).toThrow(RangeError);
      expect(() => Rng.stream(1, bad)).toThrow(RangeError);
    }
  });
});

describe('nextDouble', () => {
  it('is in [0, 1) on the 2^-53 grid with mean 1/2', () => {
    const rng = new Rng(3);
    const n = 1_000_000;
    let sum = 0;
    let min = 1;
    let max = 0;
    let oddLowBit = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.nextDouble();
      if (!(u >= 0 && u < 1)) expect.fail(`out of range: ${u}`);
      const k = u * 2 ** 53;
      if (!Number.isInteger(k)) expect.fail(`not on the 2^-53 grid: ${u}`);
      if (k % 2 === 1) oddLowBit++;
      sum += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    const se = Math.sqrt(1 / 12 / n);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(5 * se);
    expect(min).toBeLessThan(1e-5);
    expect(max).toBeGreaterThan(1 - 1e-5);
    // The 53rd bit is really random (about half the values are odd multiples of 2^-53).
    expect(Math.abs(oddLowBit / n - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / n));
  });
});

describe('normal()', () => {
  it('regression guard: first 5 outputs for seed 1', () => {
    // Values computed once by this implementation and hard-coded: they pin the exact
    // stream (seeding + xoshiro128** + ziggurat bit layout) so that figure regeneration
    // stays reproducible. Changing them means every seeded figure changes.
    const rng = new Rng(1);
    expect(Array.from({ length: 5 }, () => rng.normal())).toEqual([
      0.3371250198385864, -0.21096164383247018, 0.31074082209269827, -1.4723388786599443, -0.6115609050327534,
    ]);
  });

  it('ziggurat tables follow the closed-form recurrence', () => {
    const { layers, r, v, x, f } = ZIGGURAT;
    expect(layers).toBe(256);
    // Published 256-layer constants (Marsaglia & Tsang 2000): r = 3.6541528853610088,
    // v = 0.00492867323399 (their v is good to ~13 digits); and the 40-digit root of the
    // same recurrence computed offline with mpmath: r = 3.654152885361008771645…,
    // v = 0.004928673233974655347….
    expect(Math.abs(r / 3.6541528853610088 - 1)).toBeLessThan(1e-15);
    expect(Math.abs(v - 0.00492867323399)).toBeLessThan(1e-13);
    expect(Math.abs(r / 3.654152885361008771645 - 1)).toBeLessThan(1e-15);
    expect(Math.abs(v / 0.004928673233974655347 - 1)).toBeLessThan(1e-14);
    // v is the base-strip area: r f(r) + ∫_r^∞ e^{-t²/2} dt.
    expect(Math.abs(v / (r * Math.exp((-r * r) / 2) + Math.sqrt(2 * Math.PI) * upperTail(r)) - 1)).toBeLessThan(1e-12);
    expect(x[1]).toBe(r);
    expect(x[layers]).toBe(0);
    expect(f[layers]).toBe(1);
    expect(Math.abs((x[0]! * f[1]!) / v - 1)).toBeLessThan(1e-15);
    for (let i = 1; i < layers; i++) {
      expect(x[i + 1]!).toBeLessThan(x[i]!);
      // f[i] = exp(-x[i]²/2) and every layer (top one included) has area v.
      expect(Math.abs(f[i]! - Math.exp(-0.5 * x[i]! * x[i]!))).toBeLessThan(1e-15);
      expect(Math.abs((x[i]! * (f[i + 1]! - f[i]!)) / v - 1)).toBeLessThan(1e-12);
    }
    expect(ZIGGURAT.fastPathProbability).toBeGreaterThan(0.98);
    expect(layers * v).toBeGreaterThan(Math.sqrt(Math.PI / 2)); // ziggurat covers the curve
  });

  it('the abscissa carries 53 random bits and the sign one more (scripted draws)', () => {
    // Feed chosen 32-bit words: a = layer/sign in bits 0..8, high part of u in bits 11..31;
    // b = low 32 bits of u. u = 1 must give exactly x[i]·2^-53 (fast path).
    class Scripted extends Rng {
      words: number[] = [];
      override nextUint32(): number {
        const w = this.words.shift();
        if (w === undefined) throw new Error('script exhausted');
        return w;
      }
    }
    const s = new Scripted(0);
    const i = 10;
    const X = ZIGGURAT.x;
    s.words = [i << 1, 1];
    expect(s.normal()).toBe(X[i]! * 2 ** -53);
    s.words = [(i << 1) | 1, 2];
    expect(s.normal()).toBe(-2 * X[i]! * 2 ** -53);
    s.words = [(i << 1) | (1 << 11), 0];
    expect(s.normal()).toBe(2 ** 32 * X[i]! * 2 ** -53);
  });

  it('fillNormal equals repeated normal()', () => {
    const a = new Rng(11);
    const b = new Rng(11);
    const out = new Float64Array(10_000);
    a.fillNormal(out);
    for (let k = 0; k < out.length; k++) if (out[k] !== b.normal()) expect.fail(`index ${k}`);
    // Sub-range: only [100, 200) is written, continuing the same stream.
    const part = new Float64Array(300).fill(Number.NaN);
    a.fillNormal(part, 100, 200);
    for (let k = 0; k < 300; k++) {
      if (k < 100 || k >= 200) expect(part[k]).toBeNaN();
      else expect(part[k]).toBe(b.normal());
    }
    expect(() => a.fillNormal(part, 200, 100)).toThrow(RangeError);
    expect(() => a.fillNormal(part, 0, 301)).toThrow(RangeError);
  });

  it('moments of 2,000,000 draws match N(0,1)', () => {
    const n = 2_000_000;
    const xs = new Float64Array(n);
    new Rng(12345).fillNormal(xs);
    let s1 = 0;
    for (let k = 0; k < n; k++) s1 += xs[k]!;
    const mean = s1 / n;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    for (let k = 0; k < n; k++) {
      const d = xs[k]! - mean;
      const d2 = d * d;
      m2 += d2;
      m3 += d2 * d;
      m4 += d2 * d2;
    }
    m2 /= n;
    m3 /= n;
    m4 /= n;
    const skew = m3 / m2 ** 1.5;
    const exKurt = m4 / (m2 * m2) - 3;
    // Standard errors for a normal sample: mean 1/√n, variance √(2/n) (σ⁴(κ-1)/n with
    // κ = 3), skewness √(6/n), excess kurtosis √(24/n).
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(m2 - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(skew)).toBeLessThan(5 * Math.sqrt(6 / n));
    expect(Math.abs(exKurt)).toBeLessThan(5 * Math.sqrt(24 / n));
  });

  it('normal CDF used by the tests is accurate', () => {
    // Reference values (to 17 significant digits) of the standard normal CDF.
    const known: [number, number][] = [
      [0, 0.5],
      [0.5, 0.6914624612740131],
      [1, 0.8413447460685429],
      [-1, 0.15865525393145705],
      [1.96, 0.9750021048517796],
      [-2, 0.022750131948179207],
      [2.5, 0.9937903346742239],
      [3, 0.9986501019683699],
      [-3, 0.0013498980316300946],
      [-4, 3.167124183311992e-5],
    ];
    for (const [z, p] of known) expect(Math.abs(Phi(z) - p)).toBeLessThan(1e-12);
    // Deep left tail, relatively.
    expect(Math.abs(Phi(-5) / 2.866515718791939e-7 - 1)).toBeLessThan(1e-11);
    expect(Math.abs(Phi(-8) / 6.220960574271784e-16 - 1)).toBeLessThan(1e-11);
    expect(Math.abs((2 * upperTail(4)) / 6.334248366623984e-5 - 1)).toBeLessThan(1e-11);
  });

  it('tail frequencies (3σ, r, 4σ), layer-aligned histogram and tail shape on 8,000,000 draws', () => {
    const n = 8_000_000;
    const { layers, x: X, r } = ZIGGURAT;
    const rng = new Rng(777);
    const buf = new Float64Array(64_000); // divides n exactly
    let beyond3 = 0;
    let beyondR = 0;
    let beyond4 = 0;
    const tail3: number[] = [];
    // Histogram of |x| with edges at the layer boundaries X[255] < ... < X[1] = r, plus (r, ∞):
    // a mistake in any one layer's rectangle/wedge would show up in its bin.
    const edges = Array.from({ length: layers }, (_, k) => X[layers - k]!); // 0 = X[256] .. X[1]
    const counts = new Float64Array(layers);
    expect(n % buf.length).toBe(0);
    for (let done = 0; done < n; done += buf.length) {
      rng.fillNormal(buf);
      for (let k = 0; k < buf.length; k++) {
        const a = Math.abs(buf[k]!);
        if (a > 3) {
          beyond3++;
          tail3.push(a);
          if (a > r) beyondR++;
          if (a > 4) beyond4++;
        }
        // Binary search for the bin (edges ascending, edges[0] = 0).
        let lo = 0;
        let hi = layers; // bin b covers [edges[b], edges[b+1]) and the last one [r, ∞)
        while (hi - lo > 1) {
          const mid = (lo + hi) >> 1;
          if (a >= edges[mid]!) lo = mid;
          else hi = mid;
        }
        counts[lo]++;
      }
    }
    const check = (count: number, p: number) => {
      const se = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(count - n * p)).toBeLessThan(5 * se);
    };
    const p4 = 2 * upperTail(4);
    expect(Math.abs(p4 - 6.334e-5)).toBeLessThan(1e-8);
    check(beyond3, 2 * upperTail(3));
    check(beyondR, 2 * upperTail(r));
    check(beyond4, p4);

    // Pearson χ² over the 256 layer-aligned bins (df = 255); the 0.999 quantile is ≈ 330.
    let chi2 = 0;
    for (let b = 0; b < layers; b++) {
      const p = 2 * (upperTail(edges[b]!) - (b + 1 < layers ? upperTail(edges[b + 1]!) : 0));
      chi2 += (counts[b]! - n * p) ** 2 / (n * p);
    }
    expect(chi2).toBeLessThan(330);

    // Shape of the tail beyond 3σ (wedges near r and Marsaglia's tail algorithm):
    // KS against P(|Z| ≤ a | |Z| > 3) = 1 - Q(a)/Q(3).
    const q3 = upperTail(3);
    const ks = ksStatistic(Float64Array.from(tail3), (a) => 1 - upperTail(a) / q3);
    expect(ks).toBeLessThan(1.95);
  });

  /**
   * A generator whose next two 32-bit words can be forced (choosing the ziggurat layer,
   * sign and abscissa of the next normal() candidate); every other word, including all
   * the wedge/tail/restart draws, comes from the real xoshiro128** stream.
   */
  class Forced extends Rng {
    queue: number[] = [];
    override nextUint32(): number {
      return this.queue.length > 0 ? this.queue.shift()! : super.nextUint32();
    }
    /** normal() with its first candidate forced to layer i, sign +, 53-bit abscissa u. */
    normalWith(i: number, u: number): number {
      const hi = Math.floor(u / 2 ** 32);
      this.queue = [((hi << 11) | (i << 1)) >>> 0, u % 2 ** 32];
      return this.normal();
    }
  }

  it('the tail sampler beyond r has the exact conditional distribution (forced tail draws)', () => {
    // Tail samples are rare (2.6e-4 of draws), so force the tail branch: layer 0 with
    // u = 2^53 - 1 (past r); the exponentials of Marsaglia's method are real draws.
    const rng = new Forced(31337);
    const { r } = ZIGGURAT;
    const m = 200_000;
    const xs = new Float64Array(m);
    for (let k = 0; k < m; k++) xs[k] = rng.normalWith(0, 2 ** 53 - 1);
    let min = Infinity;
    for (let k = 0; k < m; k++) min = Math.min(min, xs[k]!);
    expect(min).toBeGreaterThan(r);
    // P(Z <= x | Z > r) = 1 - Q(x)/Q(r)
    const qr = upperTail(r);
    expect(ksStatistic(xs, (x) => 1 - upperTail(x) / qr)).toBeLessThan(1.95);
    // Mean of the truncated normal: λ = φ(r)/Q(r); SE from its variance 1 + rλ - λ².
    const lambda = Math.exp(-0.5 * r * r) / Math.sqrt(2 * Math.PI) / qr;
    let sum = 0;
    for (let k = 0; k < m; k++) sum += xs[k]!;
    const se = Math.sqrt((1 + r * lambda - lambda * lambda) / m);
    expect(Math.abs(sum / m - lambda)).toBeLessThan(5 * se);
  });

  it('every wedge accepts with the exact probability (forced wedge draws, all 255 layers)', () => {
    // Force a candidate uniformly inside layer i's wedge x ∈ [X[i+1], X[i]) and count how
    // often that very x is returned (a restart would return a different value). Exact
    // acceptance = (area under the curve in the wedge box) / (box area), from Φ.
    const { layers, x: X, f: F } = ZIGGURAT;
    const rng = new Forced(4242);
    const picker = new Rng(999);
    const m = 4000;
    for (let i = 1; i < layers; i++) {
      const uMin = Math.ceil((X[i + 1]! / X[i]!) * 2 ** 53); // first u outside the core
      const scale = X[i]! * 2 ** -53;
      let accepted = 0;
      for (let k = 0; k < m; k++) {
        const u = uMin + Math.floor(picker.nextDouble() * (2 ** 53 - uMin));
        if (rng.normalWith(i, u) === u * scale) accepted++;
      }
      const width = X[i]! - X[i + 1]!;
      const under = Math.sqrt(2 * Math.PI) * (upperTail(X[i + 1]!) - upperTail(X[i]!)) - F[i]! * width;
      const p = under / (width * (F[i + 1]! - F[i]!));
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
      const se = Math.sqrt((p * (1 - p)) / m);
      if (Math.abs(accepted / m - p) > 5 * se) {
        expect.fail(`layer ${i}: acceptance ${accepted / m} vs exact ${p} (5 SE = ${5 * se})`);
      }
    }
  });

  it('Kolmogorov–Smirnov test against Φ on 200,000 draws', () => {
    const n = 200_000;
    const xs = new Float64Array(n);
    new Rng(2718).fillNormal(xs);
    expect(ksStatistic(xs, Phi)).toBeLessThan(1.95); // p > 0.001
  });
});

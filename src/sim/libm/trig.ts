/**
 * sin, cos and tan with the same bits in every JavaScript engine: engines' Math.sin differ
 * (Node 20's V8 uses fdlibm, Chromium's a glibc-derived routine), so the core computes its own.
 *
 * The kernels are fdlibm's polynomials on [−π/4, π/4] (the argument given as y0 + y1).
 * Reduction x = n·π/2 + y: below 2^20·π/2 (Cody and Waite) with π/2 split in 33 + 33 + 53
 * bits, so that n·p1 and n·p2 are exact products; above, exactly in integers (BigInt) against
 * 2/π to 1200 bits, which is computed once, on first use, by Machin's formula.
 */

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;

const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.0875723212981748279e-9;
const C6 = -1.13596475577881948265e-11;

/** sin(x + y) for |x + y| ≤ π/4, y a tail below half an ulp of x (0: no tail). */
function kernelSin(x: number, y: number): number {
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (y === 0) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

/** cos(x + y) for |x + y| ≤ π/4. */
function kernelCos(x: number, y: number): number {
  const z = x * x;
  const w = z * z;
  const r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const hz = 0.5 * z;
  const one = 1 - hz;
  return one + (1 - one - hz + (z * r - x * y));
}

const PIO4 = 0.7853981633974483;
const TWO_POW_M27 = 7.450580596923828e-9;
const TWO_POW_M253 = 6.908934844075556e-77;
const INV_PIO2 = 0.6366197723675814;
/** π/2 = P1 + P2 + P3, P1 and P2 on 33 bits. */
const P1 = 1.5707963267341256;
const P2 = 6.077100506303966e-11;
const P3 = 2.0222662487959506e-21;
/** Below this |x| the quotient n < 2^20 keeps n·P1 and n·P2 exact. */
const MEDIUM = 1647099.3291652855;

/** The reduced argument: x = n·π/2 + y0 + y1, with n mod 4 (0..3). */
const reduced = { n: 0, y0: 0, y1: 0 };

function reduce(x: number): void {
  if (Math.abs(x) < MEDIUM) {
    const n = Math.round(x * INV_PIO2);
    const head = x - n * P1; // exact: x and n·P1 are within a factor 2 of each other
    const w = n * P2;
    const hi = head - w;
    const lo = head - hi - w - n * P3;
    reduced.y0 = hi + lo;
    reduced.y1 = hi - reduced.y0 + lo;
    reduced.n = n & 3;
    return;
  }
  reduceHuge(x);
}

const FRACTION_BITS = 1200n;
let twoOverPi = 0n; // floor(2/π · 2^1200)
let pio2Scaled = 0n; // floor(π/2 · 2^125)

/** arctan(1/k) · 2^bits, by its alternating series. */
function atanInverse(k: bigint, bits: bigint): bigint {
  let term = (1n << bits) / k;
  const k2 = k * k;
  let sum = 0n;
  for (let i = 0n; term !== 0n; i++) {
    sum += (i & 1n ? -term : term) / (2n * i + 1n);
    term /= k2;
  }
  return sum;
}

function constants(): void {
  const bits = FRACTION_BITS + 64n;
  const pi = 16n * atanInverse(5n, bits) - 4n * atanInverse(239n, bits); // π · 2^bits
  twoOverPi = (1n << (bits + FRACTION_BITS + 1n)) / pi;
  pio2Scaled = pi >> (bits - 124n);
}

const view = new DataView(new ArrayBuffer(8));

/** |x| ≥ 2^20·π/2 (finite): x·2/π in integers, then the fraction times π/2 as y0 + y1. */
function reduceHuge(x: number): void {
  if (twoOverPi === 0n) constants();
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const exponent = BigInt((hi >>> 20) - 1075); // |x| = mantissa · 2^exponent, exponent ≥ −31
  const mantissa = (BigInt((hi & 0xfffff) | 0x100000) << 32n) | BigInt(view.getUint32(4));
  const shift = FRACTION_BITS - exponent; // fraction bits of mantissa · twoOverPi
  const product = mantissa * twoOverPi;
  let n = Number((product >> shift) & 3n);
  let fraction = product & ((1n << shift) - 1n);
  if (fraction >> (shift - 1n) === 1n) {
    fraction -= 1n << shift;
    n += 1;
  }
  // The fraction to 128 bits, times π/2·2^125: y = scaled · 2^−253.
  const negative = fraction < 0n;
  const top = (negative ? -fraction : fraction) >> (shift - 128n);
  const scaled = top * pio2Scaled;
  const head = Number(scaled);
  const tail = Number(scaled - BigInt(head));
  const sign = negative !== x < 0 ? -1 : 1;
  reduced.y0 = sign * head * TWO_POW_M253;
  reduced.y1 = sign * tail * TWO_POW_M253;
  reduced.n = (x < 0 ? 4 - n : n) & 3;
}

/** sin x, within an ulp, the same bits everywhere. */
export function sin(x: number): number {
  if (Math.abs(x) <= PIO4) return Math.abs(x) < TWO_POW_M27 ? x : kernelSin(x, 0);
  if (!Number.isFinite(x)) return NaN;
  reduce(x);
  const { n, y0, y1 } = reduced;
  switch (n) {
    case 0:
      return kernelSin(y0, y1);
    case 1:
      return kernelCos(y0, y1);
    case 2:
      return -kernelSin(y0, y1);
    default:
      return -kernelCos(y0, y1);
  }
}

/** cos x, within an ulp, the same bits everywhere. */
export function cos(x: number): number {
  if (Math.abs(x) <= PIO4) return Math.abs(x) < TWO_POW_M27 ? 1 : kernelCos(x, 0);
  if (!Number.isFinite(x)) return NaN;
  reduce(x);
  const { n, y0, y1 } = reduced;
  switch (n) {
    case 0:
      return kernelCos(y0, y1);
    case 1:
      return -kernelSin(y0, y1);
    case 2:
      return -kernelCos(y0, y1);
    default:
      return kernelSin(y0, y1);
  }
}

/** tan x as the ratio of the kernels (within two ulps), the same bits everywhere. */
export function tan(x: number): number {
  if (Math.abs(x) < TWO_POW_M27) return x;
  if (!Number.isFinite(x)) return NaN;
  let n = 0;
  let y0 = x;
  let y1 = 0;
  if (Math.abs(x) > PIO4) {
    reduce(x);
    ({ n, y0, y1 } = reduced);
  }
  const s = kernelSin(y0, y1);
  const c = kernelCos(y0, y1);
  return n & 1 ? -c / s : s / c;
}

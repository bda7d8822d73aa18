/**
 * log and exp that round as glibc 2.36 does on x86-64 with FMA, the libm under numpy 1.24 here.
 *
 * V8's Math.log (fdlibm) is off by one ulp from glibc in a few percent of inputs, and numpy's
 * normals are f·x with f = sqrt(−2 log(r²)/r²): one ulp in the log shows in the normal. Both
 * routines follow Szabolcs Nagy's table-driven algorithms as glibc builds them for CPUs with
 * FMA: which sums the compiler fused into one rounding was read off the machine code of
 * __ieee754_log_fma / __ieee754_exp_fma, and `fma` (./fma.ts) reproduces those single
 * roundings. The constants are in ./glibc-constants.ts.
 *
 * log: x = 2^k·z with z in [0x1.6p-1, 0x1.6p0); z falls in one of 128 subintervals with a
 * tabulated c (1/c and log c given), and log x = k·ln2 + log c + log1p(r), r = z/c − 1, with
 * log1p by a degree-6 polynomial. Inputs within about 1/16 of 1 use a degree-12 polynomial in
 * x − 1 whose leading terms are summed in extra precision.
 * exp: x = k·ln2/128 + r, exp x = 2^(k/128)·exp r, with 2^(i/128) tabulated as scale·(1 + tail)
 * and exp r − 1 by a degree-5 polynomial.
 * pow (positive normal x, moderate y): log x in double-double from its own 128-entry table,
 * times y as a double-double, then exp of that with the low part added to the reduced argument.
 */
import { fma } from './fma.js';
import { EXP_DATA_BITS, LOG_DATA_BITS, POW_LOG_DATA_BITS } from './glibc-constants.js';

function decode(blocks: readonly string[]): Float64Array {
  const bits = blocks.join(' ').split(' ');
  const view = new DataView(new ArrayBuffer(8));
  const out = new Float64Array(bits.length);
  for (let k = 0; k < bits.length; k++) {
    view.setUint32(0, parseInt(bits[k].slice(0, 8), 16)); // big-endian: high word first
    view.setUint32(4, parseInt(bits[k].slice(8), 16));
    out[k] = view.getFloat64(0);
  }
  return out;
}

const L = decode(LOG_DATA_BITS);
const LN2_HI = L[0];
const LN2_LO = L[1];
const [A0, A1, A2, A3, A4] = L.subarray(2, 7);
const [B0, B1, B2, B3, B4, B5, B6, B7, B8, B9, B10] = L.subarray(7, 18);
/** 128 × (1/c, log c). */
const LOG_TABLE = L.subarray(18, 18 + 256);
/** glibc's log_data as decoded here: ln2 (hi, lo), A[5], B[11], then LOG_TABLE (src/wasm/numpy-random.c copies it). */
export const LOG_DATA: Float64Array = L.subarray(0, 18 + 256);

const E = decode(EXP_DATA_BITS);
const INV_LN2_N = E[0];
const NEG_LN2_HI_N = E[1];
const NEG_LN2_LO_N = E[2];
const [C2, C3, C4, C5] = E.subarray(3, 7);
const SHIFT = E[7];
/** 128 × (tail, bits of the scale without the exponent of k), the latter as a double's bits. */
const EXP_TABLE = E.subarray(14, 14 + 256);
const EXP_TABLE_WORDS = new Uint32Array(EXP_TABLE.buffer, EXP_TABLE.byteOffset, 512);

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const HIGH = 1 - LOW;

function fromWords(hi: number, lo: number): number {
  words[HIGH] = hi;
  words[LOW] = lo;
  return scratch[0];
}

const TWO_POW_27 = 134217728;
/** Veltkamp's splitter 2^27 + 1. */
const SPLITTER = 134217729;
const TWO_POW_52 = 4503599627370496;

/** Natural logarithm, bit for bit as glibc 2.36's FMA log. */
export function log(x: number): number {
  scratch[0] = x;
  let hi = words[HIGH];
  const lo = words[LOW];
  // Within [1 − 2^-4, 1 + 0x1.09p-4): the table would lose relative accuracy, use x − 1.
  if (hi >= 0x3fee0000 && hi < 0x3ff10900) return logNearOne(x, hi, lo);
  const top = hi >>> 16;
  if (top < 0x0010 || top >= 0x7ff0) {
    if (x === 0) return -Infinity;
    if (x === Infinity) return x;
    if (top >= 0x8000 || x !== x) return NaN;
    // Subnormal: scale into the normal range and take the 52 back out of the exponent.
    scratch[0] = x * TWO_POW_52;
    hi = (words[HIGH] - (52 << 20)) >>> 0;
    return logTable(hi, words[LOW]);
  }
  return logTable(hi, lo);
}

/** 1 + 2^-6: the near-1 path's margin (its unfused error bound is below 2^-9 ulp). */
const NEAR_ONE_MARGIN = 1.015625;

function logNearOne(x: number, hi: number, lo: number): number {
  if (hi === 0x3ff00000 && lo === 0) return 0;
  const r = x - 1;
  const r2 = r * r;
  const r3 = r * r2;
  // r = rhi + rlo with rhi on 26 bits, so that rhi²·B0 (B0 = −1/2) is exact.
  const rBig = r * TWO_POW_27;
  const rhi = rBig + r - rBig;
  const rlo = r - rhi;
  const w = rhi * rhi * B0;
  const head = r + w;
  const d = r - head + w;
  // Fast path as in logTable: without the fused roundings the small part moves by less than
  // 2^-9 ulp of the result (its terms are below r²/3 relative), which matters only next to a
  // rounding midpoint.
  const rough = ((r3 * B10 + (r2 * B9 + (r * B8 + B7))) * r3 + (r2 * B6 + (r * B5 + B4))) * r3 + (r2 * B3 + (r * B2 + B1));
  const small = rough * r3 + (B0 * rlo * (rhi + r) + d);
  const sum = head + small;
  const back = sum - head;
  const err = head - (sum - back) + (small - back);
  if (sum + err * NEAR_ONE_MARGIN === sum) return sum;
  const p1 = fma(r2, B3, fma(r, B2, B1));
  const p2 = fma(r2, B6, fma(r, B5, B4));
  const p3 = fma(r3, B10, fma(r2, B9, fma(r, B8, B7)));
  const poly = fma(fma(p3, r3, p2), r3, p1);
  return head + fma(poly, r3, fma(B0 * rlo, rhi + r, d));
}

/** Each 1/c of the table split in two 26-bit halves (Veltkamp), for the exact product z·(1/c). */
const INVC_HIGH = new Float64Array(128);
const INVC_LOW = new Float64Array(128);
for (let i = 0; i < 128; i++) {
  const invc = LOG_TABLE[2 * i];
  const t = SPLITTER * invc;
  INVC_HIGH[i] = t - (t - invc);
  INVC_LOW[i] = invc - INVC_HIGH[i];
}

/** 1 + 2^-8: an error this much larger than the last one still rounds back to s (see logTable). */
const MARGIN = 1.00390625;

function logTable(hi: number, lo: number): number {
  // tmp = ix − asuint64(0x1.6p-1): its top bits give k and the subinterval i.
  const tmpHi = (hi - 0x3fe60000) | 0;
  const i = (tmpHi >>> 13) & 127;
  const k = tmpHi >> 20;
  const z = fromWords((hi - (tmpHi & 0xfff00000)) >>> 0, lo);
  const logc = LOG_TABLE[2 * i + 1];
  // r = fma(z, 1/c, −1): the product exactly as high + low part; high − 1 is exact (it is
  // within 2^-7 of 1), so one rounding remains, as in the fused operation.
  const product = z * LOG_TABLE[2 * i];
  const t = SPLITTER * z;
  const zh = t - (t - z);
  const zl = z - zh;
  const ih = INVC_HIGH[i];
  const il = INVC_LOW[i];
  const productLow = zh * ih - product + zh * il + zl * ih + zl * il;
  const r = product - 1 + productLow;
  // k·ln2hi + log c is exact by the table's construction (both have trailing zero bits).
  const w = k * LN2_HI + logc;
  const head = w + r;
  // Fast path: the rest without fused roundings. They change this small part by less than
  // 2^-13 ulp of the result (|log x| > 1/16 here, the parts are below 2^-16), so the result is
  // glibc's unless head + small falls within that distance of a midpoint between two doubles.
  const d = w - head + r;
  const r2 = r * r;
  const r3 = r * r2;
  const small = r3 * ((r * A4 + A3) * r2 + (r * A2 + A1)) + (r2 * A0 + (k * LN2_LO + d));
  const sum = head + small;
  const back = sum - head;
  const err = head - (sum - back) + (small - back);
  if (sum + err * MARGIN === sum) return sum;
  const tail = fma(k, LN2_LO, d);
  const poly = fma(fma(r, A4, A3), r2, fma(r, A2, A1));
  return fma(r3, poly, fma(r2, A0, tail)) + head;
}

const TWO_POW_1009 = 2 ** 1009;
const TWO_POW_M1022 = 2 ** -1022;

/** e^x, bit for bit as glibc 2.36's FMA exp. */
export function exp(x: number): number {
  return expWithTail(x, 0);
}

/** e^(x + tail) for a small tail, as glibc's exp_inline (pow adds its low part to r). */
function expWithTail(x: number, xTail: number): number {
  scratch[0] = x;
  const hi = words[HIGH];
  const abstop = (hi >>> 20) & 0x7ff;
  let nearLimit = false;
  if (abstop - 0x3c9 < 0 || abstop - 0x3c9 >= 0x3f) {
    if (abstop < 0x3c9) return 1 + x; // |x| < 2^-54
    if (abstop >= 0x409) {
      if (x === -Infinity) return 0;
      if (abstop === 0x7ff) return 1 + x;
      return hi >>> 31 === 1 ? 0 : Infinity;
    }
    nearLimit = true; // 512 <= |x| < 1024: the scale needs care
  }
  const kShifted = fma(x, INV_LN2_N, SHIFT);
  scratch[0] = kShifted;
  const ki = words[LOW];
  const kd = kShifted - SHIFT;
  const r = fma(kd, NEG_LN2_LO_N, fma(kd, NEG_LN2_HI_N, x)) + xTail;
  const idx = ki & 127;
  const tail = EXP_TABLE[2 * idx];
  // sbits = table bits + (k << 45): only the high word changes.
  const sHi = (EXP_TABLE_WORDS[4 * idx + 2 + HIGH] + (ki << 13)) >>> 0;
  const sLo = EXP_TABLE_WORDS[4 * idx + 2 + LOW];
  const r2 = r * r;
  const tmp = fma(r2 * r2, fma(r, C5, C4), fma(fma(r, C3, C2), r2, tail + r));
  if (!nearLimit) {
    const scale = fromWords(sHi, sLo);
    return fma(scale, tmp, scale);
  }
  return expNearLimit(tmp, sHi, sLo, ki);
}

/** Results near overflow or in the subnormal range: scale in two steps (glibc's specialcase). */
function expNearLimit(tmp: number, sHi: number, sLo: number, ki: number): number {
  if ((ki & 0x80000000) === 0) {
    const scale = fromWords((sHi - (1009 << 20)) >>> 0, sLo);
    return TWO_POW_1009 * fma(scale, tmp, scale);
  }
  const scale = fromWords((sHi + (1022 << 20)) >>> 0, sLo);
  let y = scale + scale * tmp;
  if (y < 1) {
    // Round once, in the subnormal range, not twice.
    const lo = scale - y + scale * tmp;
    const head = 1 + y;
    y = 1 - head + y + lo + head - 1;
    if (y === 0) y = 0;
  }
  return y * TWO_POW_M1022;
}

const P = decode(POW_LOG_DATA_BITS);
const POW_LN2_HI = P[0];
const POW_LN2_LO = P[1];
const [PA0, PA1, PA2, PA3, PA4, PA5, PA6] = P.subarray(2, 9);
/** 128 × (1/c, unused, log c, its low part). */
const POW_TABLE = P.subarray(9, 9 + 512);

/**
 * x^y, bit for bit as glibc 2.36's FMA pow on its main path (x a positive double, 2^-65 ≤ |y|
 * < 2^63, Python's `(2n/π)**.5` is such a call); the special cases follow C99's pow as glibc
 * does: negative x only with an integer y (the sign from its parity), zeros, infinities, NaN.
 */
export function pow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x !== x || y !== y) return NaN;
  const topY = yTop(y);
  if (!Number.isFinite(y)) {
    const ax = Math.abs(x);
    if (ax === 1) return 1;
    return ax < 1 === y > 0 ? 0 : Infinity;
  }
  let sign = 1;
  if (x < 0 || Object.is(x, -0)) {
    const integer = Math.trunc(y) === y;
    if (!integer && x !== 0 && x !== -Infinity) return NaN;
    // An odd integer keeps the sign (beyond 2^53 every double is even).
    if (integer && Math.abs(y) < 9007199254740992 && Math.abs(y % 2) === 1) sign = -1;
    x = -x;
  }
  if (x === 0) return sign * (y < 0 ? Infinity : 0);
  if (x === Infinity) return sign * (y < 0 ? 0 : Infinity);
  if (topY < 0x3be) return sign * (x > 1 ? 1 + y : 1 - y); // |y| < 2^-65: 1 after rounding
  if (topY > 0x43d) return x === 1 ? 1 : x > 1 === y > 0 ? sign * Infinity : sign * 0; // |y| ≥ 2^63
  return sign * positivePow(x, y);
}

/** x^y for positive finite x ≠ 1 and moderate y: log x in double-double, then exp. */
function positivePow(x: number, y: number): number {
  scratch[0] = x;
  let hi = words[HIGH];
  let lo = words[LOW];
  if (hi >>> 20 === 0) {
    // Subnormal x: normalise, and take the 52 back out of the exponent.
    scratch[0] = x * TWO_POW_52;
    hi = (words[HIGH] - (52 << 20)) >>> 0;
    lo = words[LOW];
  }
  // log x = k·ln2 + log c + log1p(z/c − 1) in double-double, z in [0x1.6955p-1, 0x1.6955p0).
  const tmpHi = (hi - 0x3fe69555) | 0;
  const i = (tmpHi >>> 13) & 127;
  const k = tmpHi >> 20;
  const z = fromWords((hi - (tmpHi & 0xfff00000)) >>> 0, lo);
  const invc = POW_TABLE[4 * i];
  const t1 = fma(k, POW_LN2_HI, POW_TABLE[4 * i + 2]);
  const lo1 = fma(k, POW_LN2_LO, POW_TABLE[4 * i + 3]);
  const r = fma(z, invc, -1);
  const ar = r * PA0;
  const p12 = fma(r, PA2, PA1);
  const p34 = fma(r, PA4, PA3);
  const t2 = r + t1;
  const ar2 = r * ar;
  const lo2 = t1 - t2 + r;
  const ar3 = r * ar2;
  const lo3 = fma(ar, r, -ar2);
  const p56 = fma(r, PA6, PA5);
  const head = t2 + ar2;
  const lo4 = t2 - head + ar2;
  const poly = fma(ar2, fma(p56, ar2, p34), p12);
  const low = fma(ar3, poly, lo1 + lo2 + lo3 + lo4);
  const logHigh = head + low;
  const logLow = head - logHigh + low;
  // y·log x as ehi + elo.
  const ehi = y * logHigh;
  const elo = fma(y, logLow, fma(logHigh, y, -ehi));
  scratch[0] = ehi;
  const abstop = (words[HIGH] >>> 20) & 0x7ff;
  if (abstop < 0x3c9) return 1 + ehi; // |y·log x| < 2^-54
  return expWithTail(ehi, elo);
}

/** The biased exponent of y (sign removed). */
function yTop(y: number): number {
  scratch[0] = y;
  return (words[HIGH] >>> 20) & 0x7ff;
}

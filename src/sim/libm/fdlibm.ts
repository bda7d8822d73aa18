/**
 * expm1, tanh and log10 with the same bits in every JavaScript engine, by fdlibm's algorithms
 * (which glibc's and V8's also follow), on top of the core's exp and log.
 *
 * expm1: x = k·ln2 + r with |r| ≤ ln2/2 (ln2 in two parts, the reduction error kept as c);
 * e^r − 1 by a rational form in r²/2 whose corrections Q1..Q5 make the error below 1 ulp;
 * then 2^k·(e^r − 1 + 1) − 1 arranged per k to avoid cancellation.
 * tanh: 1 − 2/(e^2x + 1) through expm1. log10: k·log10(2) + log(m)/ln10 with log10(2) in two parts.
 */
import { log } from './log.js';
import { fromWords, INV_LN2, LN2_HI, LN2_LO, NEAR_LIMIT, O_THRESHOLD, ONE_AND_HALF_LN2, REDUCE, twoPow } from './bits.js';

const Q1 = -3.33333333333331316428e-2;
const Q2 = 1.58730158725481460165e-3;
const Q3 = -7.93650757867487942473e-5;
const Q4 = 4.00821782732936239552e-6;
const Q5 = -2.01099218183624371326e-7;

// fdlibm tests the high word of |x|; the same tests as comparisons with the doubles they bound.
/** |x| ≥ 56·ln2 (high word 0x4043687a): the result is −1 for negative x. */
const SATURATE = fromWords(0x4043687a);
/** 2^-54. */
const TINY = fromWords(0x3c900000);

/** e^x − 1, within an ulp (fdlibm's algorithm). */
export function expm1(x: number): number {
  const ax = Math.abs(x);
  const negative = x < 0;
  if (ax >= SATURATE || x !== x) {
    if (x !== x) return x;
    if (ax >= NEAR_LIMIT && x > O_THRESHOLD) return Infinity; // and +Infinity
    if (negative) return -1;
  }
  let k = 0;
  let c = 0;
  if (ax >= REDUCE) {
    let hi: number;
    let lo: number;
    if (ax < ONE_AND_HALF_LN2) {
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = Math.trunc(INV_LN2 * x + (negative ? -0.5 : 0.5));
      hi = x - k * LN2_HI; // exact: k·LN2_HI has trailing zeros
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (ax < TINY) {
    return x;
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t = 3 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6 - x * t));
  if (k === 0) return x - (x * e - hxs);
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) return x < -0.25 ? -2 * (e - (x + 0.5)) : 1 + 2 * (x - e);
  if (k <= -2 || k > 56) {
    // e^x − 1 ≈ e^x: no cancellation to guard against.
    const y = 1 - (e - x);
    return (k === 1024 ? y * 2 * twoPow(1023) : y * twoPow(k)) - 1;
  }
  if (k < 20) return (1 - twoPow(-k) - (e - x)) * twoPow(k);
  return (x - (e + twoPow(-k)) + 1) * twoPow(k);
}

/** tanh x, within an ulp (fdlibm's algorithm through expm1). */
export function tanh(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  let z: number;
  if (ax < 22) {
    if (ax < 3.725290298461914e-9) return x; // below 2^-28, x³/3 is under half an ulp
    if (ax >= 1) {
      z = 1 - 2 / (expm1(2 * ax) + 2);
    } else {
      const t = expm1(-2 * ax);
      z = -t / (t + 2);
    }
  } else {
    z = 1; // also ±Infinity
  }
  return x < 0 ? -z : z;
}

const TWO_POW_54 = 18014398509481984;
const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const INV_LN10 = 4.34294481903251816668e-1;
const LOG10_2_HI = 3.01029995663611771306e-1;
const LOG10_2_LO = 3.69423907715893078616e-13;

/** log10 x, within an ulp (fdlibm's algorithm on the core's log). */
export function log10(x: number): number {
  if (!(x > 0) || x === Infinity) return x === 0 ? -Infinity : x === Infinity ? x : NaN;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    k = -54;
    x *= TWO_POW_54;
  }
  scratch[0] = x;
  const hx = words[HIGH];
  k += (hx >>> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  words[HIGH] = (hx & 0x000fffff) | ((0x3ff - i) << 20);
  const m = scratch[0];
  const y = k + i;
  const z = y * LOG10_2_LO + INV_LN10 * log(m);
  return z + y * LOG10_2_HI;
}

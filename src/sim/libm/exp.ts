/**
 * e^x by fdlibm's algorithm, in plain double arithmetic (no fused operations, no table): as
 * fast as an engine's own Math.exp and the same bits in every engine, within 1 ulp (Node 20's
 * V8 computes Math.exp by this same algorithm, so the bits are also Node's).
 *
 * x = k·ln2 + r with |r| ≤ ln2/2 (ln2 in two parts, hi + lo, the product k·ln2hi exact); e^r by
 * the rational form 1 + 2r/(R(r²) − r) with R − 2 a degree-5 polynomial in r² (Remez, error
 * below 2^-59); then scaled by 2^k from the exponent bits.
 */
import { fromWords, INV_LN2, LN2_HI, LN2_LO, NEAR_LIMIT, O_THRESHOLD, ONE_AND_HALF_LN2, REDUCE, twoPow } from './bits.js';

const U_THRESHOLD = -7.4513321910194110842e2;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;
/** 2^-1000 and 2^1023. */
const TWO_M1000 = 9.332636185032189e-302;
const TWO_1023 = 8.98846567431158e307;

// fdlibm tests the high word of |x|; the same tests as comparisons with the doubles they bound.
/** 2^-28. */
const TINY = fromWords(0x3e300000);

/** e^x within 1 ulp. */
export function exp(x: number): number {
  const ax = Math.abs(x);
  const negative = x < 0;
  if (!(ax < NEAR_LIMIT)) {
    if (x !== x) return x;
    if (x > O_THRESHOLD) return Infinity; // and +Infinity
    if (x < U_THRESHOLD) return 0; // and −Infinity
  }
  if (x === 1) return Math.E; // as V8 answers, so that e^1 is the constant e
  let k = 0;
  let hi = 0;
  let lo = 0;
  if (ax >= REDUCE) {
    if (ax < ONE_AND_HALF_LN2) {
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = Math.trunc(INV_LN2 * x + (negative ? -0.5 : 0.5));
      hi = x - k * LN2_HI; // exact: k·LN2_HI has trailing zero bits
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (ax < TINY) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k >= -1021) return k === 1024 ? y * 2 * TWO_1023 : y * twoPow(k);
  return y * twoPow(k + 1000) * TWO_M1000;
}

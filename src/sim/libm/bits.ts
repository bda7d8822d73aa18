/** Exact doubles the libm routines compare against or scale by, made from bits, not from pow. */

const view = new DataView(new ArrayBuffer(8));

/** The double whose IEEE-754 high word is `hi` and low word `lo`. */
export function fromWords(hi: number, lo = 0): number {
  view.setUint32(0, hi);
  view.setUint32(4, lo);
  return view.getFloat64(0);
}

/** 2^k for k in [−1022, 1023] at index k + 1022 (each exact: halvings and doublings of 1). */
const POWERS_OF_TWO = new Float64Array(2046);
POWERS_OF_TWO[1022] = 1;
for (let k = 1; k <= 1023; k++) POWERS_OF_TWO[1022 + k] = POWERS_OF_TWO[1021 + k] * 2;
for (let k = 1; k <= 1022; k++) POWERS_OF_TWO[1022 - k] = POWERS_OF_TWO[1023 - k] / 2;

/** 2^k for an integer k in [−1022, 1023]. */
export function twoPow(k: number): number {
  return POWERS_OF_TWO[k + 1022];
}

// fdlibm's constants shared by exp, expm1 and log. ln2 in two parts: LN2_HI has trailing zero
// bits, so k·LN2_HI is exact for the |k| these routines reach.
export const LN2_HI = 6.9314718036912381649e-1;
export const LN2_LO = 1.90821492927058770002e-10;
export const INV_LN2 = 1.442695040888963387;
/** Above this e^x overflows. */
export const O_THRESHOLD = 7.09782712893383973096e2;
// fdlibm tests the high word of |x|; the same tests as comparisons with the doubles they bound.
/** |x| ≥ this (high word 0x40862e42): near overflow or underflow. */
export const NEAR_LIMIT = fromWords(0x40862e42);
/** |x| ≥ this (high word above 0x3fd62e42): more than ln2/2, reduce. */
export const REDUCE = fromWords(0x3fd62e43);
/** |x| < this (high word below 0x3ff0a2b2): less than 1.5·ln2, k = ±1. */
export const ONE_AND_HALF_LN2 = fromWords(0x3ff0a2b2);

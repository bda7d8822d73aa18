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

/** Small numeric helpers the notebook gets from numpy. */

/** The notebook's normed(x) = x / amax(x). */
export function normed(x: number[]): number[] {
  const peak = x.reduce((a, b) => Math.max(a, b), -Infinity);
  return x.map((v) => v / peak);
}

/** M.t/ms: monitor times in seconds to ms, with the same division Brian's units perform. */
export function ms(t: number[]): number[] {
  return t.map((s) => s / 1e-3);
}

export function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

/** Standard error of the mean with the sample (n − 1) standard deviation. */
export function standardError(x: ArrayLike<number>): number {
  const m = mean(x);
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += (x[i] - m) ** 2;
  return Math.sqrt(ss / (x.length - 1)) / Math.sqrt(x.length);
}

/** Equal to 1e-9 relative: two spellings of one time ("8ms", "0.008s") compare equal. */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** Seconds to ms for display, without the 0.30000000000000004 noise of a bare multiplication. */
export function toMs(seconds: number): number {
  return Number((seconds * 1e3).toPrecision(12));
}

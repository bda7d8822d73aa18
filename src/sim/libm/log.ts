/**
 * Natural logarithm by fdlibm's algorithm, in plain double arithmetic (no table, no fused
 * operations): cheap even before the engine compiles it (the ziggurat's tables are built with it
 * when the core is imported), the same bits in every engine, within 1 ulp (Node 20's V8 computes
 * Math.log by this same algorithm, so the bits are also Node's).
 *
 * x = 2^k·(1 + f) with 1 + f in [√2/2, √2); log(1 + f) = f − f²/2 + s·(f²/2 + R(z)) with
 * s = f/(2 + f), z = s², R a degree-7 polynomial in z (Remez, error below 2^-58); k·ln2 added
 * in two parts (ln2hi·k exact).
 */
import { LN2_HI, LN2_LO, twoPow } from './bits.js';

const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;
const TWO_54 = 18014398509481984;

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** log x within 1 ulp. */
export function log(x: number): number {
  if (!(x > 0) || x === Infinity) return x === 0 ? -Infinity : x === Infinity ? x : NaN;
  let k = 0;
  if (x < twoPow(-1022)) {
    k = -54;
    x *= TWO_54; // subnormal: scale into the normal range
  }
  scratch[0] = x;
  let hx = words[HIGH];
  k += (hx >>> 20) - 1023;
  hx &= 0x000fffff;
  // Normalise the mantissa into [√2/2, √2): i is 0x100000 when it is at least √2.
  const i = (hx + 0x95f64) & 0x100000;
  words[HIGH] = hx | (i ^ 0x3ff00000);
  k += i >>> 20;
  const f = scratch[0] - 1;
  if ((0x000fffff & (2 + hx)) < 3) {
    // −2^-20 ≤ f < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const r = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - r : k * LN2_HI - (r - k * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - r) : k * LN2_HI - (s * (f - r) - k * LN2_LO - f);
}

/**
 * A fused multiply-add, fma(a, b, c) = a·b + c rounded once, for JavaScript, which has none.
 *
 * glibc's log and exp on this machine run as FMA code (vfmadd…), so their last bit depends on
 * products that are never rounded. Method (Boldo & Melquiond, "Emulation of FMA and correctly
 * rounded sums: proved algorithms using rounding to odd", IEEE TC 2008): the product a·b is
 * split exactly into uh + ul (Dekker/Veltkamp), c + uh exactly into th + tl (Knuth's TwoSum),
 * the small parts tl + ul are added with rounding to odd, and the final round to nearest of
 * th + that sum is then the correctly rounded a·b + c.
 *
 * Valid for the operands the libm routines here give it: no overflow in a·2^27 or b·2^27 and
 * no underflow in the low product part (|a|, |b|, |c| between about 2^-400 and 2^400).
 */

/** Veltkamp's splitter for 53-bit doubles: 2^27 + 1. */
const SPLITTER = 134217729;

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);
/** Index of the low 32-bit word of a double in scratchWords (little- or big-endian hosts). */
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const HIGH = 1 - LOW;

/**
 * x + y rounded to odd: the exact sum when it is a double, else whichever of the two doubles
 * around it has an odd last mantissa bit. Rounding to odd keeps a "sticky" trace of everything
 * below the last bit, so a later round to nearest is not a double rounding.
 */
function addRoundToOdd(x: number, y: number): number {
  const s = x + y;
  const back = s - x;
  const err = x - (s - back) + (y - back);
  if (err === 0) return s;
  scratch[0] = s;
  if ((scratchWords[LOW] & 1) === 1) return s;
  // s is even: the exact sum lies between s and its neighbour towards err, which is odd.
  const away = err > 0 === s > 0;
  let lo = scratchWords[LOW];
  let hi = scratchWords[HIGH];
  if (away) {
    lo = (lo + 1) >>> 0;
    if (lo === 0) hi = (hi + 1) >>> 0;
  } else {
    if (lo === 0) hi = (hi - 1) >>> 0;
    lo = (lo - 1) >>> 0;
  }
  scratchWords[LOW] = lo;
  scratchWords[HIGH] = hi;
  return scratch[0];
}

/** a·b − product exactly, for product = a·b rounded (Dekker's product with Veltkamp's split). */
export function productError(a: number, b: number, product: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - product + ah * bl + al * bh + al * bl;
}

/** a·b + c with a single rounding (see the module comment for the operand range). */
export function fma(a: number, b: number, c: number): number {
  const uh = a * b;
  const ul = productError(a, b, uh);
  const th = c + uh;
  const back = th - c;
  const tl = c - (th - back) + (uh - back);
  // Fast path: rounding tl + ul to nearest before adding it to th changes the result only if
  // th + (tl + ul) then lies exactly halfway between two doubles, i.e. if the rounding error of
  // that last sum is exactly half an ulp: then twice the error is an exact step of the result.
  const small = tl + ul;
  const r = th + small;
  const rBack = r - th;
  const err = th - (r - rBack) + (small - rBack);
  if (err === 0 || r + 2 * err - r !== 2 * err) return r;
  return slowFma(th, tl, ul);
}

/** The proved path: th + RO(tl + ul), kept out of fma so that fma stays small enough to inline. */
function slowFma(th: number, tl: number, ul: number): number {
  return th + addRoundToOdd(tl, ul);
}

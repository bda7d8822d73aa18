/**
 * numpy 1.24's float64 `exp` and `sin` ufuncs on an x86-64 CPU with AVX-512 (SKX), where numpy
 * calls Intel's SVML (`__svml_exp8`, `__svml_sin8`) instead of glibc: the course references were
 * computed on such a machine, so scipy's Gaussian kernels (numpy.exp of −x²/2σ²) and the week-9
 * chirp (numpy.sin) come from these routines. Constants are bit patterns read from numpy's
 * _multiarray_umath library; the steps follow its machine code.
 *
 * Origin: Intel's Short Vector Math Library as numpy vendors it (https://github.com/numpy/SVML,
 * linux/avx512/svml_z0_exp_d_la.s and svml_z0_sin_d_la.s), Copyright (C) Intel Corporation,
 * BSD-3-Clause (text in THIRD_PARTY_NOTICES). scripts/check-table-provenance.mjs checks that every
 * constant below is in those files' data.
 *
 * exp:
 * N = x·log2(e) rounded *down* to a multiple of 1/16 (a fused multiply-add onto a shifter
 * constant in round-toward-zero mode); R = x − N·ln2 in two fused steps (ln2 as a double plus a
 * correction); exp(R) − 1 by a degree-5 polynomial; the result 2^(j/16)·(1 + p(R)) scaled by
 * 2^floor(N), where j = 16·N mod 16 indexes a 16-entry table of 2^(j/16). |x| ≥ 707.7 (and NaN)
 * take SVML's scalar fallback, which is not reproduced: glibc's exp stands in there.
 */
import { fma, productError } from './fma.js';
import { exp as glibcExp } from './libm.js';
import { sin } from '../libm/trig.js';

const bits = (hex: string): number => {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt('0x' + hex));
  return view.getFloat64(0);
};

/** 2^(j/16), j = 0…15, as SVML tabulates them (bit patterns read from the library). */
const TABLE = [
  '3ff0000000000000',
  '3ff0b5586cf9890f',
  '3ff172b83c7d517b',
  '3ff2387a6e756238',
  '3ff306fe0a31b715',
  '3ff3dea64c123422',
  '3ff4bfdad5362a27',
  '3ff5ab07dd485429',
  '3ff6a09e667f3bcd',
  '3ff7a11473eb0187',
  '3ff8ace5422aa0db',
  '3ff9c49182a3f090',
  '3ffae89f995ad3ad',
  '3ffc199bdd85529c',
  '3ffd5818dcfba487',
  '3ffea4afa2a490da',
].map(bits);
const LOG2E = bits('3ff71547652b82fe');
/** 1.5·2^48 (+ 0x3ff0 in its low bits): adding it rounds to multiples of 1/16. */
const SHIFTER = bits('42f8000000003ff0');
const LN2_HI = bits('3fe62e42fefa39ef');
const LN2_LO = bits('3c7abc9e3b39803f');
const [C1, C2, C3, C4, C5] = ['3fe0000000002622', '3fc5555554b508a2', '3fa555564bb4f5f0', '3f81106603d97c00', '3f572eb5ef0d213d'].map(bits);
const LIMIT = bits('40861da04cbafe44');

/** x·log2(e) + SHIFTER rounded toward zero (it is positive: toward −∞), as SVML's first step. */
function shiftedDown(x: number): number {
  const r = fma(x, LOG2E, SHIFTER);
  // The exact value is SHIFTER + uh + ul; decide the sign of exact − r without rounding.
  const uh = x * LOG2E;
  const ul = productError(x, LOG2E, uh);
  const th = SHIFTER + uh;
  const back = th - SHIFTER;
  const tl = SHIFTER - (th - back) + (uh - back);
  // th − r is a multiple of 1/16, tl a multiple of ulp(uh) and |ul| ≤ ulp(uh)/2: the first
  // non-zero of them has the sign of the whole residual.
  const d = th - r;
  const above = d !== 0 ? d < 0 : tl !== 0 ? tl < 0 : ul < 0;
  return above ? r - 0.0625 : r;
}

/** numpy.exp(x) for float64 as numpy 1.24 computes it with AVX-512 (Intel SVML). */
export function numpyExp(x: number): number {
  if (!(Math.abs(x) < LIMIT)) return glibcExp(x);
  const n = shiftedDown(x) - SHIFTER;
  const j = (((16 * n) % 16) + 16) % 16;
  const r = fma(-LN2_LO, n, fma(-n, LN2_HI, x));
  const r2 = r * r;
  const r3 = r * r2;
  const high = fma(r2, fma(C5, r, C4), fma(C3, r, C2));
  const poly = fma(r3, high, fma(r2, C1, r));
  const table = TABLE[j];
  return fma(table, poly, table) * 2 ** Math.floor(n);
}

// sin: N = nearest integer to x/π (a fused multiply-add onto 1.5·2^52); R = x − N·π with π in
// three parts (fused), R² taken before the third; sin R = R + R·R²·q(R²), q of degree 6; the
// sign flips for odd N. |x| > 2^24 (and inf, NaN) take SVML's large-argument path, which is not
// reproduced: the core's own sin (../libm) stands in there.
const INV_PI = bits('3fd45f306dc9c883');
const ROUNDER = bits('4338000000000000');
const PI_1 = bits('400921fb54442d18');
const PI_2 = bits('3ca1a62633145c06');
const PI_3 = bits('395c1cd129024e09');
const [S1, S2, S3, S4, S5, S6, S7] = [
  'bfc55555555554a8',
  '3f8111111110a573',
  'bf2a01a019a659dd',
  '3ec71de3806add1a',
  'be5ae6355aaa4a53',
  '3de60e6bee01d83e',
  'bd69f1517e9f65f0',
].map(bits);
const SIN_LIMIT = 16777216;

/** numpy.sin(x) for float64 as numpy 1.24 computes it with AVX-512 (Intel SVML). */
export function numpySin(x: number): number {
  if (x === 0) return x;
  if (!(Math.abs(x) <= SIN_LIMIT)) return sin(x);
  const n = fma(x, INV_PI, ROUNDER) - ROUNDER;
  const r = fma(-PI_2, n, fma(-n, PI_1, x));
  const r2 = r * r;
  const reduced = fma(-PI_3, n, r);
  let q = fma(r2, S7, S6);
  q = fma(r2, q, S5);
  q = fma(r2, q, S4);
  q = fma(r2, q, S3);
  q = fma(r2, q, S2);
  q = fma(r2, q, S1);
  const value = fma(r2 * reduced, q, reduced);
  return n % 2 === 0 ? value : -value;
}

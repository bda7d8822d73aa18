/**
 * The glibc-equivalent log, exp and pow against glibc 2.36 itself (Python's math.log/math.exp
 * and float ** on this machine; log and exp are what numpy's random C code calls): every value
 * bit for bit, special values, subnormals, the near-1 path of log and the near-overflow/underflow
 * paths of exp included; and numpy's own SVML exp and sin.
 */
import { describe, expect, it } from 'vitest';
import { exp, log, pow } from '../../src/sim/numpy/libm.js';
import { fma } from '../../src/sim/numpy/fma.js';
import { numpyExp, numpySin } from '../../src/sim/numpy/svml.js';
import { fromHex, hexesOf, readNumpyFixture } from '../helpers/numpy-fixtures.js';

const fixture = readNumpyFixture<Record<string, string>>('libm.json');

describe('libm equals glibc bit for bit', () => {
  it(`log on ${fixture.log_in.split(' ').length} inputs`, () => {
    expect(hexesOf(fromHex(fixture.log_in).map(log))).toBe(fixture.log_out);
  });
  it(`exp on ${fixture.exp_in.split(' ').length} inputs`, () => {
    expect(hexesOf(fromHex(fixture.exp_in).map(exp))).toBe(fixture.exp_out);
  });
  it(`numpy's exp ufunc (SVML) on ${fixture.numpy_exp_in.split(' ').length} inputs`, () => {
    expect(hexesOf(fromHex(fixture.numpy_exp_in).map(numpyExp))).toBe(fixture.numpy_exp_out);
  });
  it(`numpy's sin ufunc (SVML) on ${fixture.numpy_sin_in.split(' ').length} inputs`, () => {
    expect(hexesOf(fromHex(fixture.numpy_sin_in).map(numpySin))).toBe(fixture.numpy_sin_out);
  });
  it(`pow on ${fixture.pow_x.split(' ').length} inputs, (2n/π)**.5 where it is not the square root among them`, () => {
    const y = fromHex(fixture.pow_y);
    expect(hexesOf(fromHex(fixture.pow_x).map((x, k) => pow(x, y[k])))).toBe(fixture.pow_out);
  });
  it('V8 differs from glibc on some of the same inputs (why the port carries its own)', () => {
    const xs = fromHex(fixture.log_in);
    const glibc = fromHex(fixture.log_out);
    let differ = 0;
    xs.forEach((x, k) => {
      if (!Object.is(Math.log(x), glibc[k])) differ++;
    });
    expect(differ).toBeGreaterThan(0);
  });
});

describe('fma rounds once', () => {
  it.each([
    // a·b + c where the separately rounded product loses the answer
    [1 + 2 ** -30, 1 - 2 ** -30, -1, -(2 ** -60)],
    [0.1, 10, -1, 5.551115123125783e-17],
    [3, 1 / 3, -1, -5.551115123125783e-17],
    // an exact tie after the product's rounding: round-to-odd keeps the sticky bit
    [1 + 2 ** -52, 1 + 2 ** -52, 0, 1 + 2 ** -51],
    [2, 3, 1, 7],
  ])('fma(%s, %s, %s) = %s', (a, b, c, expected) => {
    expect(fma(a, b, c)).toBe(expected);
  });
});

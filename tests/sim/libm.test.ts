/**
 * The core's libm (src/sim/libm) against glibc 2.36 itself (scripts/libm_fixtures.py calls
 * libm.so through ctypes): pow bit for bit off its main path too (special values, subnormal and
 * negative bases, huge and tiny exponents, overflow and the subnormal results); exp, log, expm1, tanh,
 * log10, sin, cos within one ulp of glibc, tan and tanh within two, over their working range and
 * both argument reductions of the trigonometric functions (1e22, 1e300 and the largest double
 * among the inputs: the exact one). That the bits are the same in Chromium is
 * tested by tests/explore (every figure's data in the page equal the CLI's).
 */
import { describe, expect, it } from 'vitest';
import { parseExpression, toJs } from '../../src/sim/expr.js';
import * as libm from '../../src/sim/libm/index.js';
import { fromHex, readNumpyFixture } from '../helpers/numpy-fixtures.js';

const fixture = readNumpyFixture<Record<string, string | { in: string; out: string }>>('libm-core.json');

/** Distance in units in the last place (0 for equal bits and for two NaNs). */
function ulps(a: number, b: number): number {
  if (Object.is(a, b) || (a !== a && b !== b)) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b) || Math.sign(a) !== Math.sign(b)) return Infinity;
  const bits = new BigInt64Array(new Float64Array([a, b]).buffer);
  return Number(bits[0] > bits[1] ? bits[0] - bits[1] : bits[1] - bits[0]);
}

const hex = (x: number) => new BigUint64Array(new Float64Array([x]).buffer)[0].toString(16);

describe('the core libm against glibc', () => {
  it('pow equals glibc bit for bit, off its main path too', () => {
    const x = fromHex(fixture.pow_x as string);
    const y = fromHex(fixture.pow_y as string);
    const want = fromHex(fixture.pow_out as string);
    const wrong = [...x].flatMap((v, k) => (ulps(libm.pow(v, y[k]), want[k]) === 0 ? [] : [`pow(${v}, ${y[k]}) = ${libm.pow(v, y[k])}, glibc ${want[k]}`]));
    expect(x.length).toBeGreaterThan(1500);
    expect(wrong).toEqual([]);
  });

  it.each(['exp', 'log'] as const)("%s within 1 ulp of glibc (fdlibm's algorithm, on libm.json's inputs)", (name) => {
    const glibc = readNumpyFixture<Record<string, string>>('libm.json');
    const want = fromHex(glibc[`${name}_out`]);
    const far = [...fromHex(glibc[`${name}_in`])].filter((v, k) => ulps(libm[name](v), want[k]) > 1);
    expect(want.length).toBeGreaterThan(3000);
    expect(far).toEqual([]);
  });

  it.each([
    ['expm1', 1],
    ['tanh', 2],
    ['log10', 1],
    ['sin', 1],
    ['cos', 1],
    ['tan', 2],
  ] as const)('%s within %d ulp of glibc', (name, bound) => {
    const { in: xs, out } = fixture[name] as { in: string; out: string };
    const want = fromHex(out);
    const far = [...fromHex(xs)].flatMap((v, k) => {
      const got = libm[name](v);
      return ulps(got, want[k]) <= bound ? [] : [`${name}(${v}) = ${got} (${hex(got)}), glibc ${want[k]} (${hex(want[k])})`];
    });
    expect(want.length).toBeGreaterThan(1000);
    expect(far).toEqual([]);
  });
});

describe('powers in expressions', () => {
  const js = (text: string) => toJs(parseExpression(text), (name) => ({ tau: '0.01', mV: '0.001' })[name] ?? name);

  it('a constant power is computed once, when the code is generated, with the same pow', () => {
    expect(js('x * (2 / tau)**.5')).toBe(`(x * ${libm.pow(2 / 0.01, 0.5)})`);
    expect(js('mV**-1 * v')).toBe(`(${libm.pow(0.001, -1)} * v)`);
  });

  it('a power of a variable calls the core pow at every evaluation', () => {
    expect(js('v**2')).toBe('H.pow(v, 2)');
    expect(js('(tau / v)**0.5')).toBe('H.pow((0.01 / v), 0.5)');
  });
});

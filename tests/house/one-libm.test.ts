/**
 * The simulation core and the figures compute every transcendental function with the core's
 * own libm (src/sim/libm), never with Math.exp/log/pow/sin/..., whose last bits differ between
 * JavaScript engines: a page in Chromium must get the CLI's numbers bit for bit. Generated code
 * counts (it is written in strings), comments do not. `**` is the engine's pow too: allowed only
 * where it is exact everywhere (base 2, or an integer literal exponent such as x ** 2).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..', '..', 'src');
const CHECKED = ['sim', 'figures'];

const ENGINE_MATH = /\bMath\.(exp|expm1|log|log1p|log2|log10|pow|sin|cos|tan|sinh|cosh|tanh|asin|acos|atan|atan2|asinh|acosh|atanh|cbrt|hypot)\b/g;
const POWER = /([\w.)\]]+)\s*\*\*\s*(-?[\w.(]+)/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
const withoutStrings = (text: string) => text.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");

/** Each call of an engine's transcendental function and each inexact `**` in a source text. */
export function engineMathCalls(text: string): string[] {
  const code = withoutComments(text);
  const calls = [...code.matchAll(ENGINE_MATH)].map((m) => m[0]);
  const powers = [...withoutStrings(code).matchAll(POWER)].filter(([, base, exponent]) => base !== '2' && !/^-?\d+$/.test(exponent)).map(([m]) => m);
  return [...calls, ...powers];
}

describe('one libm for the core and the figures', () => {
  it('the check finds calls in code and generated code, not in comments, and inexact powers only', () => {
    expect(engineMathCalls('const y = Math.exp(x);')).toEqual(['Math.exp']);
    expect(engineMathCalls('line(`const v = Math.pow(${a}, 2);`);')).toEqual(['Math.pow']);
    expect(engineMathCalls('// Math.sin differs\n/* Math.log too */ const y = Math.sqrt(x) + Math.abs(x);')).toEqual([]);
    expect(engineMathCalls('const a = x ** 2 + 2 ** k + 2 ** -52;')).toEqual([]);
    expect(engineMathCalls('const a = x ** 0.5;\nconst b = tau ** k;')).toEqual(['x ** 0.5', 'tau ** k']);
    expect(engineMathCalls("const eqs = 'dv/dt = (2/tau)**.5 * xi : 1';")).toEqual([]);
  });

  it("src/sim and src/figures call none of the engine's transcendental functions", () => {
    const found = CHECKED.flatMap((dir) => sources(join(SRC, dir))).flatMap((file) =>
      engineMathCalls(readFileSync(file, 'utf8')).map((call) => `${relative(SRC, file)}: ${call}`),
    );
    expect(found).toEqual([]);
  });
});

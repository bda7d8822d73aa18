/** Brian-style expressions: Python precedence, equations, statements, and clear refusals. */
import { describe, expect, it } from 'vitest';
import { parseEquations, parseStatements } from '../../src/sim/equations.js';
import { evaluate, linearIn, parseExpression } from '../../src/sim/expr.js';

const value = (src: string, env: Record<string, number> = {}) => evaluate(parseExpression(src), env);

describe('expressions', () => {
  it('follows Python precedence', () => {
    expect(value('-2**2')).toBe(-4);
    expect(value('2**-1')).toBe(0.5);
    expect(value('2**3**2')).toBe(512);
    expect(value('1 - 2 - 3')).toBe(-4);
    expect(value('8/2/2')).toBe(2);
    expect(value('(taux/tau)**(-tau/(tau-taux))', { tau: 10, taux: 8 })).toBeCloseTo((8 / 10) ** (-10 / 2), 12);
  });

  it('has comparisons and logic as 0/1', () => {
    expect(value('v > 1', { v: 1.5 })).toBe(1);
    expect(value('v > 1 and v < 2', { v: 2.5 })).toBe(0);
    expect(value('not v >= 1', { v: 0 })).toBe(1);
  });

  it('refuses what it cannot read', () => {
    expect(() => parseExpression('v +')).toThrow(/expected a value/);
    expect(() => parseExpression('foo(v)')).toThrow(/unknown function 'foo'/);
    expect(() => parseExpression('v $ 2')).toThrow(/unexpected '\$'/);
    expect(() => parseExpression('process.exit(1)')).toThrow();
    expect(() => value('v * 2')).toThrow(/unknown name 'v'/);
  });

  it('splits linear terms and detects non-linear ones', () => {
    const split = linearIn(parseExpression('-v/tau + sigma*xi*sqrt(2/tau)'), 'xi')!;
    expect(evaluate(split.coefficient, { sigma: 0.3, tau: 2 })).toBeCloseTo(0.3, 15);
    expect(linearIn(parseExpression('v*v'), 'v')).toBeUndefined();
    expect(linearIn(parseExpression('1/v'), 'v')).toBeUndefined();
    expect(linearIn(parseExpression('exp(v)'), 'v')).toBeUndefined();
  });
});

describe('equations and statements', () => {
  it('reads differential equations, subexpressions and parameters, inlining subexpressions', () => {
    const eqs = parseEquations('dz/dt = (I - z)/tau : 1\nI = g*(z + 1) : 1\ndg/dt = -g/taug : 1\nw : 1');
    expect(eqs.stateVariables).toEqual(['z', 'g', 'w']);
    expect(evaluate(eqs.differential[0].rhs, { z: 1, g: 2, tau: 1 })).toBe(3); // (2*(1+1) - 1)/1
  });

  it('refuses duplicates, reserved names, cycles and missing units', () => {
    expect(() => parseEquations('dv/dt = -v : 1\nv : 1')).toThrow(/defined twice/);
    expect(() => parseEquations('dt : 1')).toThrow(/reserved/);
    expect(() => parseEquations('a = b : 1\nb = a : 1\ndv/dt = a : 1')).toThrow(/depends on itself/);
    expect(() => parseEquations('dv/dt = -v')).toThrow(/missing ': unit'/);
  });

  it('keeps on_pre statements in order', () => {
    const s = parseStatements('u += U*(1-u); v += u*x; x -= u*x;');
    expect(s.map((x) => `${x.target} ${x.op}`)).toEqual(['u +=', 'v +=', 'x -=']);
    expect(() => parseStatements('v == 1')).toThrow(/cannot read statement/);
  });
});

describe('expression size', () => {
  it('refuses an expression longer than MAX_TOKENS instead of overflowing the stack', () => {
    expect(() => parseExpression(Array(600).fill('a').join(' + '))).toThrow(/1199 tokens is longer than the 1000 allowed/);
    expect(() => parseExpression('-'.repeat(1000) + 'x')).toThrow(/longer than the 1000 allowed/);
    expect(() => parseExpression('('.repeat(201) + 'x' + ')'.repeat(201))).toThrow(/more than 200 nested parentheses/);
  });

  it('takes the longest allowed expressions, deep as they may be', () => {
    expect(evaluate(parseExpression('('.repeat(200) + '1' + ')'.repeat(200) + ' - 2'.repeat(299)), {})).toBe(1 - 2 * 299);
    expect(evaluate(parseExpression('1' + ' - 2'.repeat(499)), {})).toBe(1 - 2 * 499);
    expect(evaluate(parseExpression('2' + ' ** 1'.repeat(499)), {})).toBe(2);
    expect(evaluate(parseExpression('-'.repeat(598) + '1'), {})).toBe(1);
    expect(() => parseExpression('-'.repeat(600) + '1')).toThrow(/601 deep; at most 50000 and 600/);
  });

  it('refuses subexpressions that blow up when inlined (each reading the previous twice)', () => {
    const chain = Array.from({ length: 30 }, (_, k) => `a${k + 1} = a${k} + a${k} : 1`).join('\n');
    expect(() => parseEquations(`a0 = 1 : 1\n${chain}\ndv/dt = a30/second : 1`)).toThrow(/too large once its subexpressions are inlined/);
  });
});

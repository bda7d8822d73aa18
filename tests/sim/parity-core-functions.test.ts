/** Functions and names in expressions (exprel, exp, sqrt, int, and/or/not, t, dt, i) against Brian2. */
import { describe, expect, it } from 'vitest';
import { evaluate, parseExpression } from '../../src/sim/expr.js';
import { NeuronGroup } from '../../src/sim/index.js';
import { describeFeatureParity } from '../helpers/core-model.js';

describeFeatureParity('functions');

describe('expressions', () => {
  it('int() truncates towards zero; booleans are 0/1; True/False read as numbers', () => {
    expect(evaluate(parseExpression('int(2.7) + int(-2.7) + int(3 > 2)'), {})).toBe(2 - 2 + 1);
    expect(evaluate(parseExpression('int(True and not False) + int(False or (1 < 0))'), {})).toBe(1);
  });

  it('folds constants the way Brian does: 10*ms is 10*0.001, evaluated as written', () => {
    // t < 150*ms is false at step 1500 (t = 1500·dt equals 150·0.001), true one step before.
    expect(evaluate(parseExpression('int(t < 150*ms)'), { t: 1500 * 1e-4, ms: 1e-3 })).toBe(0);
    expect(evaluate(parseExpression('int(t < 150*ms)'), { t: 1499 * 1e-4, ms: 1e-3 })).toBe(1);
    // t at step 3 is 3·1e-4 = 0.00030000000000000003, past 0.3·0.001 = 0.0003: already false.
    expect(evaluate(parseExpression('int(t < 0.3*ms)'), { t: 3 * 1e-4, ms: 1e-3 })).toBe(0);
    expect(evaluate(parseExpression('int(t < 0.3*ms)'), { t: 2 * 1e-4, ms: 1e-3 })).toBe(1);
  });

  it('refuses an unknown function and a wrong number of arguments, naming the known ones', () => {
    expect(() => parseExpression('expp(1)')).toThrow(/unknown function 'expp'.*known: exp, log/);
    expect(() => parseExpression('exprel(1, 2)')).toThrow(/exprel\(\) takes 1 argument/);
    expect(() => parseExpression('rand(1)')).toThrow(/rand\(\) takes 0 argument/);
  });

  it('i, N, t and dt are known to every group', () => {
    const G = new NeuronGroup(4, 'v : 1');
    G.set('v', 'i*10 + N');
    expect(Array.from(G.variable('v'))).toEqual([4, 14, 24, 34]);
  });
});

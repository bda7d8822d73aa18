/** exponential_euler and exprel (Hodgkin–Huxley) against Brian2. */
import { describe, expect, it } from 'vitest';
import { HELPERS } from '../../src/sim/expr.js';
import { Network, NeuronGroup, StateMonitor } from '../../src/sim/index.js';
import { describeFeatureParity } from '../helpers/core-model.js';

describeFeatureParity('exponential-euler');

describe('exprel as Brian computes it', () => {
  it('is 1 below |x| < 1e-16, inf above 717, else expm1(x)/x', () => {
    expect(HELPERS.exprel(0)).toBe(1);
    expect(HELPERS.exprel(5e-17)).toBe(1);
    expect(HELPERS.exprel(-9e-17)).toBe(1);
    expect(HELPERS.exprel(717.5)).toBe(Infinity);
    expect(HELPERS.exprel(1e-10)).toBe(Math.expm1(1e-10) / 1e-10);
    expect(HELPERS.exprel(-3)).toBe(Math.expm1(-3) / -3);
  });
});

describe('the three forms of the update', () => {
  const step = (eqs: string, x0: number) => {
    const G = new NeuronGroup(1, eqs, { method: 'exponential_euler', namespace: { tau: 0.01, b: 2 } });
    G.set('x', x0);
    const M = new StateMonitor(G, ['x']);
    new Network([G, M], { dt: 1e-3 }).run(2e-3);
    return M.trace('x')[1];
  };
  it('B = 0: x·exp(A·dt)', () => expect(step('dx/dt = -x/tau : 1', 3)).toBe(3 * Math.exp(1e-3 * (-1 / 0.01))));
  it('A = 0: x + dt·B', () => expect(step('dx/dt = b/second : 1', 3)).toBe(3 + 1e-3 * (2 / 1)));
  it('both: −B/A + (B/A + x)·exp(A·dt)', () => {
    const A = -1 / 0.01;
    const BA = 2 / 0.01 / A;
    expect(step('dx/dt = (b - x)/tau : 1', 3)).toBe(-BA + (BA + 3) * Math.exp(1e-3 * A));
  });
});

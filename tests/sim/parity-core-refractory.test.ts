/** Refractoriness as Brian 2.5.1 applies it, edge cases pinned against Brian2. */
import { describe, expect, it } from 'vitest';
import { NeuronGroup } from '../../src/sim/index.js';
import { refractoryLiteral } from '../../src/sim/neuron-group.js';
import { describeFeatureParity } from '../helpers/core-model.js';

describeFeatureParity('refractory');

describe("the refractory period as Brian writes it into the code ('%f' of seconds)", () => {
  it('keeps six decimals of seconds', () => {
    expect(refractoryLiteral(5e-3)).toBe(0.005);
    expect(refractoryLiteral(0.1999e-3)).toBe(0.0002);
    expect(refractoryLiteral(0.1234567e-3)).toBe(0.000123);
  });

  it("rounds an exact tie to even, as Python's %f does (toFixed would round it up)", () => {
    expect(refractoryLiteral(0.0078125)).toBe(0.007812);
    expect(refractoryLiteral(0.0234375)).toBe(0.023438);
  });

  it('refuses a negative or non-finite period', () => {
    expect(() => new NeuronGroup(1, 'v : 1', { refractory: -1e-3 })).toThrow(/refractory period must be a time ≥ 0/);
    expect(() => new NeuronGroup(1, 'v : 1', { refractory: Infinity })).toThrow(/refractory period must be a time ≥ 0/);
  });

  it('adds lastspike (−1e4 s) and not_refractory (true) to the group', () => {
    const G = new NeuronGroup(2, 'v : 1', { refractory: 1e-3 });
    expect(Array.from(G.variable('lastspike'))).toEqual([-1e4, -1e4]);
    expect(Array.from(G.variable('not_refractory'))).toEqual([1, 1]);
  });
});

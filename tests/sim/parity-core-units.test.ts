/** Quantities with units in equations, checked for consistency as Brian checks them. */
import { describe, expect, it } from 'vitest';
import { Network, NeuronGroup, SpikeGeneratorGroup, Synapses, quantity } from '../../src/sim/index.js';
import { describeFeatureParity } from '../helpers/core-model.js';

describeFeatureParity('units');

const ns = { El: quantity(-70, 'mV'), gl: quantity(10, 'nS'), C: quantity(200, 'pF'), tau: quantity(10, 'ms') };
const compile = (G: NeuronGroup, ...more: ConstructorParameters<typeof Network>[0]) => new Network([G, ...more], { dt: 1e-4 }).run(1e-4);

describe('an inconsistent equation is a clear error', () => {
  it('a derivative in the wrong unit', () => {
    expect(() => compile(new NeuronGroup(1, 'dv/dt = gl*(El - v) : volt', { namespace: ns, method: 'euler' }))).toThrow(
      /inconsistent units in "dv\/dt = gl\*\(El - v\) : volt": the right-hand side is in .* but should be in/,
    );
  });

  it('a sum of volt and siemens, a subexpression in the wrong unit, exp of a voltage', () => {
    expect(() => compile(new NeuronGroup(1, 'dv/dt = (El + gl)/tau : volt', { namespace: ns }))).toThrow(/'\+'.* mixes volt and siemens/);
    expect(() => compile(new NeuronGroup(1, 'dv/dt = I/C : volt\nI = gl*El/tau : amp', { namespace: ns }))).toThrow(
      /inconsistent units in "I = gl\*El\/tau : amp"/,
    );
    expect(() => compile(new NeuronGroup(1, 'dv/dt = exp(v)/tau*mV : volt', { namespace: ns }))).toThrow(/exp\(\).* needs a dimensionless argument, got volt/);
  });

  it('a threshold, a reset and an on_pre statement in the wrong unit', () => {
    expect(() => compile(new NeuronGroup(1, 'dv/dt = (El - v)/tau : volt', { namespace: ns, threshold: 'v > 1' }))).toThrow(
      /comparison '>'.* mixes volt and 1/,
    );
    expect(() => compile(new NeuronGroup(1, 'dv/dt = (El - v)/tau : volt', { namespace: ns, threshold: 'v > El', reset: 'v = 0.5' }))).toThrow(
      /inconsistent units in "reset v = …"/,
    );
    const G = new NeuronGroup(1, 'dv/dt = (El - v)/tau : volt\ndg/dt = -g/tau : siemens', { namespace: ns });
    const H = new SpikeGeneratorGroup(1, [0], [0]);
    const S = new Synapses(H, G, { onPre: 'g += 2*mV' }).connectAll();
    expect(() => compile(G, H, S)).toThrow(/inconsistent units in "on_pre g \+= …"/);
  });

  it('a refractory period that is not a time; an unknown unit', () => {
    expect(() => new NeuronGroup(1, 'v : volt', { refractory: quantity(2, 'mV') })).toThrow(/must be a time/);
    expect(() => quantity(1, 'parsec')).toThrow(/unknown unit 'parsec'/);
  });

  it('plain numbers in a namespace are not checked (week-2 models carry no units)', () => {
    expect(() => compile(new NeuronGroup(1, 'dv/dt = -v/tau : 1', { namespace: { tau: 0.01 } }))).not.toThrow();
  });
});

describe('quantities', () => {
  it('are value × scale, as Brian multiplies them', () => {
    expect(quantity(2, 'nS').value).toBe(2 * 1e-9);
    expect(quantity(20000, 'um2').value).toBe(20000 * 1e-12);
    expect(quantity(5, 'kHz').value).toBe(5000);
    expect(quantity(1, 'ufarad').dim).toEqual(quantity(1, 'pF').dim);
  });
});

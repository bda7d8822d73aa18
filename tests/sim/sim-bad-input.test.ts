/** The core's own checks: every bad argument is refused with a clear message before anything runs. */
import { describe, expect, it } from 'vitest';
import { Network, NeuronGroup, SpikeGeneratorGroup, SpikeMonitor, StateMonitor, Synapses } from '../../src/sim/index.js';

const group = () => new NeuronGroup(2, 'dv/dt = -v/(10*ms) : 1\nI : 1 (linked)', { method: 'euler' });

describe('groups', () => {
  it.each([0, -1, 1.5, NaN, Infinity, 2 ** 31])('refuses %s neurons', (n) => {
    expect(() => new NeuronGroup(n, 'v : 1')).toThrow(/whole number of neurons/);
  });

  it.each([0, -1e-4, NaN, Infinity, -Infinity])('refuses a group dt of %s', (dt) => {
    expect(() => new NeuronGroup(1, 'v : 1', { dt })).toThrow(/dt must be a positive time/);
  });

  it('refuses a reset without threshold, an unreadable threshold or reset', () => {
    expect(() => new NeuronGroup(1, 'v : 1', { reset: 'v = 0' })).toThrow(/a reset needs a threshold/);
    expect(() => new NeuronGroup(1, 'v : 1', { threshold: 'v >' })).toThrow(/expected a value/);
    expect(() => new NeuronGroup(1, 'v : 1', { threshold: 'v > 1', reset: 'v == 0' })).toThrow(/cannot read statement/);
  });

  it('refuses values of the wrong length, an unknown variable, a bad link', () => {
    const G = group();
    expect(() => G.set('v', [1, 2, 3])).toThrow(/needs 2 values, got 3/);
    expect(() => G.set('w', 1)).toThrow(/has no variable 'w'/);
    expect(() => G.link('v', new NeuronGroup(1, 'x : 1'), 'x')).toThrow(/not declared '\(linked\)'/);
    expect(() => G.link('I', new NeuronGroup(3, 'x : 1'), 'x')).toThrow(/needs 1 or 2/);
    expect(() => G.link('I', new NeuronGroup(1, 'x : 1'), 'y')).toThrow(/has no variable 'y'/);
    expect(() => new Network([G], { dt: 1e-4 }).run(1e-4)).toThrow(/linked variable 'I' .* is not linked/);
  });

  it('refuses a name that is unknown to the equations, at the first run', () => {
    const G = new NeuronGroup(1, 'dv/dt = -v/tau : 1', { method: 'euler' });
    expect(() => new Network([G], { dt: 1e-4 }).run(1e-4)).toThrow(/unknown name 'tau'/);
  });
});

describe('networks and runs', () => {
  it.each([0, -1e-4, NaN, Infinity])('refuses a network dt of %s', (dt) => {
    expect(() => new Network([], { dt })).toThrow(/dt must be a positive time/);
  });

  it.each([-1, NaN, Infinity, -Infinity])('refuses a run of %s s', (d) => {
    expect(() => new Network([group()], { dt: 1e-4 }).run(d)).toThrow(/a run needs a duration ≥ 0/);
  });

  it('refuses a run beyond 2^40 steps (float64 limits: 1e308 s, or dt = 5e-324 s)', () => {
    const G = new NeuronGroup(1, 'v : 1');
    expect(() => new Network([G], { dt: 1e-4 }).run(1e308)).toThrow(/beyond 2\^40/);
    expect(() => new Network([G], { dt: 5e-324 }).run(1e-3)).toThrow(/beyond 2\^40/);
  });

  it('refuses monitors of neurons or variables that do not exist', () => {
    const G = group();
    expect(() => new StateMonitor(G, ['v'], [2])).toThrow(/cannot record neuron 2/);
    expect(() => new StateMonitor(G, ['u'])).toThrow(/no variable 'u' to record/);
    expect(() => new StateMonitor(G, ['v']).trace('v', 5)).toThrow(/records 2 neuron/);
  });

  it('refuses synapses to neurons that do not exist and weights of the wrong length', () => {
    const G = new NeuronGroup(2, 'v : 1');
    const H = new SpikeGeneratorGroup(1, [0], [0]);
    const S = new Synapses(H, G, { onPre: 'v += w', model: 'w : 1' });
    expect(() => S.connectPairs([0], [2])).toThrow(/target index 2 out of range/);
    expect(() => S.connectPairs([1], [0])).toThrow(/source index 1 out of range/);
    S.connectAll();
    expect(() => S.set('w', [1])).toThrow(/needs 2 values \(one per synapse\)/);
    expect(() => new Synapses(H, G, { onPre: 'v += 1', model: 'dw/dt = -w/second : 1' })).toThrow(/parameters only/);
    const big = new NeuronGroup(20_000, 'v : 1');
    expect(() => new Synapses(big, big, { onPre: 'v += 1' }).connectAll()).toThrow(
      /20000 × 20000 neurons makes 400000000 synapses, more than the 100000000 allowed/,
    );
  });

  it('refuses generator spikes that are not times ≥ 0 or not neurons of the generator', () => {
    expect(() => new SpikeGeneratorGroup(1, [0], [NaN])).toThrow(/not a time ≥ 0/);
    expect(() => new SpikeGeneratorGroup(1, [0], [-1e-3])).toThrow(/not a time ≥ 0/);
    expect(() => new SpikeGeneratorGroup(1, [1], [0])).toThrow(/outside 0..0/);
    expect(() => new SpikeGeneratorGroup(0, [], [])).toThrow(/whole number of neurons/);
  });

  it('a spike monitor counts a generator group too', () => {
    const H = new SpikeGeneratorGroup(2, [1, 0], [1e-4, 3e-4]);
    const M = new SpikeMonitor(H);
    new Network([H, M], { dt: 1e-4 }).run(5e-4);
    expect([M.i, M.t.map((t) => Math.round(t / 1e-4))]).toEqual([
      [1, 0],
      [1, 3],
    ]);
  });
});

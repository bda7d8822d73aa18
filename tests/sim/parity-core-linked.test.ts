/** linked_var to a subexpression or a state variable of a 1-neuron group, against Brian2. */
import { describe, expect, it } from 'vitest';
import { describeFeatureParity } from '../helpers/core-model.js';
import { Network, NeuronGroup, StateMonitor } from '../../src/sim/index.js';

describeFeatureParity('linked');

describe('linked variables', () => {
  it('read the source for every neuron, and a monitor records them', () => {
    const src = new NeuronGroup(1, 'dx/dt = 1/second : 1', { method: 'euler' });
    const G = new NeuronGroup(3, 'y : 1 (linked)\nz = y*(i + 1) : 1');
    G.link('y', src, 'x');
    const M = new StateMonitor(G, ['y', 'z']);
    new Network([src, G, M], { dt: 0.5 }).run(1.5);
    expect(M.trace('y', 2)).toEqual([0, 0.5, 1]);
    expect(M.trace('z', 2)).toEqual([0, 1.5, 3]);
  });
});

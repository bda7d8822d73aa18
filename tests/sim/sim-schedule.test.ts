/**
 * Scheduling as Brian's Network does it: parts sorted by (slot, order, name), Brian's
 * automatic names, and a new kind of object that schedules itself (tests/fixtures/core/schedule--*).
 */
import { describe, expect, it } from 'vitest';
import { Network, NeuronGroup, SpikeGeneratorGroup, SpikeMonitor, StateMonitor, Synapses, withNameScope, type NetworkMember } from '../../src/sim/index.js';
import { Names, scheduleOrder, slotRank } from '../../src/sim/schedule.js';
import { fixtureFiles, readFixture } from '../helpers/fixtures.js';

interface ObjectSpec {
  kind: 'neurongroup' | 'generator' | 'synapses' | 'statemonitor' | 'spikemonitor';
  n?: number;
  threshold?: boolean;
  reset?: boolean;
  order?: number;
  dt_ms?: number;
  source?: number;
  target?: number;
}

interface ScheduleFixture {
  objects: ObjectSpec[];
  networks: { members: number[]; sorted: [string, string, number][] }[];
}

function build(spec: ObjectSpec, made: NetworkMember[]): NetworkMember {
  switch (spec.kind) {
    case 'neurongroup':
      return new NeuronGroup(spec.n!, 'dv/dt = -v/(10*ms) : 1', {
        method: 'euler',
        threshold: spec.threshold ? 'v>1' : undefined,
        reset: spec.reset ? 'v=0' : undefined,
        order: spec.order,
        dt: spec.dt_ms === undefined ? undefined : spec.dt_ms * 1e-3,
      });
    case 'generator':
      return new SpikeGeneratorGroup(spec.n!, [0], [1e-3]);
    case 'synapses':
      return new Synapses(made[spec.source!] as NeuronGroup, made[spec.target!] as NeuronGroup, { onPre: 'v += 1' }).connectAll();
    case 'statemonitor':
      return new StateMonitor(made[spec.source!] as NeuronGroup, ['v']);
    case 'spikemonitor':
      return new SpikeMonitor(made[spec.source!] as NeuronGroup);
  }
}

describe('the schedule matches Brian2', () => {
  const files = fixtureFiles('core', 'schedule--');
  it('has the schedule fixtures', () => expect(files.length).toBeGreaterThanOrEqual(3));

  it.each(files)('%s', (file) => {
    const f = readFixture<ScheduleFixture>('core', file);
    const made: NetworkMember[] = [];
    withNameScope(() => {
      for (const spec of f.objects) made.push(build(spec, made));
    });
    // Brian names the groups and synapses as we do …
    const groups = new Set(made.filter((m) => m instanceof NeuronGroup || m instanceof Synapses).map((m) => m.name));
    for (const { members, sorted } of f.networks) {
      const net = new Network(
        members.map((k) => made[k]),
        { dt: 1e-4 },
      );
      // … and also lists them in the `start` slot, where they do nothing (no run_regularly here).
      const brian = sorted.filter(([name, when]) => !(when === 'start' && groups.has(name)));
      expect(net.schedule.map((p) => [p.name, p.when, p.order])).toEqual(brian);
      net.run(2e-4);
    }
  });
});

describe('automatic names', () => {
  it('are base, base_1, base_2, … (the first free one), and explicit names are kept', () => {
    const n = new Names();
    expect([n.claim('neurongroup'), n.claim('neurongroup'), n.claim('neurongroup', 'input'), n.claim('neurongroup')]).toEqual([
      'neurongroup',
      'neurongroup_1',
      'input',
      'neurongroup_2',
    ]);
    expect(() => n.claim('x', '1bad')).toThrow(/not a valid object name/);
    n.claim('g', 'g_1');
    expect([n.claim('g'), n.claim('g'), n.claim('g')]).toEqual(['g', 'g_2', 'g_3']);
  });

  it('number many objects in order (each claim starts where the last one ended)', () => {
    const n = new Names();
    let last = '';
    for (let k = 0; k < 200_000; k++) last = n.claim('neurongroup');
    expect(last).toBe('neurongroup_199999');
  });

  it('a name scope starts again from neurongroup, and the outer scope goes on after it', () => {
    const outer = new NeuronGroup(1, 'v : 1').name;
    withNameScope(() => {
      expect(new NeuronGroup(1, 'v : 1').name).toBe('neurongroup');
      expect(new NeuronGroup(1, 'v : 1').name).toBe('neurongroup_1');
      expect(withNameScope(() => new NeuronGroup(1, 'v : 1').name)).toBe('neurongroup');
    });
    expect(new NeuronGroup(1, 'v : 1').name).not.toBe(outer);
    withNameScope(() => expect(new NeuronGroup(1, 'v : 1').name).toBe('neurongroup'));
  });

  it('refuses two objects of one name in a network', () => {
    const a = new NeuronGroup(1, 'v : 1', { name: 'same' });
    const b = new NeuronGroup(1, 'v : 1', { name: 'same' });
    expect(() => new Network([a, b], { dt: 1e-4 })).toThrow(/two objects of the network are named 'same'/);
  });
});

describe('slots', () => {
  it("rank before_x, x, after_x as Brian's when_to_int", () => {
    expect(['before_start', 'start', 'after_start', 'before_groups', 'groups', 'end', 'after_end'].map((s) => slotRank(s as never))).toEqual([
      0, 1, 2, 3, 4, 16, 17,
    ]);
    expect(() => slotRank('middle' as never)).toThrow(/unknown schedule slot 'middle'/);
  });

  it('sort by slot, then order, then name as plain strings', () => {
    const part = (name: string, when: 'groups' | 'start', order: number) => ({ name, when, order, beforeRun: () => undefined, tick: () => undefined });
    const sorted = [part('neurongroup_9', 'groups', 0), part('neurongroup_10', 'groups', 0), part('z', 'groups', -1), part('m', 'start', 5)].sort(
      scheduleOrder,
    );
    expect(sorted.map((p) => p.name)).toEqual(['m', 'z', 'neurongroup_10', 'neurongroup_9']);
  });

  it('a new kind of object schedules itself: the Network needs no change', () => {
    const G = new NeuronGroup(1, 'dv/dt = 1/second : 1', { method: 'euler' });
    const seen: number[] = [];
    // A probe in the slot after the state update: it sees the updated v of each step.
    const probe: NetworkMember = {
      name: 'probe',
      scheduled: () => [{ name: 'probe', when: 'after_groups', order: 0, beforeRun: () => undefined, tick: () => void seen.push(G.variable('v')[0]) }],
    };
    new Network([probe, G], { dt: 0.5 }).run(2);
    expect(seen).toEqual([0.5, 1, 1.5, 2]);
  });
});

/**
 * The core's timing rules against Brian2 2.5.1, exactly: step order inside a step, when
 * monitors record, where off-grid spike times land, how off-grid run durations count,
 * ordered on_pre, and the exact / rk4 integrators (tests/fixtures/core/timing--*.json).
 */
import { describe, expect, it } from 'vitest';
import { Network, NeuronGroup, SpikeGeneratorGroup, SpikeMonitor, StateMonitor, Synapses, type Method } from '../../src/sim/index.js';
import { fixtureFiles, readFixture, worstDeviation } from '../helpers/fixtures.js';

interface CoreFixture {
  name: string;
  description: string;
  equations: string;
  method: Method;
  threshold: string | null;
  reset: string | null;
  on_pre: string | null;
  synapse_model: string | null;
  synapse_values?: Record<string, number[]>;
  namespace: Record<string, number>;
  N: number;
  initial?: Record<string, number[]>;
  generator?: { N: number; indices: number[]; times_s: number[] };
  connect?: { i: number[]; j: number[] };
  dt_s: number;
  runs: ({ run_s: number } | { set: Record<string, number> })[];
  record: string[];
  t_s: number[];
  traces: Record<string, number[][]>;
  spikes: { i: number[]; t_s: number[] };
  counts: number[];
}

/** Rebuilds the fixture's network with our core and runs the same sequence. */
function simulate(f: CoreFixture) {
  const G = new NeuronGroup(f.N, f.equations, {
    method: f.method,
    threshold: f.threshold ?? undefined,
    reset: f.reset ?? undefined,
    namespace: f.namespace,
  });
  for (const [name, values] of Object.entries(f.initial ?? {})) G.set(name, values);
  const objects: ConstructorParameters<typeof Network>[0] = [G];
  if (f.generator) {
    const H = new SpikeGeneratorGroup(f.generator.N, f.generator.indices, f.generator.times_s);
    const S = new Synapses(H, G, { onPre: f.on_pre!, model: f.synapse_model ?? undefined, namespace: f.namespace });
    if (f.connect) S.connectPairs(f.connect.i, f.connect.j);
    else S.connectAll();
    for (const [name, values] of Object.entries(f.synapse_values ?? {})) S.set(name, values);
    objects.push(H, S);
  }
  const M = new StateMonitor(G, f.record);
  const SM = new SpikeMonitor(G);
  objects.push(M, SM);
  const net = new Network(objects, { dt: f.dt_s });
  for (const step of f.runs) {
    if ('run_s' in step) net.run(step.run_s);
    else for (const [name, value] of Object.entries(step.set)) G.set(name, value);
  }
  return { M, SM, net };
}

const files = fixtureFiles('core', 'timing--');

describe('core timing and integration match Brian2 exactly', () => {
  it('has the edge cases of brian2-semantics.md', () => {
    for (const name of [
      'threshold-and-input-same-step',
      'input-pushes-above-threshold',
      'two-inputs-same-step',
      'ordered-on-pre',
      'off-grid-spike-times',
      'run-set-run',
      'run-duration-off-grid',
      'exact-alpha',
      'rk4-nonlinear',
    ])
      expect(files).toContain(`timing--${name}.json`);
  });

  it.each(files)('%s', (file) => {
    const f = readFixture<CoreFixture>('core', file);
    const { M, SM } = simulate(f);
    // Same number of samples at the same times (to the last bit of Brian's t = step·dt).
    expect(M.t.length).toBe(f.t_s.length);
    expect(worstDeviation(M.t, f.t_s)).toBeLessThanOrEqual(1e-15);
    for (const variable of f.record)
      f.traces[variable].forEach((brian, k) => {
        expect(worstDeviation(M.trace(variable, k), brian), `${variable}[${k}]`).toBeLessThanOrEqual(1e-12);
      });
    // Spikes: same neurons in the same steps.
    expect(SM.i).toEqual(f.spikes.i);
    expect(SM.t.map((t) => Math.round(t / f.dt_s))).toEqual(f.spikes.t_s.map((t) => Math.round(t / f.dt_s)));
    expect(Array.from(SM.count)).toEqual(f.counts);
  });

  it('pins the coincidence numbers of the semantics note', () => {
    const G = new NeuronGroup(1, 'dv/dt = -v/tau : 1', { method: 'exact', namespace: { tau: 5e-3 } });
    const H = new SpikeGeneratorGroup(1, [0], [10e-3]);
    const S = new Synapses(H, G, { onPre: 'v += 0.6' }).connectAll();
    const M = new StateMonitor(G, ['v']);
    new Network([G, H, S, M], { dt: 1e-4 }).run(0.02);
    const v = M.trace('v');
    expect(v[100]).toBe(0); // t = 10.0 ms: the spike is not yet visible
    expect(v[101]).toBe(0.6); // t = 10.1 ms
    expect(v[102]).toBeCloseTo(0.6 * Math.exp(-0.1 / 5), 15);
  });

  it('puts off-grid spike times where Brian does: floor((t + dt/1000)/dt), not round(t/dt)', () => {
    const dt = 1e-4;
    expect(SpikeGeneratorGroup.stepOf(10.06e-3, dt)).toBe(100);
    expect(SpikeGeneratorGroup.stepOf(10.04e-3, dt)).toBe(100);
    expect(SpikeGeneratorGroup.stepOf(9.9999999e-3, dt)).toBe(100);
    expect(SpikeGeneratorGroup.stepOf(9.9985e-3, dt)).toBe(99);
  });

  it('refuses two spikes of one generator neuron in one step, as Brian does', () => {
    const G = new NeuronGroup(1, 'dv/dt = -v/tau : 1', { namespace: { tau: 0.01 } });
    const H = new SpikeGeneratorGroup(1, [0, 0], [10e-3, 10.05e-3]);
    const S = new Synapses(H, G, { onPre: 'v += 1' }).connectAll();
    expect(() => new Network([G, H, S], { dt: 1e-4 }).run(0.02)).toThrow(/twice in one time step/);
  });
});

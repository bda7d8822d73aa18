/**
 * Builds a core fixture's model (scripts/fixtures/models.py describes the format) with our
 * core, replays numpy's draws that Brian made, and compares monitors with Brian's results.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate, parseExpression, namesIn } from '../../src/sim/expr.js';
import { dimensionOf } from '../../src/sim/dimensions.js';
import {
  Network,
  NeuronGroup,
  SpikeGeneratorGroup,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  numpySource,
  withNameScope,
  type NetworkMember,
  type Quantity,
  type VectorRandom,
} from '../../src/sim/index.js';
import { UNITS } from '../../src/sim/units.js';
import { fixtureFiles, readFixture, worstDeviation } from './fixtures.js';

type Pair = [number | number[], string];

interface ObjectSpec {
  kind: 'group' | 'generator' | 'synapses' | 'statemonitor' | 'spikemonitor';
  id: string;
  n?: number;
  equations?: string;
  method?: string;
  threshold?: string | null;
  reset?: string | null;
  refractory?: Pair;
  dt?: Pair;
  namespace?: Record<string, Pair>;
  indices?: number[];
  times_s?: number[];
  source?: string;
  target?: string;
  on_pre?: string;
  model?: string;
  connect?: 'all' | { i: number[]; j: number[] };
  values?: Record<string, Pair>;
  variables?: string[];
  record?: true | number[];
}

type Step =
  | { object: ObjectSpec }
  | { set: { target: string; var: string; value: Pair | string } }
  | { set_draw: { target: string; var: string; n: number; scale: [number, string]; repeat: number } }
  | { link: { target: string; var: string; source: string; source_var: string } }
  | { runs_until: { target: string; t_s: number; mean_ms: number; each: string; shared: string } }
  | { network: string[] }
  | { run_s: number };

export interface ModelFixture {
  feature: string;
  case: string;
  description: string;
  dt_s: number;
  objects: ObjectSpec[];
  steps: Step[];
  names: Record<string, string>;
  network_t_s: number[];
  monitors: Record<string, { t_s: number[]; traces: Record<string, number[][]> } | { i: number[]; t_s: number[]; steps: number[] }>;
  draws: ['rand' | 'randn' | 'exponential', number[]][];
}

/** A unit expression ('nS', 'um2', 'ufarad/cm2', '1') as Brian evaluates it: scale and dimension. */
function unitOf(text: string): { scale: number; dim: Quantity['dim'] } {
  if (text === '1') return { scale: 1, dim: [0, 0, 0, 0, 0, 0, 0] };
  const tree = parseExpression(text);
  const scales = Object.fromEntries([...namesIn(tree)].map((n) => [n, UNITS.get(n)!.scale]));
  return { scale: evaluate(tree, scales), dim: dimensionOf(tree, () => undefined)! };
}

function quantityOf([value, unit]: Pair): Quantity {
  const u = unitOf(unit);
  if (Array.isArray(value)) throw new Error('a list where a scalar was expected');
  return { value: unit === '1' ? value : value * u.scale, dim: u.dim };
}

function valuesOf([value, unit]: Pair): number | number[] {
  const { scale } = unitOf(unit);
  const times = (x: number) => (unit === '1' ? x : x * scale);
  return Array.isArray(value) ? value.map(times) : times(value);
}

/** numpy's draws as Brian made them, handed back in order; a different call is a failure. */
export function replay(draws: ModelFixture['draws']): VectorRandom & { left: () => number; exponential: () => number } {
  let k = 0;
  const next = (kind: 'rand' | 'randn' | 'exponential', n: number) => {
    const call = draws[k++];
    expect(call, `draw ${k - 1}: ${kind}(${n}) but Brian made no more draws`).toBeDefined();
    expect([call[0], call[1].length], `draw ${k - 1}`).toEqual([kind, n]);
    return Float64Array.from(call[1]);
  };
  return { rand: (n) => next('rand', n), randn: (n) => next('randn', n), exponential: () => next('exponential', 1)[0], left: () => draws.length - k };
}

export function runModel(f: ModelFixture) {
  // The objects are named as in Brian's fresh process: neurongroup, neurongroup_1, …
  return withNameScope(() => modelRun(f));
}

function modelRun(f: ModelFixture) {
  const draws = replay(f.draws);
  const rng = numpySource(draws);
  const made = new Map<string, NetworkMember>();
  const get = <T>(id: string) => made.get(id) as T;
  const build = (s: ObjectSpec): NetworkMember => {
    switch (s.kind) {
      case 'group':
        return new NeuronGroup(s.n!, s.equations!, {
          method: s.method as never,
          threshold: s.threshold ?? undefined,
          reset: s.reset ?? undefined,
          refractory: s.refractory && quantityOf(s.refractory),
          dt: s.dt && quantityOf(s.dt).value,
          namespace: Object.fromEntries(Object.entries(s.namespace ?? {}).map(([k, v]) => [k, quantityOf(v)])),
        });
      case 'generator':
        return new SpikeGeneratorGroup(s.n!, s.indices!, s.times_s!);
      case 'synapses': {
        const S = new Synapses(get<NeuronGroup>(s.source!), get<NeuronGroup>(s.target!), {
          onPre: s.on_pre!,
          model: s.model,
          namespace: Object.fromEntries(Object.entries(s.namespace ?? {}).map(([k, v]) => [k, quantityOf(v)])),
        });
        if (!s.connect || s.connect === 'all') S.connectAll();
        else S.connectPairs(s.connect.i, s.connect.j);
        for (const [name, v] of Object.entries(s.values ?? {})) S.set(name, valuesOf(v));
        return S;
      }
      case 'statemonitor':
        return new StateMonitor(get<NeuronGroup>(s.source!), s.variables!, s.record ?? true);
      case 'spikemonitor':
        return new SpikeMonitor(get<NeuronGroup>(s.source!));
    }
  };
  for (const s of f.objects) made.set(s.id, build(s));
  const networks: Network[] = [];
  for (const step of f.steps) {
    if ('object' in step) made.set(step.object.id, build(step.object));
    else if ('set' in step) {
      const { target, var: name, value } = step.set;
      if (typeof value === 'string') get<NeuronGroup>(target).set(name, value, rng);
      else get<NeuronGroup>(target).set(name, valuesOf(value));
    } else if ('set_draw' in step) {
      const { target, var: name, n, scale, repeat } = step.set_draw;
      const u = draws.rand(n);
      const values = Array.from(u).flatMap((x) => new Array<number>(repeat).fill(x * scale[0] * unitOf(scale[1]).scale));
      get<NeuronGroup>(target).set(name, values);
    } else if ('link' in step) get<NeuronGroup>(step.link.target).link(step.link.var, get<NeuronGroup>(step.link.source), step.link.source_var);
    else if ('runs_until' in step) {
      // The stdp-correlated loop: exponential run lengths (numpy's draw × ms, as Brian's
      // Quantity product), redraws before each run, the float sum of the lengths as the bound.
      const { target, t_s, each, shared } = step.runs_until;
      const G = get<NeuronGroup>(target);
      const net = networks[networks.length - 1];
      for (let t = 0, runs = 0; t < t_s; runs++) {
        expect(runs, 'runs').toBeLessThan(10_000);
        const duration = draws.exponential() * 1e-3;
        G.set(each, draws.randn(G.n));
        G.set(shared, draws.randn(1)[0]);
        net.run(duration);
        t += duration;
      }
    } else if ('network' in step)
      networks.push(
        new Network(
          step.network.map((id) => made.get(id)!),
          { dt: f.dt_s, rng },
        ),
      );
    else networks[networks.length - 1].run(step.run_s);
  }
  return { made, networks, drawsLeft: draws.left() };
}

/** Worst deviation (relative to each trace's peak) of every recorded trace; asserts everything else exactly. */
export function checkModel(f: ModelFixture, tolerance: number): number {
  const { made, networks, drawsLeft } = runModel(f);
  expect(drawsLeft, 'draws Brian made that we did not').toBe(0);
  expect(Object.fromEntries([...made].map(([id, o]) => [id, o.name]))).toEqual(f.names);
  expect(networks.map((n) => n.t)).toEqual(f.network_t_s);
  let worst = 0;
  for (const [id, brian] of Object.entries(f.monitors)) {
    const ours = made.get(id)!;
    if ('traces' in brian) {
      const M = ours as StateMonitor;
      expect(M.t.length, `${id}: samples`).toBe(brian.t_s.length);
      expect(worstDeviation(M.t, brian.t_s), `${id}: sample times`).toBeLessThanOrEqual(1e-15);
      for (const [name, rows] of Object.entries(brian.traces))
        rows.forEach((row, k) => {
          const d = worstDeviation(M.trace(name, k), row);
          worst = Math.max(worst, d);
          expect(d, `${id}.${name}[${k}]`).toBeLessThanOrEqual(tolerance);
        });
    } else {
      const S = ours as SpikeMonitor;
      expect(S.i, `${id}: spike indices`).toEqual(brian.i);
      const dt = S.source.dt ?? f.dt_s;
      expect(
        S.t.map((t) => Math.round(t / dt)),
        `${id}: spike steps`,
      ).toEqual(brian.steps);
      expect(worstDeviation(S.t, brian.t_s), `${id}: spike times`).toBeLessThanOrEqual(1e-15);
    }
  }
  return worst;
}

export function readModel(file: string): ModelFixture {
  return readFixture<ModelFixture>('core', file);
}

/**
 * The parity tests of one core feature: every tests/fixtures/core/<feature>--*.json (found by
 * glob) within `tolerance` of each trace's peak, spikes in the same steps; prints the worst.
 */
export function describeFeatureParity(feature: string, tolerance = 1e-9): void {
  const worst = new Map<string, number>();
  describe(`${feature}: Brian2 parity`, () => {
    afterAll(() => console.log([...worst].map(([c, d]) => `${c}: worst deviation ${d.toExponential(2)} of peak`).join('\n')));
    const files = fixtureFiles('core', `${feature}--`);
    it('has fixtures', () => expect(files.length).toBeGreaterThan(0));
    it.each(files)('%s', (file) => {
      worst.set(file.replace('.json', ''), checkModel(readModel(file), tolerance));
    });
  });
}

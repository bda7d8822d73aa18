/**
 * The tuning curve's hand-tuned kernel (TypeScript, and its WebAssembly build) against the
 * generic core: same model, same random stream, so every neuron's spike count and final v
 * must be equal bit for bit, and the stream must be left at the same place.
 */
import { describe, expect, it } from 'vitest';
import { NOISY_LIF, kernelRun, type TuningCondition } from '../src/figures/tuning-curve.js';
import { loadWasmModule } from '../src/io/wasm.js';
import { Network, NeuronGroup, SpikeGeneratorGroup, SpikeMonitor, Synapses } from '../src/sim/index.js';
import { runNoisyLif, type NoisyLifState } from '../src/sim/kernels/noisy-lif.js';
import { wasmNoisyLif } from '../src/sim/kernels/noisy-lif-wasm.js';
import { Rng } from '../src/sim/random.js';

/** The notebook's firing_rate() on the generic core, keeping the final v as well. */
function core(c: TuningCondition, rng: Rng): NoisyLifState {
  const H = new SpikeGeneratorGroup(2, [0, 1], [c.stimTime, c.stimTime + c.deltaT]);
  const G = new NeuronGroup(c.n, NOISY_LIF, { threshold: 'v>1', reset: 'v=0', method: 'euler', namespace: { tau: c.tau, sigma: c.sigma } });
  const S = new Synapses(H, G, { onPre: 'v += w', namespace: { w: c.w } }).connectAll();
  const M = new SpikeMonitor(G, false);
  new Network([H, G, S, M], { dt: c.dt, rng }).run(c.duration);
  return { counts: M.count, v: G.variable('v') };
}

const base: TuningCondition = { deltaT: 0, w: 0.8, n: 500, tau: 2e-3, sigma: 0.3, stimTime: 0.15, duration: 0.2, dt: 1e-4 };
const cases: [string, Partial<TuningCondition>][] = [
  ['defaults, δt = 0 (two inputs in one step)', {}],
  ['negative δt', { deltaT: -3e-3 }],
  ['positive δt', { deltaT: 7.5e-3 }],
  ['δt off the dt grid', { deltaT: 0.00025, stimTime: 0.01503 }],
  ['w large: inputs alone make spikes', { w: 1.5, deltaT: 1e-3, stimTime: 0.05, duration: 0.08 }],
  ['odd n, coarse dt, strong noise', { n: 333, dt: 2.5e-4, sigma: 0.6, deltaT: -0.5e-3 }],
  ['no noise', { sigma: 0, w: 0.6, deltaT: 0 }],
  ['second input after the end of the run', { deltaT: 60e-3, duration: 0.2 }],
  ['slow membrane, fine dt', { tau: 10e-3, dt: 0.05e-3, n: 101, duration: 0.05, stimTime: 0.02, deltaT: 2e-3 }],
];

function expectEqual(ours: NoisyLifState, ref: NoisyLifState): void {
  expect(ours.counts.length).toBe(ref.counts.length);
  for (let i = 0; i < ref.counts.length; i++) {
    if (ours.counts[i] !== ref.counts[i]) expect.fail(`neuron ${i}: ${ours.counts[i]} spikes, core ${ref.counts[i]}`);
    if (!Object.is(ours.v[i], ref.v[i])) expect.fail(`neuron ${i}: final v ${ours.v[i]}, core ${ref.v[i]}`);
  }
}

const wasmModule = loadWasmModule('noisy-lif');
const kernels = [
  ['TypeScript', runNoisyLif],
  ...(wasmModule ? [['WebAssembly', wasmNoisyLif(wasmModule)] as const] : []),
] as const;

describe('noisy LIF kernel equals the generic core bit for bit', () => {
  it('has the WebAssembly build to check (npm run build compiles it with clang)', () => {
    if (!wasmModule) console.warn('dist/wasm/noisy-lif.wasm is not built: only the TypeScript kernel is checked');
    expect(kernels.length).toBeGreaterThanOrEqual(1);
  });

  describe.each(kernels)('%s kernel', (_name, kernel) => {
    it.each(cases)('%s', (_label, change) => {
      const c = { ...base, ...change };
      const ref = core(c, Rng.stream(7, 3));
      const rng = Rng.stream(7, 3);
      const ours = kernel(kernelRun(c), rng);
      expectEqual(ours, ref);
      // The stream is left where the core leaves it.
      const after = Rng.stream(7, 3);
      core(c, after);
      expect(rng.normal()).toBe(after.normal());
    });

    it('input-driven spikes happen in the large-w case (the case tests what it claims)', () => {
      const c = { ...base, ...cases[4][1], sigma: 0 };
      const { counts } = kernel(kernelRun(c), Rng.stream(1, 0));
      // Without noise the only spikes are those the inputs cause: each input (w = 1.5 > 1)
      // lifts v over threshold, which is crossed in the next step: two spikes per neuron.
      expect(Array.from(counts).every((k) => k === 2)).toBe(true);
    });

    it('spike counts of the default condition are the figure’s (mean over 10,000 neurons)', () => {
      const c = { ...base, n: 10_000 };
      const ref = core(c, Rng.stream(1, 20));
      expectEqual(kernel(kernelRun(c), Rng.stream(1, 20)), ref);
    });
  });

  it('the fast path hands misses over correctly: fillNormal equals normal() on 3,000,000 draws', () => {
    const a = new Rng(99);
    const b = new Rng(99);
    const out = new Float64Array(3_000_000);
    a.fillNormal(out);
    let tail = 0;
    for (let k = 0; k < out.length; k++) {
      const x = b.normal();
      if (out[k] !== x) expect.fail(`draw ${k}: ${out[k]} vs ${x}`);
      if (Math.abs(x) > 3.6541528853610088) tail++;
    }
    expect(tail).toBeGreaterThan(100); // tail draws (beyond r) were exercised
    expect(a.nextUint32()).toBe(b.nextUint32());
  });
});

/**
 * The tuning curve's hand-tuned kernel (TypeScript, and its WebAssembly build) against the
 * generic core: same model, same random streams in the interleaved layout (the core drawing
 * through InterleavedNormals), so every neuron's spike count and final v must be equal bit
 * for bit, and every stream must be left at the same place (same state words).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kernelRun, referenceRun, type TuningCondition } from '../../src/figures/week2/tuning-curve.js';
import { readWasm } from '../../src/io/wasm.js';
import { compileWasm } from '../../src/sim/kernels/wasm-api.js';
import { runNoisyLif, type NoisyLifState } from '../../src/sim/kernels/noisy-lif.js';
import { wasmNoisyLif } from '../../src/sim/kernels/noisy-lif-wasm.js';
import { wasmApi } from '../../src/sim/kernels/wasm-api.js';
import { InterleavedNormals, interleavedStreams, NORMAL_LANES, Rng } from '../../src/sim/random.js';

/** The notebook's firing_rate() on the generic core (interleaved streams), with the final v. */
const core = referenceRun;

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
  ['n = 1 (one lane used)', { n: 1, sigma: 0.8, deltaT: 0 }],
  ['n = 2, negative δt', { n: 2, sigma: 0.8, deltaT: -1e-3 }],
  ['n = 3, δt off the grid', { n: 3, sigma: 0.8, deltaT: 0.00033, stimTime: 0.01503, duration: 0.05 }],
  ['n = 5 (one full group and one lane)', { n: 5, sigma: 0.8 }],
  ['n = 7, input-driven spikes', { n: 7, w: 1.5, deltaT: 0, stimTime: 0.05, duration: 0.08 }],
  ['n = 4·250 + 2, input-driven spikes at δt = 0', { n: 1002, w: 1.2, deltaT: 0, stimTime: 0.03, duration: 0.05 }],
];

/** Every stream's state words (where each was left). */
function states(streams: readonly Rng[]): number[][] {
  return streams.map((r) => {
    const w = new Int32Array(4);
    r.getState(w);
    return Array.from(w);
  });
}

function expectEqual(ours: NoisyLifState, ref: NoisyLifState): void {
  expect(ours.counts.length).toBe(ref.counts.length);
  for (let i = 0; i < ref.counts.length; i++) {
    if (ours.counts[i] !== ref.counts[i]) expect.fail(`neuron ${i}: ${ours.counts[i]} spikes, core ${ref.counts[i]}`);
    if (!Object.is(ours.v[i], ref.v[i])) expect.fail(`neuron ${i}: final v ${ours.v[i]}, core ${ref.v[i]}`);
  }
}

const wasmModule = compileWasm(readWasm, 'noisy-lif');
const kernels = [
  ['TypeScript', runNoisyLif],
  ...(wasmModule
    ? [
        ['WebAssembly', wasmNoisyLif(wasmModule)] as const,
        ['WebAssembly, every wedge test by Math.exp', wasmNoisyLif(wasmModule, { alwaysCallExp: true })] as const,
      ]
    : []),
] as const;

describe('the interleaved layout', () => {
  it('lane ℓ of block k is Rng.stream(seed, 4k + ℓ)', () => {
    const lanes = interleavedStreams(11, 6);
    expect(lanes.length).toBe(NORMAL_LANES);
    lanes.forEach((r, l) => expect(r.nextUint32()).toBe(Rng.stream(11, 4 * 6 + l).nextUint32()));
  });

  it('InterleavedNormals: element k of every array draws from lane k mod L, each lane in order', () => {
    const n = 6;
    const src = new InterleavedNormals(interleavedStreams(2, 1), n);
    const lanes = interleavedStreams(2, 1);
    const out = new Float64Array(n);
    for (let step = 0; step < 5; step++) {
      src.fillNormal(out);
      for (let i = 0; i < n; i++) expect(out[i]).toBe(lanes[i % 4].normal());
    }
  });

  it('a second draw per element per step keeps each element on its lane (no reshuffle by call count)', () => {
    const n = 5;
    const src = new InterleavedNormals(interleavedStreams(3, 0), n);
    const lanes = interleavedStreams(3, 0);
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    for (let step = 0; step < 4; step++) {
      src.fillNormal(a);
      src.fillUniform(b);
      // The call site's array first (every element), then the next call site's.
      for (let i = 0; i < n; i++) expect(a[i]).toBe(lanes[i % 4].normal());
      for (let i = 0; i < n; i++) expect(b[i]).toBe(lanes[i % 4].nextDouble());
    }
  });

  it('with one stream it is that stream', () => {
    const a = new InterleavedNormals([new Rng(4)], 7);
    const b = new Rng(4);
    const out = new Float64Array(7);
    for (let c = 0; c < 8; c++) {
      a.fillNormal(out);
      out.forEach((x) => expect(x).toBe(b.normal()));
    }
  });

  it('refuses no streams, a bad n or a block whose lanes run past 2^53', () => {
    expect(() => new InterleavedNormals([], 3)).toThrow(RangeError);
    expect(() => new InterleavedNormals([new Rng(1)], 0)).toThrow(RangeError);
    expect(() => new InterleavedNormals([new Rng(1)], 2).fillNormal(new Float64Array(3))).toThrow(RangeError);
    expect(() => interleavedStreams(1, 2 ** 51)).toThrow(RangeError);
    expect(() => interleavedStreams(1, 2, 0)).toThrow(RangeError);
  });
});

describe('noisy LIF kernel equals the generic core bit for bit', () => {
  it('has the WebAssembly build to check (npm run build compiles it with clang)', () => {
    if (!wasmModule) console.warn('dist/wasm/noisy-lif.wasm is not built: only the TypeScript kernel is checked');
    expect(kernels.length).toBeGreaterThanOrEqual(1);
  });

  describe.each(kernels)('%s kernel', (_name, kernel) => {
    it.each(cases)('%s', (_label, change) => {
      const c = { ...base, ...change };
      const refStreams = interleavedStreams(7, 3);
      const ref = core(c, refStreams);
      const streams = interleavedStreams(7, 3);
      const ours = kernel(kernelRun(c), streams);
      expectEqual(ours, ref);
      // Every stream is left where the core leaves it, and has moved on.
      expect(states(streams)).toEqual(states(refStreams));
      expect(states(streams)).not.toEqual(states(interleavedStreams(7, 3)));
    });

    it('input-driven spikes happen in the large-w case (the case tests what it claims)', () => {
      const c = { ...base, ...cases[4][1], sigma: 0 };
      const { counts } = kernel(kernelRun(c), interleavedStreams(1, 0));
      // Without noise the only spikes are those the inputs cause: each input (w = 1.5 > 1)
      // lifts v over threshold, which is crossed in the next step: two spikes per neuron.
      expect(Array.from(counts).every((k) => k === 2)).toBe(true);
    });

    it('spike counts of the default condition are the figure’s (mean over 10,000 neurons)', () => {
      const c = { ...base, n: 10_000 };
      const refStreams = interleavedStreams(1, 20);
      const ref = core(c, refStreams);
      const streams = interleavedStreams(1, 20);
      expectEqual(kernel(kernelRun(c), streams), ref);
      expect(states(streams)).toEqual(states(refStreams));
    });
  });

  it.each([1, 3])('the TypeScript kernel runs any number of lanes (%i) like the core', (lanes) => {
    const c = { ...base, n: 203, sigma: 0.7, deltaT: -2e-3, duration: 0.16 };
    const refStreams = interleavedStreams(3, 5, lanes);
    const ref = core(c, refStreams);
    const streams = interleavedStreams(3, 5, lanes);
    expectEqual(runNoisyLif(kernelRun(c), streams), ref);
    expect(states(streams)).toEqual(states(refStreams));
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

describe('building the WebAssembly kernel (scripts/build-wasm.mjs)', () => {
  const build = (env: Record<string, string>) => {
    const out = mkdtempSync(join(tmpdir(), 'snn-figs-wasm-'));
    const r = spawnSync(process.execPath, ['scripts/build-wasm.mjs', '--out-dir', out], { env: { ...process.env, ...env }, encoding: 'utf8' });
    return { ...r, out };
  };
  const hasClang = spawnSync(process.env.CLANG ?? 'clang', ['--version']).status === 0;

  it('without clang: skips, says so, does not fail (the TypeScript kernel is used)', () => {
    const r = build({ CLANG: '/nonexistent/clang' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('TypeScript kernel will be used');
    expect(readdirSync(r.out)).toEqual([]);
  });

  it.skipIf(!hasClang)('with clang + lld (scripts/setup.sh installs them): builds from source a kernel equal to the core', { timeout: 60_000 }, () => {
    const r = build({});
    expect(r.status, r.stderr).toBe(0);
    const kernel = wasmNoisyLif(new (wasmApi().Module)(readFileSync(join(r.out, 'noisy-lif.wasm'))));
    const c = { ...base, n: 37, sigma: 0.9, deltaT: -1e-3 };
    const refStreams = interleavedStreams(9, 2);
    const ref = core(c, refStreams);
    const streams = interleavedStreams(9, 2);
    expectEqual(kernel(kernelRun(c), streams), ref);
    expect(states(streams)).toEqual(states(refStreams));
  });
});

/**
 * The noisy LIF kernel compiled to WebAssembly (src/wasm/noisy-lif.c), behind the same
 * interface as runNoisyLif and bit for bit equal to it (tests/kernel.test.ts). Pure: it is
 * handed a compiled WebAssembly module; reading the .wasm file is the caller's business.
 */
import { Rng, ZIG_FAST } from '../random.js';
import type { NoisyLifRun, NoisyLifState } from './noisy-lif.js';
import { wasmApi, type WasmGlobal, type WasmMemory, type WasmModule } from './wasm-api.js';

interface Exports {
  memory: WasmMemory;
  __heap_base: WasmGlobal;
  tables_threshold(): number;
  tables_scale(): number;
  state_words(): number;
  step(v: number, counts: number, z: number, n: number, k: number, dt: number, tau: number, g: number, sqrtDt: number, w: number): void;
}

const PAGE = 65536;

export type NoisyLifRunner = (run: NoisyLifRun, rng: Rng) => NoisyLifState;

/** Instantiates the module once; the runner it returns may be called for many runs. */
export function wasmNoisyLif(module: WasmModule): NoisyLifRunner {
  let current: Rng | undefined;
  let stateView = new Int32Array(4);
  const words = new Int32Array(4);
  const instance = new (wasmApi().Instance)(module, {
    env: {
      // A fast-path miss: finish the draw with the reference Rng on the state in memory.
      normal_after_miss(a: number, b: number): number {
        const rng = current!;
        words.set(stateView);
        rng.setState(words);
        const z = rng.normalAfterMiss(a >>> 0, b >>> 0);
        rng.getState(words);
        stateView.set(words);
        return z;
      },
    },
  });
  const x = instance.exports as unknown as Exports;
  new Float64Array(x.memory.buffer, x.tables_threshold(), 512).set(ZIG_FAST.threshold);
  new Float64Array(x.memory.buffer, x.tables_scale(), 512).set(ZIG_FAST.scale);
  const heap = Math.ceil((x.__heap_base.value as number) / 16) * 16;

  return (run, rng) => {
    const { n, steps } = run;
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1, got ${n}`);
    if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`steps must be a whole number ≥ 0, got ${steps}`);
    // Layout after the heap base: v (f64 × n), z (f64 × n), counts (i32 × n).
    const vAt = heap;
    const zAt = vAt + 8 * n;
    const countsAt = zAt + 8 * n;
    const end = countsAt + 4 * n;
    if (end > x.memory.buffer.byteLength) x.memory.grow(Math.ceil((end - x.memory.buffer.byteLength) / PAGE));
    const buffer = x.memory.buffer;
    const v = new Float64Array(buffer, vAt, n);
    const counts = new Int32Array(buffer, countsAt, n);
    v.fill(0);
    counts.fill(0);
    const inputs = new Int32Array(steps);
    for (const s of run.inputSteps) if (s >= 0 && s < steps) inputs[s]++;
    const { dt, tau, w } = run;
    const g = run.sigma * Math.sqrt(2 / tau);
    const sqrtDt = Math.sqrt(dt);

    stateView = new Int32Array(buffer, x.state_words(), 4);
    rng.getState(words);
    stateView.set(words);
    current = rng;
    try {
      for (let s = 0; s < steps; s++) x.step(vAt, countsAt, zAt, n, inputs[s], dt, tau, g, sqrtDt, w);
    } finally {
      current = undefined;
    }
    words.set(stateView);
    rng.setState(words);
    // Copies: the memory is reused by the next run.
    return { counts: counts.slice(), v: v.slice() };
  };
}

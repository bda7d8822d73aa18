/**
 * The noisy LIF kernel compiled to WebAssembly (src/wasm/noisy-lif.c), behind the same
 * interface as runNoisyLif and bit for bit equal to it (tests/sim/kernel.test.ts). It runs the
 * interleaved layout with exactly NORMAL_LANES (4) streams, one per i32x4 lane. Pure: it is
 * handed a compiled WebAssembly module; reading the .wasm file is the caller's business.
 */
import { NORMAL_LANES, ZIG_FAST, ZIGGURAT, type Rng } from '../random.js';
import { runNoisyLif, type NoisyLifRun, type NoisyLifState } from './noisy-lif.js';
import { compileWasm, wasmApi, type WasmGlobal, type WasmLoader, type WasmMemory, type WasmModule } from './wasm-api.js';
import { exp, log } from '../libm/index.js';

interface Exports {
  memory: WasmMemory;
  __heap_base: WasmGlobal;
  tables(): number;
  layers(): number;
  tail_start(): number;
  exp_margin_at(): number;
  lane_state(): number;
  step(v: number, counts: number, z: number, n: number, k: number, dt: number, tau: number, g: number, sqrtDt: number, w: number, one: number): void;
}

const PAGE = 65536;

export type NoisyLifRunner = (run: NoisyLifRun, streams: readonly Rng[]) => NoisyLifState;

export interface WasmNoisyLifOptions {
  /**
   * Settle every wedge test of the ziggurat with Math.exp itself, skipping the kernel's
   * bounded shortcut (for tests: the results are the same, only slower).
   */
  alwaysCallExp?: boolean;
}

/** Instantiates the module once; the runner it returns may be called for many runs. */
export function wasmNoisyLif(module: WasmModule, options: WasmNoisyLifOptions = {}): NoisyLifRunner {
  const words = new Int32Array(4);
  // The kernel finishes the ziggurat's rare misses itself (Rng.normalAfterMiss transcribed),
  // calling the core's exp and log (../libm): the very functions the reference calls.
  const instance = new (wasmApi().Instance)(module, { env: { exp, log } });
  const x = instance.exports as unknown as Exports;
  const tables = new Float64Array(x.memory.buffer, x.tables(), 1024);
  for (let j = 0; j < 512; j++) {
    tables[2 * j] = ZIG_FAST.threshold[j];
    tables[2 * j + 1] = ZIG_FAST.scale[j];
  }
  new Float64Array(x.memory.buffer, x.layers(), ZIGGURAT.layers + 1).set(ZIGGURAT.f);
  new Float64Array(x.memory.buffer, x.tail_start(), 1)[0] = ZIGGURAT.r;
  if (options.alwaysCallExp) new Float64Array(x.memory.buffer, x.exp_margin_at(), 1)[0] = Infinity;
  const heap = Math.ceil((x.__heap_base.value as number) / 16) * 16;

  return (run, streams) => {
    const { n, steps } = run;
    if (streams.length !== NORMAL_LANES) throw new RangeError(`the WebAssembly kernel runs ${NORMAL_LANES} random streams, got ${streams.length}`);
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1, got ${n}`);
    if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`steps must be a whole number ≥ 0, got ${steps}`);
    // Layout after the heap base: v (f64 × n), z (f64 × one lane group: the last, partial
    // group's normals), counts (i32 × n).
    const vAt = heap;
    const zAt = vAt + 8 * n;
    const countsAt = zAt + 8 * NORMAL_LANES;
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

    // lanes[4·w + ℓ] = word w of lane ℓ's generator state (in the module's memory).
    const lanes = new Int32Array(buffer, x.lane_state(), 4 * NORMAL_LANES);
    streams.forEach((rng, l) => {
      rng.getState(words);
      for (let q = 0; q < 4; q++) lanes[4 * q + l] = words[q];
    });
    // The threshold 1 is passed in: V8 then keeps it in a register.
    for (let s = 0; s < steps; s++) x.step(vAt, countsAt, zAt, n, inputs[s], dt, tau, g, sqrtDt, w, 1);
    streams.forEach((rng, l) => {
      for (let q = 0; q < 4; q++) words[q] = lanes[4 * q + l];
      rng.setState(words);
    });
    // Copies: the memory is reused by the next run.
    return { counts: counts.slice(), v: v.slice() };
  };
}

/** The WebAssembly kernel when `load` gives a module that fits this wrapper, else the TypeScript one (the same numbers). */
export function noisyLifKernel(load: WasmLoader | undefined): NoisyLifRunner {
  const module = compileWasm(load, 'noisy-lif');
  if (!module) return runNoisyLif;
  try {
    return wasmNoisyLif(module);
  } catch {
    // A build that does not fit this wrapper (e.g. stale from older sources): same numbers from TS.
    return runNoisyLif;
  }
}

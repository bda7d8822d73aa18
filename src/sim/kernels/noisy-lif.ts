/**
 * The tuning curve's population, hand-tuned: n leaky integrate-and-fire neurons with
 *   dv/dt = -v/tau + sigma*xi*sqrt(2/tau),  threshold v > 1,  reset v = 0,
 * integrated with 'euler' (Euler–Maruyama), all driven by the same input spikes through
 * `v += w`. It computes exactly what the generic core computes for that model, step for
 * step and bit for bit on the same random streams in the interleaved layout (the core
 * driven by InterleavedNormals(streams, n); tests/sim/kernel.test.ts checks it):
 *
 *  - random numbers: with L = streams.length, neuron i draws one normal per step from
 *    streams[i mod L], in step order (src/sim/random.ts, InterleavedNormals). The lanes are
 *    independent, so each step runs lane by lane (neurons ℓ, ℓ+L, ℓ+2L, … of lane ℓ), which
 *    keeps one generator state in local variables at a time;
 *  - update (`groups` slot), one normal per neuron; the same
 *    expression and operation order as the core's generated Euler code:
 *      v ← v + dt·((−v)/tau) + (sigma·sqrt(2/tau))·(sqrt(dt)·N(0,1))
 *  - threshold v > 1 on the updated value (`thresholds`), counted;
 *  - every input spike of the step adds w, one after the other (`synapses`): two inputs in
 *    the same step (δt = 0) both apply;
 *  - neurons that crossed threshold are reset to 0 (`resets`), after their input, so the
 *    input a spiking neuron receives in its spike step has no effect.
 *
 * Speed: the current lane's xoshiro128** state lives in four local int32 variables and the
 * ziggurat's fast path (98.5 % of draws) is inlined; a miss stores the state back into the
 * lane's Rng and finishes the draw with Rng.normalAfterMiss, exactly as Rng.normal() would.
 * This is the portable fallback; the WebAssembly build (noisy-lif-wasm.ts) runs the four
 * lanes of the tuning curve in SIMD registers. Pure: no I/O.
 */
import { Rng, ZIG_FAST } from '../random.js';

export interface NoisyLifRun {
  /** Number of neurons. */
  n: number;
  /** Membrane time constant and time step, in seconds. */
  tau: number;
  dt: number;
  /** Noise amplitude (standard deviation of v), dimensionless. */
  sigma: number;
  /** Synaptic weight added by each input spike. */
  w: number;
  /** Steps to simulate, from step 0 (Network.run: timestepOf(duration, dt)). */
  steps: number;
  /** The step of each input spike (SpikeGeneratorGroup.stepOf); repeats allowed. */
  inputSteps: readonly number[];
}

export interface NoisyLifState {
  /** Spikes of each neuron. */
  counts: Int32Array;
  /** Membrane potential of each neuron at the end of the run. */
  v: Float64Array;
}

/**
 * Runs the population from v = 0 for `run.steps` steps, neuron i drawing from
 * streams[i mod streams.length] (each stream is left where the core, driven by
 * InterleavedNormals(streams, n), would leave it). `state` may be passed in to reuse its arrays.
 */
export function runNoisyLif(run: NoisyLifRun, streams: readonly Rng[], state?: NoisyLifState): NoisyLifState {
  const { n, steps } = run;
  const lanes = streams.length;
  if (lanes < 1) throw new RangeError('runNoisyLif needs at least one random stream');
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1, got ${n}`);
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`steps must be a whole number ≥ 0, got ${steps}`);
  const counts = state && state.counts.length === n ? state.counts : new Int32Array(n);
  const v = state && state.v.length === n ? state.v : new Float64Array(n);
  counts.fill(0);
  v.fill(0);

  // Inputs per step (only steps inside the run are ever emitted).
  const inputs = new Int32Array(steps);
  for (const s of run.inputSteps) if (s >= 0 && s < steps) inputs[s]++;

  const dt = run.dt;
  const tau = run.tau;
  const w = run.w;
  const sqrtDt = Math.sqrt(dt);
  const g = run.sigma * Math.sqrt(2 / tau);
  const T = ZIG_FAST.threshold;
  const W = ZIG_FAST.scale;
  const words = new Int32Array(4);

  for (let step = 0; step < steps; step++) {
    const k = inputs[step];
    for (let lane = 0; lane < lanes; lane++) {
      const rng = streams[lane]!;
      rng.getState(words);
      let s0 = words[0];
      let s1 = words[1];
      let s2 = words[2];
      let s3 = words[3];
      for (let i = lane; i < n; i += lanes) {
        // Two 32-bit words from xoshiro128** (Rng.nextUint32, inlined).
        let m = Math.imul(s1, 5);
        const a = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
        s2 ^= s0;
        s3 ^= s1;
        let t = s1 << 9;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        m = Math.imul(s1, 5);
        const b = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
        s2 ^= s0;
        s3 ^= s1;
        t = s1 << 9;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        // Ziggurat (Rng.normal): fast path inline, the rest in the Rng.
        const j = a & 0x1ff;
        const u = (a >>> 11) * 4294967296 + b;
        let z: number;
        if (u < T[j]) {
          z = u * W[j];
        } else {
          words[0] = s0;
          words[1] = s1;
          words[2] = s2;
          words[3] = s3;
          rng.setState(words);
          z = rng.normalAfterMiss(a, b);
          rng.getState(words);
          s0 = words[0];
          s1 = words[1];
          s2 = words[2];
          s3 = words[3];
        }
        const old = v[i];
        let x = old + dt * (-old / tau) + g * (sqrtDt * z);
        if (x > 1) {
          counts[i]++;
          x = 0;
        } else {
          for (let q = 0; q < k; q++) x += w;
        }
        v[i] = x;
      }
      words[0] = s0;
      words[1] = s1;
      words[2] = s2;
      words[3] = s3;
      rng.setState(words);
    }
  }
  return { counts, v };
}

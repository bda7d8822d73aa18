/**
 * Worker thread for the tuning curve: computes one δt condition per message (see
 * src/workers/pool.ts). Uses the WebAssembly kernel when it has been built, else the
 * TypeScript one (equal bit for bit); SNN_FIGS_KERNEL=ts forces the TypeScript kernel.
 */
import { conditionStats, type ConditionTask, type NoisyLifKernel } from '../figures/tuning-curve.js';
import { loadWasmModule } from '../io/wasm.js';
import { runNoisyLif } from '../sim/kernels/noisy-lif.js';
import { wasmNoisyLif } from '../sim/kernels/noisy-lif-wasm.js';
import { serveTasks } from './pool.js';
import { addressSpaceLeft, WASM_VIRTUAL } from '../io/memory-limits.js';

function pickKernel(): NoisyLifKernel {
  if (process.env.SNN_FIGS_KERNEL === 'ts') return runNoisyLif;
  // A WebAssembly memory reserves about 10 GB of address space; under a smaller `ulimit -v`
  // V8 would end the process ("Fatal process OOM"). The TypeScript kernel gives the same numbers.
  if (addressSpaceLeft() < WASM_VIRTUAL) return runNoisyLif;
  const module = loadWasmModule('noisy-lif');
  if (!module) return runNoisyLif;
  try {
    return wasmNoisyLif(module);
  } catch {
    // A build that does not fit this wrapper (e.g. stale from older sources): same numbers from TS.
    return runNoisyLif;
  }
}

const kernel = pickKernel();

serveTasks((task: ConditionTask) => conditionStats(task, kernel));

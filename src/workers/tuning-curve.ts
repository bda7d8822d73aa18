/**
 * Worker thread for the tuning curve: computes one δt condition per message (see
 * src/sim/parallel.ts). Uses the WebAssembly kernel when it has been built, else the
 * TypeScript one (equal bit for bit); SNN_FIGS_KERNEL=ts forces the TypeScript kernel.
 */
import { conditionStats, type ConditionTask } from '../figures/tuning-curve.js';
import { loadWasmModule } from '../io/wasm.js';
import { runNoisyLif } from '../sim/kernels/noisy-lif.js';
import { wasmNoisyLif } from '../sim/kernels/noisy-lif-wasm.js';
import { serveTasks } from '../sim/parallel.js';

const module = process.env.SNN_FIGS_KERNEL === 'ts' ? undefined : loadWasmModule('noisy-lif');
const kernel = module ? wasmNoisyLif(module) : runNoisyLif;

serveTasks((task: ConditionTask) => conditionStats(task, kernel));

/**
 * Worker thread for the tuning curve: computes one δt condition per message (see
 * src/workers/pool.ts). Uses the WebAssembly kernel when it has been built, else the
 * TypeScript one (equal bit for bit); SNN_FIGS_KERNEL=ts forces the TypeScript kernel.
 */
import { conditionStats, type ConditionTask } from '../figures/week2/tuning-curve.js';
import { readWasm } from '../io/wasm.js';
import { noisyLifKernel } from '../sim/kernels/noisy-lif-wasm.js';
import { serveTasks } from './pool.js';

const kernel = noisyLifKernel(process.env.SNN_FIGS_KERNEL === 'ts' ? undefined : readWasm);

serveTasks((task: ConditionTask) => conditionStats(task, kernel));

/**
 * Worker thread for the tuning curve: computes one δt condition per message (see
 * src/workers/pool.ts). Uses the WebAssembly kernel when it has been built, else the
 * TypeScript one (equal bit for bit); SNN_FIGS_KERNEL=ts forces the TypeScript kernel.
 */
import { conditionStats, type ConditionTask } from '../figures/week2/tuning-condition.js';
import { readWasm } from '../io/wasm.js';
import { noisyLifKernel } from '../sim/kernels/noisy-lif-wasm.js';
import { serveTasks } from './pool.js';
import { addressSpaceLeft, WASM_VIRTUAL } from '../io/memory-limits.js';

// A WebAssembly memory reserves about 10 GB of address space; under a smaller `ulimit -v` V8
// would end the process ("Fatal process OOM"). The TypeScript kernel gives the same numbers.
const wasm = process.env.SNN_FIGS_KERNEL === 'ts' || addressSpaceLeft() < WASM_VIRTUAL ? undefined : readWasm;
const kernel = noisyLifKernel(wasm);

serveTasks((task: ConditionTask) => conditionStats(task, kernel));

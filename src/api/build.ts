/**
 * buildFigure in Node: the library's buildFigure (./simulate.ts) with the tuning curve's
 * conditions on worker threads, the WebAssembly kernel read from dist/wasm/, and the
 * machine's memory known to the cost check.
 */
import { availableParallelism } from 'node:os';
import { addressSpaceLeft, heapLimit, machineMemory, WASM_VIRTUAL, workersThatFit } from '../io/memory-limits.js';
import { BuildWorker, buildStoppable } from '../workers/build.js';
import { checkPlainObject } from './plain-input.js';
import { readWasm } from '../io/wasm.js';
import { threadPool } from '../workers/pool.js';
import { InputError } from './errors.js';
import type { FigureName } from '../figures/registry.js';
import type { ParamsOf } from './inputs.js';
import { buildFigure as simulate, type BuildOptions as CoreBuildOptions, type BuiltFigure } from './simulate.js';

export type { FigureParams, ParamInput, ParamsOf } from './inputs.js';
export type { BuiltFigure, BuiltPanel } from './simulate.js';

export interface BuildOptions extends CoreBuildOptions {
  /** Worker threads for the tuning curve (default: the number of cores; 1 runs it in this thread); the result does not depend on it. */
  threads?: number;
}

/**
 * Worker threads, capped at the number of cores as the CLI caps --threads: more only add memory
 * and switching (256 threads on 2 cores ran 40x slower in 2.6 GB). The cap is told through onWarning.
 */
function checkThreads(threads: number | undefined, onWarning?: (message: string) => void): number {
  const cores = availableParallelism();
  if (threads === undefined) return cores;
  if (!Number.isSafeInteger(threads) || threads < 1) throw new InputError(`threads must be a whole number ≥ 1, got ${String(threads)}`);
  if (threads <= cores) return threads;
  onWarning?.(`threads ${threads} is more than the ${cores} cores here; using ${cores}`);
  return cores;
}

/**
 * Simulates a figure and returns its data (what JSON output holds). The name and parameters
 * are typed (a misspelt one does not compile); from JavaScript, bad ones reject with InputError.
 */
export async function buildFigure<N extends FigureName>(name: N, params?: ParamsOf<N>, options: BuildOptions = {}): Promise<BuiltFigure<N>> {
  checkPlainObject('options', options, '{ threads: 2, signal }', false);
  const threads = checkThreads(options.threads, options.onWarning);
  // One thread needs no worker: the conditions run here, with the same kernel. As many threads as
  // `ulimit -v` leaves room for; none when not even one fits (and no WebAssembly memory then).
  const fit = workersThatFit(threads);
  const pool = fit > 1 ? threadPool(fit) : undefined;
  const wasm = addressSpaceLeft() < WASM_VIRTUAL ? undefined : readWasm;
  const limits = { memoryBytes: machineMemory(), heapBytes: heapLimit(), addressSpaceBytes: addressSpaceLeft() };
  // With a signal, a long run goes to a worker thread that aborting terminates at once.
  const worker = new BuildWorker();
  try {
    return await simulate(name, params, {
      ...options,
      threads,
      pool,
      wasm,
      limits,
      runner: (fig, p, ctx, seconds) => buildStoppable(fig, p, ctx, { seconds, worker, threads: fig.parallel && fit > 1 ? fit : undefined }),
    });
  } finally {
    await worker.close();
  }
}

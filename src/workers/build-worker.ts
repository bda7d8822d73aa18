/**
 * Worker thread that builds figures for a BuildWorker (./build.ts): the main thread stays free
 * to hear SIGINT/SIGTERM or an AbortSignal and terminates this thread at once, even inside a
 * long synchronous loop of the simulation core or of a figure's own arithmetic. Its cache keeps
 * each simulation, so slide variants that only re-plot share one run.
 */
import { parentPort } from 'node:worker_threads';
import { simulateAndDraw, type SimulationCache } from '../figures/run.js';
import type { Params } from '../figures/spec.js';
import { addressSpaceLeft, WASM_VIRTUAL } from '../io/memory-limits.js';
import { readWasm } from '../io/wasm.js';
import { threadPool } from './pool.js';

export interface BuildRequest {
  id: number;
  figure: string;
  params: Params;
  /** Threads of a parallel figure's pool (started from this worker); none: its tasks run here. */
  threads?: number;
  progress: boolean;
}

export type BuildReply =
  { id: number; progress: [done: number, total: number] } | { id: number; data: unknown } | { id: number; error: { name: string; message: string } };

/** Progress messages at most this often: a per-step callback must not flood the port. */
const PROGRESS_MS = 50;

const port = parentPort;
if (!port) throw new Error('build-worker runs in a worker thread');
const cache: SimulationCache = new Map();

// One build at a time, in the order asked: a build that awaits its own threads (the tuning
// curve) must not let the next one start, which could simulate what it is about to cache.
let queue = Promise.resolve();
port.on('message', (request: BuildRequest) => {
  queue = queue.then(() => serve(request));
});

async function serve({ id, figure, params, threads, progress }: BuildRequest): Promise<void> {
  let last = 0;
  const onProgress = (done: number, total: number) => {
    const now = performance.now();
    if (done < total && now - last < PROGRESS_MS) return;
    last = now;
    port!.postMessage({ id, progress: [done, total] } satisfies BuildReply);
  };
  try {
    const ctx = {
      pool: threads ? threadPool(threads) : undefined,
      // The kernel's WebAssembly memory reserves 10 GB of address space: not under a smaller `ulimit -v`.
      wasm: addressSpaceLeft() < WASM_VIRTUAL ? undefined : readWasm,
      progress: progress ? onProgress : undefined,
    };
    const data = await simulateAndDraw(figure, params, ctx, cache);
    port!.postMessage({ id, data } satisfies BuildReply);
  } catch (e) {
    const error = e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };
    port!.postMessage({ id, error } satisfies BuildReply);
  }
}

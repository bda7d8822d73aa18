/**
 * Worker thread that builds figures for a BuildWorker (./build.ts): the main thread stays free
 * to hear SIGINT/SIGTERM or an AbortSignal and terminates this thread at once, even inside a
 * long synchronous loop of the simulation core or of a figure's own arithmetic. Its cache keeps
 * each simulation, so slide variants that only re-plot share one run. Asked for images, it also
 * draws the figure into their bytes (`snn-figs all` draws on every core this way).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { simulateAndDraw, type SimulationCache } from '../figures/run.js';
import type { Params } from '../figures/spec.js';
import { addressSpaceLeft, WASM_VIRTUAL } from '../io/memory-limits.js';
import { readWasm } from '../io/wasm.js';
import { threadPool } from './pool.js';
import { drawn, startDrawing } from './draw-phase.js';
import type { FigureData } from '../data/types.js';
import { checkFigure } from '../render/check.js';
import type { RenderOptions } from '../render/index.js';
import type { ImageFormat } from '../render/surface.js';

/** An image to draw of the figure: its format and how it is drawn (size and style resolved by the caller). */
export interface OutputRequest {
  format: ImageFormat;
  options: RenderOptions;
}

/** A file's bytes, or why they could not be made. */
export type OutputReply = { bytes: Uint8Array } | { error: ErrorReply };

interface ErrorReply {
  name: string;
  message: string;
}

export interface BuildRequest {
  id: number;
  figure: string;
  params: Params;
  /** Threads of a parallel figure's pool (started from this worker); none: its tasks run here. */
  threads?: number;
  progress: boolean;
  /** Files to draw of the figure once built. */
  outputs?: OutputRequest[];
}

export type BuildReply =
  { id: number; progress: [done: number, total: number] } | { id: number; data: unknown; outputs?: OutputReply[] } | { id: number; error: ErrorReply };

/** Progress messages at most this often: a per-step callback must not flood the port. */
const PROGRESS_MS = 50;

const port = parentPort;
if (!port) throw new Error('build-worker runs in a worker thread');
const cache: SimulationCache = new Map();
const phase = (workerData as { phase: Int32Array }).phase;

// One build at a time, in the order asked: a build that awaits its own threads (the tuning
// curve) must not let the next one start, which could simulate what it is about to cache.
let queue = Promise.resolve();
port.on('message', (request: BuildRequest) => {
  queue = queue.then(() => serve(request));
});

async function serve({ id, figure, params, threads, progress, outputs }: BuildRequest): Promise<void> {
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
    if (!outputs?.length) return port!.postMessage({ id, data } satisfies BuildReply);
    // Not while being stopped: the thread is about to end (and must not end inside canvas).
    if (!startDrawing(phase)) return;
    let files: OutputReply[];
    try {
      files = [];
      for (const o of outputs) files.push(await output(data, o));
    } finally {
      drawn(phase);
    }
    // Whole buffers move to the other thread; a slice of Node's shared pool is copied.
    const transfer = files.flatMap((f) =>
      'bytes' in f && f.bytes.byteOffset === 0 && f.bytes.byteLength === f.bytes.buffer.byteLength ? [f.bytes.buffer as ArrayBuffer] : [],
    );
    port!.postMessage({ id, data, outputs: files } satisfies BuildReply, transfer);
  } catch (e) {
    port!.postMessage({ id, error: errorReply(e) } satisfies BuildReply);
  }
}

/** The image's bytes; node-canvas is loaded here on the first (the caller has checked that it loads). */
async function output(data: FigureData, { format, options }: OutputRequest): Promise<OutputReply> {
  try {
    checkFigure(data);
    const renderer = await import('../render/node-canvas.js');
    return { bytes: renderer.renderFigure(data, format, options) };
  } catch (e) {
    return { error: errorReply(e) };
  }
}

function errorReply(e: unknown): ErrorReply {
  return e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };
}

/**
 * Building a figure so that it can be stopped: a run estimated to take longer than
 * IN_PROCESS_SECONDS goes to a worker thread (./build-worker.ts) that an AbortSignal (the
 * CLI's SIGINT/SIGTERM, the library's signal) terminates at once; a short one runs here, where
 * a signal waits at most that long. The simulation core stays free of any hook or I/O: the
 * thread boundary is the whole mechanism, and it also stops a figure's non-simulation work
 * (smoothing, filtering) and turns a heap exhausted in the worker into an error, not a V8 abort.
 */
import { getHeapStatistics } from 'node:v8';
import type { Worker } from 'node:worker_threads';
import { simulateAndDraw, type SimulationCache } from '../figures/run.js';
import type { BuildContext, FigureModule, Params } from '../figures/spec.js';
import type { FigureData } from '../data/types.js';
import type { BuildReply, BuildRequest, OutputReply, OutputRequest } from './build-worker.js';
import { startWorker, workerScript } from './pool.js';
import { newPhase, untilStoppable } from './draw-phase.js';
import { workersThatFit } from '../io/memory-limits.js';

/** Runs estimated shorter than this stay in this thread (a worker costs about 0.2 s to start). */
export const IN_PROCESS_SECONDS = 0.25;

/** A figure built and drawn in a worker: its data and each asked file's bytes (or why not). */
export interface Built {
  data: FigureData;
  outputs: OutputReply[];
}

interface Pending {
  resolve(built: Built): void;
  reject(e: unknown): void;
  progress?: (done: number, total: number) => void;
}

/** One worker thread for a run's builds (started on the first, with its own simulation cache). */
export class BuildWorker {
  private worker?: Worker;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  /** The running thread's drawing phase (draw-phase.ts). */
  private phase = newPhase();

  /** Builds in the worker; `threads` for a parallel figure's pool there (its ctx.pool cannot cross threads). */
  async build(figure: string, params: Params, ctx: BuildContext = {}, threads?: number): Promise<FigureData> {
    return (await this.request(figure, params, ctx, threads)).data;
  }

  /** Builds in the worker and draws the figure into each of `outputs` there too. */
  buildAndDraw(figure: string, params: Params, outputs: OutputRequest[], ctx: BuildContext = {}, threads?: number): Promise<Built> {
    return this.request(figure, params, ctx, threads, outputs);
  }

  private request(figure: string, params: Params, ctx: BuildContext, threads?: number, outputs?: OutputRequest[]): Promise<Built> {
    const { signal } = ctx;
    return new Promise<Built>((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      const worker = this.start();
      const id = this.nextId++;
      const onAbort = () => {
        this.stop(abortReason(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (data) => (done(), resolve(data)),
        reject: (e) => (done(), reject(e)),
        progress: ctx.progress,
      });
      worker.postMessage({ id, figure, params, threads, progress: ctx.progress !== undefined, outputs } satisfies BuildRequest);
    });
  }

  /**
   * Ends the thread: at once, whatever it is doing, unless it is drawing (see draw-phase.ts),
   * then as soon as that figure is drawn. Later builds start a new one.
   */
  async close(): Promise<void> {
    const worker = this.worker;
    const phase = this.phase;
    this.worker = undefined;
    if (!worker) return;
    let gone = false;
    worker.once('exit', () => (gone = true));
    await untilStoppable(phase, () => gone);
    await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // The same heap limit as this thread's (a worker's default is computed apart).
    const heapMb = Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20);
    this.phase = newPhase();
    const worker = startWorker(workerScript(import.meta.url, './build-worker'), {
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
      workerData: { phase: this.phase },
    });
    worker.on('message', (reply: BuildReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      if ('progress' in reply) return pending.progress?.(...reply.progress);
      this.pending.delete(reply.id);
      if ('data' in reply) pending.resolve({ data: reply.data as FigureData, outputs: reply.outputs ?? [] });
      else pending.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    });
    worker.on('error', (e: Error & { code?: string }) => {
      const heap = (getHeapStatistics().heap_size_limit / 1e9).toPrecision(2);
      this.stop(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new Error(`the simulation ran out of memory (the JavaScript heap holds at most ${heap} GB)`) : e);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.stop(new Error(`the simulation's thread stopped unexpectedly (exit code ${code})`));
    });
    this.worker = worker;
    return worker;
  }

  /** Terminates the thread and rejects every build waiting for it. */
  stop(reason: unknown): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    void this.close();
    for (const p of pending) p.reject(reason);
  }
}

/**
 * buildFigure, stoppable through ctx.signal within about IN_PROCESS_SECONDS: in `worker` when
 * the run is estimated to take longer (its cache then serves variants), else here with `cache`.
 */
export async function buildStoppable(
  fig: FigureModule,
  params: Params,
  ctx: BuildContext,
  estimate: { seconds: number; worker: BuildWorker; cache?: SimulationCache; threads?: number },
): Promise<FigureData> {
  // Under a tight `ulimit -v` a thread that cannot reserve its space would kill the process: the
  // build's thread and its pool's threads must all fit, else it runs here (a pool still stops at once).
  const threads = 1 + (estimate.threads ?? 0);
  if (estimate.seconds < IN_PROCESS_SECONDS || !ctx.signal || workersThatFit(threads) < threads) return simulateAndDraw(fig, params, ctx, estimate.cache);
  return estimate.worker.build(fig.name, params, ctx, estimate.threads);
}

/**
 * How many build threads (at most `wanted`) fit under `ulimit -v` beside the `poolThreads` a
 * parallel figure starts inside one of them; 0 when not even one does (then builds run here).
 */
export function buildThreadsThatFit(wanted: number, poolThreads = 0): number {
  for (let n = wanted; n > 0; n--) if (workersThatFit(n + poolThreads) >= n + poolThreads) return n;
  return 0;
}

/** Whether builds can be queued on a worker thread: not under a `ulimit -v` too tight for one. */
export function canQueueBuilds(poolThreads = 0): boolean {
  return buildThreadsThatFit(1, poolThreads) > 0;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}

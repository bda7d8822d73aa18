/**
 * Figures built and drawn on several worker threads at once (`snn-figs all`): each worker takes
 * the next figure from one queue, the costliest first, and builds and draws it with its files.
 * A figure goes whole to one worker, its variants with it, so a simulation they share runs once
 * (the worker's cache). Results are kept by task; the caller writes them in its own order.
 *
 * node-canvas is loaded by every thread that draws: the caller loads it in the main thread too,
 * since a process whose last thread to hold it exits without it has been seen to crash.
 */
import type { Params } from '../figures/spec.js';
import type { OutputRequest } from './build-worker.js';
import { BuildWorker, type Built } from './build.js';

export interface DrawTask {
  /** Names the result. */
  key: string;
  /** Tasks of one group (a figure and its variants) run on one worker, in the order given. */
  group: string;
  figure: string;
  params: Params;
  outputs: OutputRequest[];
  /** Threads of a parallel figure's own pool inside the worker. */
  threads?: number;
  progress?: (done: number, total: number) => void;
  /** Rough seconds: groups start costliest first, so that the longest does not start last. */
  seconds: number;
}

interface Deferred {
  promise: Promise<Built>;
  resolve(built: Built): void;
  reject(e: unknown): void;
  settled: boolean;
}

function deferred(): Deferred {
  const d = { settled: false } as Deferred;
  d.promise = new Promise<Built>((resolve, reject) => {
    d.resolve = (built) => ((d.settled = true), resolve(built));
    d.reject = (e) => ((d.settled = true), reject(e));
  });
  d.promise.catch(() => {}); // awaited by the caller in its order; one after a failure never is
  return d;
}

export class BuildPool {
  private readonly workers: BuildWorker[];
  private readonly results = new Map<string, Deferred>();
  private stopped = false;

  constructor(workers: number) {
    this.workers = Array.from({ length: Math.max(1, workers) }, () => new BuildWorker());
  }

  /** Starts every task; `result(key)` then gives each one's data and files. */
  start(tasks: DrawTask[]): void {
    const groups = new Map<string, DrawTask[]>();
    for (const task of tasks) {
      this.results.set(task.key, deferred());
      groups.set(task.group, [...(groups.get(task.group) ?? []), task]);
    }
    const cost = (group: DrawTask[]) => group.reduce((s, t) => s + t.seconds, 0);
    const queue = [...groups.values()].sort((a, b) => cost(b) - cost(a));
    const serve = async (worker: BuildWorker) => {
      for (let group = queue.shift(); group && !this.stopped; group = queue.shift()) {
        for (const task of group) {
          if (this.stopped) return;
          const result = this.results.get(task.key)!;
          try {
            result.resolve(await worker.buildAndDraw(task.figure, task.params, task.outputs, { progress: task.progress }, task.threads));
          } catch (e) {
            result.reject(e);
          }
        }
      }
    };
    for (const worker of this.workers) void serve(worker);
  }

  result(key: string): Promise<Built> {
    const result = this.results.get(key);
    if (!result) throw new Error(`no task '${key}'`);
    return result.promise;
  }

  /** Whether the task has its result (or its error) already. */
  settled(key: string): boolean {
    return this.results.get(key)?.settled ?? false;
  }

  /** Ends every thread at once; every task not done yet fails with `reason`. */
  stop(reason: unknown): void {
    this.stopped = true;
    for (const worker of this.workers) worker.stop(reason);
    for (const result of this.results.values()) if (!result.settled) result.reject(reason);
  }

  async close(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.workers.map((w) => w.close()));
  }
}

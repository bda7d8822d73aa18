/**
 * Where a parallel figure's independent tasks run. The figure names its job ('tuning-curve')
 * and hands over plain-data tasks; a pool runs them elsewhere and returns the results in task
 * order. Node implements it with worker_threads (src/workers/pool.ts), a page can with Web
 * Workers; without a pool the figure runs its tasks in this thread, with the same numbers.
 */
export interface PoolRunOptions {
  signal?: AbortSignal;
  /** Called after each finished task with the number done so far. */
  onDone?: (done: number, total: number) => void;
}

export interface Pool {
  run<T, R>(job: string, tasks: readonly T[], options?: PoolRunOptions): Promise<R[]>;
}

/** Lets the event loop run (progress output, an abort) between long synchronous steps. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** One worker as the scheduler sees it: Node's worker_threads and a page's Web Workers alike. */
export interface TaskWorker {
  /** Sends task number `index`; the worker answers through the `reply` it was started with. */
  post(index: number, task: unknown): void;
  /** Stops it at once, even in the middle of a task. */
  terminate(): void;
}

export type TaskReply<R> = { index: number; result: R } | { index: number; error: string };

export interface TaskHandlers<R> {
  reply(message: TaskReply<R>): void;
  /** The worker failed or stopped unexpectedly (ignored once the run is settled). */
  fail(error: unknown): void;
}

/**
 * Runs every task on up to `threads` workers from `start`, the next task to whichever worker
 * answers first, and resolves with the results in task order (so that the numbers do not
 * depend on the thread count). The first error or an abort rejects at once and terminates every
 * worker; so does the end of the run.
 */
export function runOnWorkers<T, R>(tasks: readonly T[], threads: number, options: PoolRunOptions, start: (handlers: TaskHandlers<R>) => TaskWorker): Promise<R[]> {
  const { signal, onDone } = options;
  const total = tasks.length;
  return new Promise<R[]>((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    if (total === 0) return resolve([]);
    const results = new Array<R>(total);
    const workers: TaskWorker[] = [];
    let next = 0;
    let done = 0;
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      for (const w of workers) w.terminate();
      if (error === undefined) resolve(results);
      else reject(error);
    };
    const onAbort = () => finish(abortReason(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
    const dispatch = (w: TaskWorker) => {
      if (next < total) {
        const index = next++;
        w.post(index, tasks[index]);
      }
    };
    for (let k = 0; k < Math.max(1, Math.min(threads, total)); k++) {
      const worker: TaskWorker = start({
        reply(message) {
          if (settled) return;
          if ('error' in message) return finish(new Error(message.error));
          results[message.index] = message.result;
          done++; // not inside onDone?.(…): an absent callback would skip its arguments
          onDone?.(done, total);
          if (done === total) finish();
          else dispatch(worker);
        },
        fail: (error) => finish(error),
      });
      workers.push(worker);
      dispatch(worker);
    }
  });
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}

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

/**
 * Temporary (until the house's build takes an injected pool): src/workers/pool.ts for the
 * browser bundle, on the page's Web Workers (see ../tasks.ts).
 */
import { mapInWebWorkers } from '../tasks.js';

export function workerScript(): URL {
  return new URL('about:blank');
}

export function mapInWorkers<T, R>(_script: URL, tasks: readonly T[], options: { threads: number; signal?: AbortSignal; onDone?: (done: number, total: number) => void }): Promise<R[]> {
  return mapInWebWorkers<T, R>(tasks, options);
}

export function serveTasks(): void {}

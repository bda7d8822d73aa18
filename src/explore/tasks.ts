/**
 * Independent tasks (the tuning curve's δt conditions) on Web Workers, results in task order
 * whatever worker computed them: the page's counterpart of src/workers/pool.ts. Every worker
 * runs this same bundle, made from its own source text (globalThis.snnFigsBundle), so the page
 * needs no second file and no network. Aborting terminates the workers at once.
 */
import { wasmBytes } from './assets.js';
import type { Pool } from './core-imports.js';
import type { TaskReply } from './protocol.js';

declare global {
  var snnFigsBundle: (() => void) | undefined;
}

let url: string | undefined;

/** A blob: URL of this bundle, for `new Worker` (file:// pages may not start workers from files). */
export function bundleUrl(): string {
  if (url) return url;
  const source = globalThis.snnFigsBundle;
  if (!source) throw new Error('the page script was not loaded as snnFigsBundle');
  url = URL.createObjectURL(new Blob([`var snnFigsBundle = ${String(source)};\nsnnFigsBundle();\n`], { type: 'text/javascript' }));
  return url;
}

function mapInWebWorkers<T, R>(
  job: string,
  tasks: readonly T[],
  options: { threads: number; signal?: AbortSignal; onDone?: (done: number, total: number) => void },
): Promise<R[]> {
  const { signal, onDone } = options;
  const total = tasks.length;
  return new Promise<R[]>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    if (total === 0) return resolve([]);
    const results = new Array<R>(total);
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      for (const w of workers) w.terminate();
      if (error === undefined) resolve(results);
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    const onAbort = () => finish(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const dispatch = (w: Worker) => {
      if (next >= total) return;
      const index = next++;
      w.postMessage({ type: 'task', job, index, task: tasks[index] });
    };
    for (let k = 0; k < Math.max(1, Math.min(options.threads, total)); k++) {
      const w = new Worker(bundleUrl());
      workers.push(w);
      w.onmessage = (e: MessageEvent<TaskReply>) => {
        if (settled) return;
        const reply = e.data;
        if ('error' in reply) return finish(new Error(reply.error));
        results[reply.index] = reply.result as R;
        onDone?.(++done, total);
        if (done === total) finish();
        else dispatch(w);
      };
      w.onerror = (e) => finish(new Error(e.message || 'a worker failed'));
      dispatch(w);
    }
  });
}

/** The core's Pool on `threads` Web Workers (navigator.hardwareConcurrency). */
export function webWorkerPool(threads: number): Pool {
  return { run: (job, tasks, options = {}) => mapInWebWorkers(job, tasks, { threads, ...options }) };
}

/** The inlined WebAssembly modules, for the core's loader; none when the build had no clang (the TypeScript then). */
export function wasmLoader(name: string): Uint8Array | undefined {
  return wasmBytes(name);
}

/**
 * Independent tasks (the tuning curve's δt conditions) on Web Workers, scheduled by the core's
 * runOnWorkers as src/workers/pool.ts schedules worker_threads. Every worker
 * runs this same bundle, made from its own source text (globalThis.snnFigsBundle), so the page
 * needs no second file and no network. Aborting terminates the workers at once.
 */
import { wasmBytes } from './assets.js';
import { runOnWorkers, type Pool, type PoolRunOptions, type TaskReply } from './core-imports.js';

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

/** The core's Pool on `threads` Web Workers (navigator.hardwareConcurrency). */
export function webWorkerPool(threads: number): Pool {
  return {
    run: <T, R>(job: string, tasks: readonly T[], options: PoolRunOptions = {}) =>
      runOnWorkers<T, R>(tasks, threads, options, ({ reply, fail }) => {
        const w = new Worker(bundleUrl());
        w.onmessage = (e: MessageEvent<TaskReply<R>>) => reply(e.data);
        w.onerror = (e) => fail(new Error(e.message || 'a worker failed'));
        return { post: (index, task) => w.postMessage({ type: 'task', job, index, task }), terminate: () => w.terminate() };
      }),
  };
}

/** The inlined WebAssembly modules, for the core's loader; none when the build had no clang (the TypeScript then). */
export function wasmLoader(name: string): Uint8Array | undefined {
  return wasmBytes(name);
}

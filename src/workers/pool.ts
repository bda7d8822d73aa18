/**
 * A small pool of worker_threads for independent tasks (the tuning curve's conditions).
 * Results come back in task order whatever thread computed them, so a figure whose tasks
 * depend only on their own inputs (and random stream) is identical for any thread count.
 * Aborting terminates the workers at once, even in the middle of a task.
 */
import { fileURLToPath } from 'node:url';
import { parentPort, Worker, type WorkerOptions } from 'node:worker_threads';
import { runOnWorkers, type Pool } from '../figures/pool.js';

export interface PoolOptions {
  /** Workers to start (at most one per task). */
  threads: number;
  signal?: AbortSignal;
  /** Called after each finished task with the number done so far. */
  onDone?: (done: number, total: number) => void;
}

/**
 * The worker module `relative` (without extension) next to `base` (an import.meta.url),
 * with base's extension: `.js` when running the build from dist/, `.ts` when the sources
 * run directly (vitest), in which case workers load it through tsx (see mapInWorkers).
 */
export function workerScript(base: string, relative: string): URL {
  const ext = base.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`${relative}${ext}`, base);
}

/** Runs fn(task) for every task in `threads` workers of `script` (which calls serveTasks). */
export function mapInWorkers<T, R>(script: URL, tasks: readonly T[], options: PoolOptions): Promise<R[]> {
  return runOnWorkers<T, R>(tasks, options.threads, options, ({ reply, fail }) => {
    const w = startWorker(script);
    w.on('message', reply);
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`a worker thread stopped unexpectedly (exit code ${code})`)));
    return {
      post: (index, task) => w.postMessage({ index, task }),
      // terminate() stops a worker even inside a long synchronous loop.
      terminate: () => void w.terminate(),
    };
  });
}

/**
 * A worker running `script`. The built CLI's scripts are JavaScript. Sources run directly
 * (vitest) are TypeScript, which Node 20 cannot load: such a worker first registers tsx (a
 * dev dependency) and then imports the script (Node 20 ignores `--import` in a worker's
 * execArgv, hence the small bootstrap). Messages posted meanwhile wait in the port.
 */
export function startWorker(script: URL, options: WorkerOptions = {}): Worker {
  // Only the flags a worker needs, none of the parent's: `node --input-type=module -e` would
  // make every worker fail with ERR_INPUT_TYPE_NOT_ALLOWED, and --prof or --inspect do not belong there.
  const own: WorkerOptions = { ...options, execArgv: [] };
  if (!script.pathname.endsWith('.ts')) return new Worker(script, own);
  // tsx's ESM API (its "import" export), found from the script's own folder.
  const bootstrap = `
    const { createRequire } = require('node:module');
    const { dirname, join } = require('node:path');
    const { pathToFileURL } = require('node:url');
    const req = createRequire(${JSON.stringify(fileURLToPath(script))});
    const pkg = req('tsx/package.json');
    const api = join(dirname(req.resolve('tsx/package.json')), pkg.exports['./esm/api'].import.default);
    import(pathToFileURL(api).href).then((m) => { m.register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(bootstrap, { ...own, eval: true });
}

/** The worker module of each pool job, beside this file. */
const JOB_SCRIPTS: Record<string, string> = { 'tuning-curve': './tuning-curve' };

/** A Pool of `threads` worker threads, started per run and stopped when it ends. */
export function threadPool(threads: number): Pool {
  return {
    run<T, R>(job: string, tasks: readonly T[], options: { signal?: AbortSignal; onDone?: (done: number, total: number) => void } = {}): Promise<R[]> {
      const relative = JOB_SCRIPTS[job];
      if (relative === undefined) return Promise.reject(new Error(`no worker script for the job '${job}'`));
      return mapInWorkers<T, R>(workerScript(import.meta.url, relative), tasks, { threads, ...options });
    },
  };
}

/** The worker side: answers each task message with fn(task), in order. */
export function serveTasks<T, R>(fn: (task: T) => R): void {
  if (!parentPort) throw new Error('serveTasks must run in a worker thread');
  const port = parentPort;
  port.on('message', ({ index, task }: { index: number; task: T }) => {
    try {
      port.postMessage({ index, result: fn(task) });
    } catch (e) {
      port.postMessage({ index, error: e instanceof Error ? e.message : String(e) });
    }
  });
}

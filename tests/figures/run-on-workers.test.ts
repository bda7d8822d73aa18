/**
 * The one task scheduler under Node's worker_threads pool and the pages' Web Workers
 * (runOnWorkers in src/figures/pool.ts), on fake workers that answer when told: results in task
 * order whatever answers first, progress counts, no more workers than tasks, the first error or
 * an abort rejecting at once with every worker terminated, failures after the end ignored.
 */
import { describe, expect, it } from 'vitest';
import { runOnWorkers, type TaskHandlers, type TaskWorker } from '../../src/figures/pool.js';

interface Fake {
  handlers: TaskHandlers<number>;
  posted: [number, number][];
  terminated: boolean;
}

function fakes() {
  const made: Fake[] = [];
  const start = (handlers: TaskHandlers<number>): TaskWorker => {
    const fake: Fake = { handlers, posted: [], terminated: false };
    made.push(fake);
    return { post: (index, task) => fake.posted.push([index, task as number]), terminate: () => void (fake.terminated = true) };
  };
  /** The worker answers its latest task with task·10. */
  const answer = (w: Fake) => {
    const [index, task] = w.posted[w.posted.length - 1];
    w.handlers.reply({ index, result: task * 10 });
  };
  return { made, start, answer };
}

describe('runOnWorkers', () => {
  it('returns results in task order whatever worker answers first, counting progress', async () => {
    const { made, start, answer } = fakes();
    const progress: string[] = [];
    const run = runOnWorkers([1, 2, 3, 4, 5], 2, { onDone: (d, t) => progress.push(`${d}/${t}`) }, start);
    expect(made).toHaveLength(2);
    expect(made.map((w) => w.posted)).toEqual([[[0, 1]], [[1, 2]]]);
    answer(made[1]); // task 1 first: the second worker takes task 2
    expect(made[1].posted.at(-1)).toEqual([2, 3]);
    answer(made[0]);
    answer(made[0]);
    answer(made[1]);
    answer(made[0]);
    expect(await run).toEqual([10, 20, 30, 40, 50]);
    expect(progress).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
    expect(made.every((w) => w.terminated)).toBe(true);
  });

  it('starts no more workers than tasks, and none for no task', async () => {
    const { made, start, answer } = fakes();
    const run = runOnWorkers([7], 8, {}, start);
    expect(made).toHaveLength(1);
    answer(made[0]);
    expect(await run).toEqual([70]);
    expect(await runOnWorkers([], 8, {}, start)).toEqual([]);
    expect(made).toHaveLength(1);
  });

  it("rejects with a task's error at once and terminates every worker; later failures are ignored", async () => {
    const { made, start } = fakes();
    const run = runOnWorkers([1, 2, 3], 2, {}, start);
    made[1].handlers.reply({ index: 1, error: 'no convergence' });
    await expect(run).rejects.toThrow('no convergence');
    expect(made.every((w) => w.terminated)).toBe(true);
    made[0].handlers.fail(new Error('stopped unexpectedly'));
    made[0].handlers.reply({ index: 0, result: 1 });
  });

  it('a worker failure rejects with it', async () => {
    const { made, start } = fakes();
    const run = runOnWorkers([1, 2], 2, {}, start);
    made[0].handlers.fail(new Error('a worker thread stopped unexpectedly (exit code 1)'));
    await expect(run).rejects.toThrow('exit code 1');
    expect(made.every((w) => w.terminated)).toBe(true);
  });

  it('an abort rejects with its reason and terminates the workers; an aborted signal starts none', async () => {
    const { made, start } = fakes();
    const controller = new AbortController();
    const run = runOnWorkers([1, 2, 3], 3, { signal: controller.signal }, start);
    controller.abort(new Error('a newer change'));
    await expect(run).rejects.toThrow('a newer change');
    expect(made.every((w) => w.terminated)).toBe(true);
    await expect(runOnWorkers([1], 1, { signal: controller.signal }, start)).rejects.toThrow('a newer change');
    expect(made).toHaveLength(3);
  });
});

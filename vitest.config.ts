// Two groups of test files: `quick` (unit, parity, rendering of single figures: the inner loop,
// `make check`) and `end-to-end` (every figure through the CLI, the packed and installed
// package, the CLI in child processes: signals, streams, limits). `make test` runs both.
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const END_TO_END = ['tests/cli-all.test.ts', 'tests/package.test.ts', 'tests/package-*.test.ts', 'tests/robust-*.test.ts', 'tests/tuning-threads.test.ts'];

export default defineConfig({
  test: {
    // vitest's default is one worker fewer than the cores, a single worker on a 2-core machine;
    // many files here wait on child processes, so one worker per core keeps both busy.
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: 'quick', include: ['tests/**/*.test.ts'], exclude: END_TO_END } },
      // Child processes (npx, tsx, npm) start slowly on a loaded machine: time is for benchmarks,
      // so a test here fails on its result, not because another job held the cores.
      { extends: true, test: { name: 'end-to-end', include: END_TO_END, testTimeout: 60_000 } },
    ],
  },
});

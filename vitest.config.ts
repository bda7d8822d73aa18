// The test files in three projects. `end-to-end`: every figure through the CLI, the packed and
// installed package, the CLI in child processes (signals, streams, limits, completion, the man
// page), the CLI fuzzed, images read back by external tools. The rest, unit and parity tests,
// is the inner loop (`make check`): `quick`, whose files share their workers' loaded modules (a
// third of the CPU time goes to loading them again per file otherwise), and `quick-isolated`,
// the files that replace a module with vi.mock, which must not leak into other files.
// `make test` runs all three.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const END_TO_END = [
  'cli-all', // every figure in every format, once
  'figures-independent', // every figure in one process and each alone (vi.resetModules)
  'cli-property', // the CLI fuzzed
  'cli-completion',
  'cli-launcher',
  'cli-list',
  'cli-man',
  'cli-stdout',
  'api-strict', // TypeScript compiles a consumer
  'package',
  'package-*',
  'render', // images read back by rsvg-convert and pdftoppm
  'render-context',
  'render-large-png', // figures drawn at tens of megapixels
  'robust-*',
  'tuning-threads',
].map((name) => `tests/**/${name}.test.ts`);
const TESTS = new URL('tests/', import.meta.url);
const MOCKING = readdirSync(TESTS, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts') && /\bvi\.mock\(/.test(readFileSync(new URL(f, TESTS), 'utf8')))
  .map((f) => `tests/${f}`);

export default defineConfig({
  test: {
    // vitest's default is one worker fewer than the cores, a single worker on a 2-core machine;
    // many files here wait on child processes, so one worker per core keeps both busy.
    maxWorkers: availableParallelism(),
    // Time is for benchmarks (bench/): a test fails on its result, not because other jobs held
    // the cores (child processes, npx and tsx start slowly on a loaded machine). A hang still fails.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'quick', include: ['tests/**/*.test.ts'], exclude: [...END_TO_END, ...MOCKING], isolate: false } },
      { extends: true, test: { name: 'quick-isolated', include: MOCKING, exclude: END_TO_END } },
      { extends: true, test: { name: 'end-to-end', include: END_TO_END } },
    ],
  },
});

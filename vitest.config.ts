// The test files in three projects. `end-to-end`: every figure through the CLI, the packed and
// installed package, the CLI in child processes (signals, streams, limits, completion, the man
// page), the CLI fuzzed, images read back by external tools, the explorer pages in chromium. The
// rest, unit and parity tests, is the inner loop (`make check`): `quick`, whose files share their
// workers' loaded modules (a third of the CPU time goes to loading them again per file
// otherwise), and `quick-isolated`, the files that replace a module with vi.mock, which must not
// leak into other files. `make test` runs all three, each longest file first.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

const END_TO_END = [
  'cli-all', // every figure in every format, once; each alone in a fresh module graph
  'all-threads', // `all` on worker threads, in child processes too
  'cli-property', // the CLI fuzzed
  'cli-completion',
  'cli-launcher',
  'cli-list',
  'cli-man',
  'cli-stdout',
  'api-strict', // TypeScript compiles a consumer
  'explore-browser', // every figure's page in chromium
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

/**
 * The longest files, slowest first, for a run with no timings yet (a fresh clone): started last,
 * one of them would keep a core busy alone at the end. Later runs use the last run's timings.
 */
const SLOWEST = ['explore-browser', 'render-large-png', 'robust-estimates', 'robust-stop', 'cli-property', 'cli-all', 'robust-streams', 'robust-limits'];

/** Projects in this order: the long end-to-end files first, the short unit files last. */
const PROJECT_ORDER = ['end-to-end', 'quick-isolated', 'quick'];

/**
 * Within a project, the longest file first by the last run's time (failed files first, as in
 * vitest's own order), so that both workers stay busy to the end. The quick files come last and
 * together: a worker that runs them keeps its loaded modules only while the next file queued is
 * one of them.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const root = this.ctx.config.root;
    const hint = (f: TestSpecification) => {
      const k = SLOWEST.findIndex((name) => f.moduleId.endsWith(`/${name}.test.ts`));
      return k < 0 ? 0 : 1e9 - k;
    };
    const rank = (f: TestSpecification) => {
      const last = cache.getFileTestResults(`${f.project.name}:${relative(root, f.moduleId)}`);
      return last ? (last.failed ? 2e9 : last.duration) : hint(f);
    };
    const project = (f: TestSpecification) => PROJECT_ORDER.indexOf(f.project.name);
    return [...files].sort((a, b) => project(a) - project(b) || rank(b) - rank(a));
  }
}

export default defineConfig({
  test: {
    // vitest's default is one worker fewer than the cores, a single worker on a 2-core machine;
    // many files here wait on child processes, so one worker per core keeps both busy.
    maxWorkers: availableParallelism(),
    sequence: { sequencer: LongestFirst },
    // Each file's CPU time, when SNN_FIGS_TEST_CPU names a file to add it to (`make test`).
    setupFiles: ['tests/cpu-time.ts'],
    // Time is for benchmarks (bench/): a test fails on its result, not because other jobs held
    // the cores (child processes, npx and tsx start slowly on a loaded machine). A hang still fails.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'quick', include: ['tests/**/*.test.ts'], exclude: [...END_TO_END, ...MOCKING], isolate: false } },
      { extends: true, test: { name: 'quick-isolated', include: MOCKING, exclude: END_TO_END } },
      // The end-to-end files run the built CLI: dist/ is built first when it is stale.
      { extends: true, test: { name: 'end-to-end', include: END_TO_END, globalSetup: ['tests/global-setup.ts'] } },
    ],
  },
});

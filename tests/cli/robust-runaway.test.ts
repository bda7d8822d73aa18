/**
 * Nothing runs away and nothing aborts: runs estimated beyond the documented limit (MAX_SECONDS,
 * with the cost model of tests/robust-estimates.test.ts) are refused up front with a hint and
 * --force; what cannot fit in memory (V8's heap, its longest string, the machine, `ulimit -v`) is
 * refused even with --force, instead of V8's "heap out of memory" dump (exit 134) after the work.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCost, MAX_SECONDS } from '../../src/options/cost.js';
import { ProblemError } from '../../src/options/problems.js';
import { runMain } from '../helpers/robust-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'snn-figs-runaway-'));
const REPO = join(import.meta.dirname, '..', '..');

describe('runs over the time limit are refused before they start', () => {
  // Each took minutes to hours before (the cases), through work of every kind.
  const CASES: [string, string[]][] = [
    ['the generic core, a fine step', ['stdp-correlated', '--dt', '2e-5ms']],
    ['smoothing, points × window', ['spike-vs-rate', '--widths', '2000', '--points', '100000']],
    ['a million neurons', ['stdp-latency', '--neurons', '1000000', '--group-size', '1', '--duration', '100000ms']],
    ['the numpy tuning curve', ['tuning-curve', '--rng', 'numpy', '--n', '1000000']],
    ['the kernel, on the threads here', ['tuning-curve', '--n', '10000000', '--points', '40']],
  ];
  for (const [what, args] of CASES)
    it(`${what}: ${args.join(' ')}`, async () => {
      const out = join(dir, `${args[0]}.json`);
      const t0 = performance.now();
      const r = await runMain([...args, '--out', out]);
      expect(performance.now() - t0).toBeLessThan(5_000);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/roughly .*; runs over 5 min are refused unless forced\nhint: make it smaller \(.*--.*\) or pass --force to run it anyway\n$/);
      expect(existsSync(out)).toBe(false);
    });

  it('a kernel wider than gaussian_filter takes is refused as --widths, before the run', async () => {
    const r = await runMain(['spike-vs-rate', '--widths', '20000', '--points', '100000', '--out', join(dir, 's.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^snn-figs: error: --widths 20000 needs a smoothing kernel of \d+ samples on each side at --points 100000; at most 10000000/);
  });

  it('--force lets a long run through the time limit, not through the memory limits', () => {
    const cost = { neuronSteps: 1e13, samples: 10 };
    const ctx = { threads: 1, format: 'json' as const, options: ['n'] };
    expect(() => checkCost(cost, { ...ctx, force: false })).toThrow(/runs over 5 min/);
    expect(() => checkCost(cost, { ...ctx, force: true })).not.toThrow();
    expect(MAX_SECONDS).toBe(300);
    const big = { neuronSteps: 0, samples: 1e8 };
    for (const limits of [{ heapBytes: 1e9 }, { memoryBytes: 1e9 }, { addressSpaceBytes: 1e9 }]) {
      let error: unknown;
      try {
        checkCost(big, { ...ctx, format: 'png', force: true, limits });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ProblemError);
      expect((error as ProblemError).problem.forcible).toBeUndefined();
    }
  });
});

describe("memory beyond Node's heap is refused, even with --force, not aborted by V8", () => {
  it('population --n 1000 --points 20000 --force as a PNG (exit 134 and a V8 dump before)', async () => {
    const r = await runMain(['population', '--n', '1000', '--points', '20000', '--force', '--out', join(dir, 'p.png')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^snn-figs: error: this run needs about [\d.]+ GB of JavaScript memory for a PNG; the heap limit here is [\d.]+ GB\n/);
  });

  it('the limit is the heap Node was given (--max-old-space-size), for the CLI and for renderFigure', () => {
    const env = { ...process.env, NODE_OPTIONS: '--max-old-space-size=200' };
    const cli = spawnSync(process.execPath, ['bin/snn-figs', 'coincidence', '--duration', '200s', '--force', '--out', join(dir, 'c.png')], {
      cwd: REPO,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/of JavaScript memory for a PNG; the heap limit here is \d+ MB/);
    const script = `import { renderFigure } from ${JSON.stringify(join(REPO, 'dist', 'index.js'))};
      const x = Array.from({ length: 1e6 }, (_, k) => k);
      const data = { figure: 'mine', params: {}, paramUnits: {}, layout: { rows: 1, cols: 1 }, panels: [{ id: 'p', marks: [{ kind: 'plot', id: 'm', x, y: x }] }] };
      try { await renderFigure(data, 'png'); console.log('drawn'); } catch (e) { console.log(e.name + ': ' + e.message); }`;
    const lib = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8', timeout: 60_000 });
    expect(lib.status).toBe(0);
    expect(lib.stdout).toMatch(/^InputError: drawing this data needs about \d+ MB of JavaScript memory for a PNG; the heap limit here is \d+ MB/);
  });

  it('a JSON longer than V8 can hold in one string is refused up front', async () => {
    const r = await runMain(['coincidence', '--duration', '10000s', '--force', '--out', join(dir, 'c.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/more than Node can hold in one text/);
  });

  it('under ulimit -v a run that needs more than the address space left is refused', () => {
    const r = spawnSync(
      'bash',
      ['-c', `ulimit -v 2000000 && exec "${process.execPath}" bin/snn-figs coincidence --duration 900s --force --out "${join(dir, 'u.png')}"`],
      {
        cwd: REPO,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the address-space limit \(ulimit -v\) leaves [\d.]+ (MB|GB)\nhint: make it smaller .*, or raise the limit/);
  });

  it('under ulimit -v too tight to map canvas, an image is refused before the run (not blamed on the install); JSON is written', () => {
    const run = (out: string) =>
      spawnSync('bash', ['-c', `ulimit -v 1000000 && exec "${process.execPath}" bin/snn-figs lif --out "${join(dir, out)}"`], {
        cwd: REPO,
        encoding: 'utf8',
        timeout: 60_000,
      });
    const png = run('tight.png');
    expect(png.stderr).toMatch(
      /^snn-figs: error: drawing a PNG needs about 200 MB more memory \(canvas and its libraries\); the address-space limit \(ulimit -v\) leaves \d+ MB\nhint: raise the limit, or write JSON or CSV\n$/,
    );
    expect(png.status).toBe(2);
    expect(existsSync(join(dir, 'tight.png'))).toBe(false);
    const json = run('tight.json');
    expect(json.status).toBe(0);
    expect(existsSync(join(dir, 'tight.json'))).toBe(true);
  });
});

/**
 * Runs stop when asked, within a second: SIGINT/SIGTERM to the CLI and an AbortSignal to the
 * library, in the middle of a long simulation of the generic core and of the tuning curve (both
 * engines). A run estimated longer than a moment goes to a worker thread that the signal
 * terminates, so even a synchronous loop of the core cannot hold it. Workers start with only
 * the flags they need: the library works under `node --input-type=module -e`, and under a tight
 * `ulimit -v` the tuning curve runs instead of dying with "Fatal process OOM".
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFigure } from '../../src/api/build.js';
import { startCli } from '../helpers/robust-cli.js';
import { cpuSeconds } from '../helpers/process-cpu.js';

const dir = mkdtempSync(join(tmpdir(), 'snn-figs-stop-'));
const REPO = join(import.meta.dirname, '..', '..');

/** Long enough that the run is still simulating when the signal comes (tens of seconds at least). */
const LONG: Record<string, string[]> = {
  'generic core (stdp-correlated)': ['stdp-correlated', '--dt', '0.0005ms'],
  'tuning curve, kernel in workers': ['tuning-curve', '--n', '800000', '--points', '21'],
  'tuning curve, generic core (--rng numpy)': ['tuning-curve', '--rng', 'numpy', '--n', '20000'],
};

/** Resolves with the exit code and the milliseconds from `after` to the exit. */
function exited(child: ChildProcess, after: () => number): Promise<{ code: number | null; ms: number }> {
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, ms: performance.now() - after() })));
}

/**
 * Waits until the child is simulating: it has used SIMULATING_CPU seconds of CPU, several times
 * what starting the CLI and checking the options cost (~0.15 s), so its signal handlers are in
 * place and the run (or its worker) is under way, however loaded the machine; 20 s at most.
 * The CLI shows no progress on a pipe, so its stderr cannot say it.
 */
const SIMULATING_CPU = 0.6;
async function simulating(child: ChildProcess): Promise<void> {
  const until = performance.now() + 20_000;
  while (cpuSeconds(child.pid!) < SIMULATING_CPU && child.exitCode === null && performance.now() < until) await new Promise((r) => setTimeout(r, 50));
}

describe('the CLI stops within 1 s of SIGINT or SIGTERM while simulating', () => {
  for (const [what, args] of Object.entries(LONG))
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      it(`${what}, ${signal}`, { timeout: 60_000 }, async () => {
        const out = join(dir, `${args[0]}-${signal}.json`);
        // TERM=dumb: progress as plain lines, so the test can see the simulation start.
        const child = startCli([...args, '--out', out], REPO, { ...process.env, TERM: 'dumb' });
        let sent = 0;
        const done = exited(child, () => sent);
        await simulating(child);
        // A little further in: inside the run, past the worker's start.
        await new Promise((r) => setTimeout(r, 250));
        sent = performance.now();
        child.kill(signal);
        const { code, ms } = await done;
        expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
        expect(ms).toBeLessThan(1_000);
        expect(existsSync(out)).toBe(false);
      });
});

describe("the library's AbortSignal stops a simulation within 1 s", () => {
  const CASES: [string, Record<string, string | number>][] = [
    ['stdp-correlated', { dt: '0.0005ms' }],
    ['tuning-curve', { n: 800_000, points: 21 }],
    ['tuning-curve', { n: 20_000, rng: 'numpy' }],
  ];
  for (const [name, params] of CASES)
    it(`${name} ${JSON.stringify(params)}`, { timeout: 60_000 }, async () => {
      const controller = new AbortController();
      const run = buildFigure(name as never, params as never, { signal: controller.signal, threads: 2 });
      await new Promise((r) => setTimeout(r, 2_000));
      const aborted = performance.now();
      controller.abort(new Error('stop'));
      await expect(run).rejects.toThrow('stop');
      expect(performance.now() - aborted).toBeLessThan(1_000);
    });
});

describe('worker threads do not depend on how Node was started', () => {
  it('the library computes the tuning curve under node --input-type=module -e', () => {
    const script = `import { buildFigure } from ${JSON.stringify(join(REPO, 'dist', 'index.js'))};
      const data = await buildFigure('tuning-curve', { n: 50, points: 3 }, { threads: 2 });
      console.log(data.panels[0].marks.length);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).not.toMatch(/ERR_INPUT_TYPE_NOT_ALLOWED/);
    expect(r.status).toBe(0);
    expect(Number(r.stdout.trim())).toBeGreaterThan(0);
  });

  it('under ulimit -v of 1.5 GB the tuning curve runs (no WebAssembly memory, the threads that fit)', () => {
    const out = join(dir, 'ulimit.json');
    const r = spawnSync('bash', ['-c', `ulimit -v 1500000 && exec "${process.execPath}" bin/snn-figs tuning-curve --n 200 --points 4 --quiet --out "${out}"`], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stderr).not.toMatch(/Fatal process OOM/);
    expect(r.status).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('under ulimit -v of 2 GB a tuning curve long enough for the stoppable build thread runs: that thread and its pool must all fit', () => {
    const out = join(dir, 'ulimit-long.json');
    // Estimated over a second: built in a worker thread with pool threads of its own (each reserves ~700 MB).
    const r = spawnSync(
      'bash',
      ['-c', `ulimit -v 2000000 && exec "${process.execPath}" bin/snn-figs tuning-curve --points 8 --threads 2 --quiet --out "${out}"`],
      {
        cwd: REPO,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(r.stderr).not.toMatch(/Fatal process OOM/);
    expect(r.status).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});

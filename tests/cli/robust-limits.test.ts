/**
 * Honest limits: values that would overflow inside the model are refused before the run (not
 * a silent zero curve), array sizes are checked before allocation, --threads is capped at the
 * cores, refusals suggest only the figure's own options, and the memory estimate printed in a
 * refusal is within 2× of the peak measured for a run of that size.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateBytes, MAX_SAMPLES } from '../../src/options/cost.js';
import { FIGURES } from '../../src/figures/registry.js';
import { runMain } from '../helpers/robust-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'snn-figs-limits-'));
const figure = (name: string) => FIGURES.find((f) => f.name === name)!;

const run = runMain;

describe('model values at the limits of a double', () => {
  it('tuning-curve --sigma 0 --w 1e307 is refused (Euler -v/tau overflows), not a curve of zeros', async () => {
    const r = await run(['tuning-curve', '--sigma', '0', '--w', '1e307', '--n', '4', '--points', '3', '--out', join(dir, 't.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^snn-figs: error: --w 1e\+307 lets v reach about 2\.0e\+307, and Euler's -v\/tau \(tau 2 ms\) overflows a double there; keep it below 4\.5e\+304$/m,
    );
  });

  it('--w 1e300 is still within range and gives spikes', async () => {
    const out = join(dir, 'big-w.json');
    expect((await run(['tuning-curve', '--sigma', '0', '--w', '1e300', '--n', '4', '--points', '3', '--quiet', '--out', out])).code).toBe(0);
    const y = JSON.parse(readFileSync(out, 'utf8')).panels[0].series[0].y as number[];
    expect(Math.min(...y)).toBeGreaterThan(0);
  });

  it('a huge --sigma is refused the same way', async () => {
    expect((await run(['tuning-curve', '--sigma', '1e306', '--out', join(dir, 't.json')])).err).toMatch(/--sigma 1e\+306 lets v reach/);
  });
});

describe('option values at the limits', () => {
  it('a value that underflows to 0 is refused, not silently zero', async () => {
    expect((await run(['coincidence', '--w', '1e-400', '--out', join(dir, 'u.json')])).err).toMatch(/--w is too small to tell from 0 .*got '1e-400'/);
    expect((await run(['coincidence', '--tau', '5e-324ms', '--out', join(dir, 'u.json')])).err).toMatch(/--tau is too small to tell from 0 in seconds/);
    // The smallest subnormal itself is a number like any other.
    expect((await run(['coincidence', '--w', '5e-324', '--quiet', '--out', join(dir, 'sub.json')])).code).toBe(0);
  });

  it('a 100 000-character value is refused at once, in one short line (no quadratic regex)', async () => {
    const t0 = Date.now();
    const r = await run(['coincidence', '--w', `${'1'.repeat(100_000)}x`, '--out', join(dir, 'x.json')]);
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^snn-figs: error: --w expects at most 400 characters, got '1{40}…' \(100001 characters\)\n$/);
    const list = await run(['coincidence', '--spikes', `${'1'.repeat(90_000)}x`, '--out', join(dir, 'x.json')]);
    expect(list.err.length).toBeLessThan(300);
  });
});

describe('sizes checked before allocation', () => {
  it("tuning-curve --dt 2e-8ms --force: refused, not V8's 'Invalid typed array length'", async () => {
    const r = await run(['tuning-curve', '--dt', '2e-8ms', '--force', '--out', join(dir, 't.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^snn-figs: error: this run needs an array of 1\.0e\+10 numbers, more than one process can hold/);
    expect(r.err).not.toMatch(/Invalid typed array length/);
  });

  it('--threads beyond the cores is capped, with a note', async () => {
    const cores = availableParallelism();
    const r = await run(['tuning-curve', '--threads', '256', '--n', '20', '--points', '2', '--out', join(dir, 'threads.json')]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(new RegExp(`^snn-figs: note: --threads 256 is more than the ${cores} cores here; using ${cores}$`, 'm'));
  });

  // Each figure driven past its cost limit; every option a hint names must be one of the figure's.
  // The push must be far past the limit for every figure: a run this test lets through would be
  // simulated in-process for real (1e-6 ms let stdp-latency run for an hour). 1e-12 ms gives
  // every simulating figure > 1e14 steps; the numpy figures without a run are pushed by size.
  const TOO_BIG: Record<string, string[]> = { population: ['--n', '1000', '--points', '100000'] };
  const pushed = FIGURES.filter((f) => TOO_BIG[f.name] || f.params.some((p) => p.name === 'dt'));
  it('pushes every simulating figure', () => expect(pushed.length).toBeGreaterThanOrEqual(17));
  for (const fig of pushed)
    it(`${fig.name}: a refusal suggests only options ${fig.name} has`, async () => {
      const r = await run([fig.name, ...(TOO_BIG[fig.name] ?? ['--dt', '1e-12ms']), '--out', join(dir, 'x.json')]);
      expect(r.code).toBe(2);
      const hint = /^hint: (.*)$/m.exec(r.err)?.[1] ?? '';
      const named = hint.match(/--[a-z-]+/g) ?? [];
      expect(named.length).toBeGreaterThan(0);
      for (const option of named) expect([...fig.params.map((p) => `--${p.name}`), '--force']).toContain(option);
    });
});

describe('memory estimates match measured peaks within 2×', () => {
  /** Peak resident bytes of a CLI run (the built CLI: no transpiler in the measurement). */
  function measuredPeak(args: string[]): number {
    const file = join(dir, `rss-${Math.random()}`);
    const preload = new URL('../helpers/robust-maxrss.mjs', import.meta.url).href;
    const r = spawnSync(process.execPath, ['--import', preload, 'bin/snn-figs', ...args, '--quiet'], {
      env: { ...process.env, MAXRSS_FILE: file },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return Number(readFileSync(file, 'utf8'));
  }

  const CASES: [name: string, args: string[], format: 'json' | 'png', threads: number][] = [
    // At the refusal limit: 2e7 recorded numbers.
    ['coincidence', ['--duration', '999s'], 'json', 1],
    // An eighth of it as a PNG (the full size takes ~40 s to draw).
    ['psp-abstraction', ['--duration', '40s'], 'png', 1],
    ['tuning-curve', ['--n', '50000', '--points', '2', '--threads', '2'], 'json', 2],
  ];
  for (const [name, args, format, threads] of CASES)
    it(`${name} ${args.join(' ')} (${format})`, async () => {
      const fig = figure(name);
      const { parseParams } = await import('../../src/options/parse.js');
      const given = Object.fromEntries(args.filter((_, k) => k % 2 === 0).map((a, k) => [a.slice(2), args[2 * k + 1]]));
      const cost = fig.cost!(parseParams(fig, given).params);
      if (name === 'coincidence') expect(cost.samples).toBeGreaterThan(0.99 * MAX_SAMPLES);
      const estimate = estimateBytes(cost, format, Math.min(threads, availableParallelism()));
      const peak = measuredPeak([name, ...args, '--out', join(dir, `${name}.${format}`)]);
      expect(peak / estimate, `peak ${peak} vs estimate ${estimate}`).toBeGreaterThan(0.5);
      expect(peak / estimate, `peak ${peak} vs estimate ${estimate}`).toBeLessThan(2);
    }, 120_000);
});

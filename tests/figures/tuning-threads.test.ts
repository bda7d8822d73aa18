/**
 * The tuning curve on all cores: the same --seed gives byte-identical output whatever
 * --threads is (and with the WebAssembly or the TypeScript kernel, or in this thread);
 * Ctrl-C stops the workers at once and writes no file; progress only on a terminal.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { progressReporter } from '../../src/cli/progress.js';
import { parseParams } from '../../src/options/parse.js';
import { toJson } from '../../src/export/index.js';
import { simulateAndDraw } from '../../src/figures/run.js';
import { tuningCurve } from '../../src/figures/week2/tuning-curve.js';
import { threadPool } from '../../src/workers/pool.js';
import { silentStreams } from '../helpers/streams.js';
import { ENTRY } from '../helpers/robust-cli.js';
import { cpuSeconds } from '../helpers/process-cpu.js';

const dir = mkdtempSync(join(tmpdir(), 'snn-figs-threads-'));
const ARGS = ['--n', '1500', '--points', '7', '--seed', '5', '--w', '0.9', '--duration', '170ms'];

async function runCli(args: string[]): Promise<{ code: number; err: string }> {
  const { io, stderr } = silentStreams();
  const code = await main(args, io);
  return { code, err: stderr() };
}

describe('tuning curve across threads', () => {
  it('--threads 1, 2 and 3 give byte-identical JSON, equal to the in-thread build', { timeout: 120_000 }, async () => {
    const files: Buffer[] = [];
    for (const threads of ['1', '2', '3']) {
      const out = join(dir, `t${threads}.json`);
      const r = await runCli(['tuning-curve', ...ARGS, '--threads', threads, '--out', out, '--quiet']);
      expect(r.code, r.err).toBe(0);
      files.push(readFileSync(out));
    }
    expect(files[1].equals(files[0])).toBe(true);
    expect(files[2].equals(files[0])).toBe(true);
    // No workers at all (the TypeScript kernel in this thread): the same bytes.
    const given = Object.fromEntries(ARGS.map((a, k) => (k % 2 ? undefined : [a.slice(2), ARGS[k + 1]])).filter(Boolean) as [string, string][]);
    const { params } = parseParams(tuningCurve, given);
    const inThread = Buffer.from(toJson(await simulateAndDraw(tuningCurve, params, {})));
    expect(inThread.equals(files[0])).toBe(true);
  });

  it('the TypeScript kernel in the workers gives the same bytes as the WebAssembly one', { timeout: 120_000 }, async () => {
    const outs: Buffer[] = [];
    for (const kernel of ['ts', 'auto']) {
      const out = join(dir, `k-${kernel}.json`);
      const saved = process.env.SNN_FIGS_KERNEL;
      process.env.SNN_FIGS_KERNEL = kernel;
      try {
        const r = await runCli(['tuning-curve', ...ARGS, '--threads', '2', '--out', out, '--quiet']);
        expect(r.code, r.err).toBe(0);
      } finally {
        if (saved === undefined) delete process.env.SNN_FIGS_KERNEL;
        else process.env.SNN_FIGS_KERNEL = saved;
      }
      outs.push(readFileSync(out));
    }
    expect(outs[1].equals(outs[0])).toBe(true);
  });

  it('an aborted build terminates its workers and rejects at once', { timeout: 60_000 }, async () => {
    const { params } = parseParams(tuningCurve, { n: '2000000', points: '4' });
    const controller = new AbortController();
    const started = simulateAndDraw(tuningCurve, params, { pool: threadPool(2), signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 300);
    const t0 = Date.now();
    await expect(started).rejects.toThrow('stop');
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('Ctrl-C (SIGINT) exits with 130 promptly and leaves no file, not even a temporary one', { timeout: 60_000 }, async () => {
    const out = mkdtempSync(join(tmpdir(), 'snn-figs-sigint-'));
    const child = spawn(process.execPath, [...ENTRY, 'tuning-curve', '--n', '1000000', '--out', join(out, 'tc.json')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    // Well into the build (≥ 20 s): past start-up (a tenth of a second of CPU), however long other
    // jobs make it take on the clock.
    while (child.exitCode === null && cpuSeconds(child.pid!) < 1.5) await new Promise((resolve) => setTimeout(resolve, 100));
    const sent = Date.now();
    child.kill('SIGINT');
    const code = await exited;
    expect(code, err).toBe(130);
    expect(Date.now() - sent).toBeLessThan(3_000);
    expect(err).toContain('interrupted');
    expect(readdirSync(out)).toEqual([]);
  });
});


describe('progress', () => {
  function fakeStream(isTTY: boolean) {
    const { io, stderr } = silentStreams(isTTY);
    return { stream: io.stderr, text: stderr };
  }

  it('draws a bar with conditions done, rate and time left on a terminal', () => {
    const { stream, text } = fakeStream(true);
    const p = progressReporter(stream, 'tuning-curve', false);
    p.update(0, 41);
    p.update(41, 41);
    p.stop();
    expect(text()).toContain('41/41 conditions');
    expect(text()).toMatch(/\/s \|/);
    expect(text()).toContain('left');
  });

  it('is silent on a pipe and with --quiet', () => {
    for (const [tty, quiet] of [
      [false, false],
      [true, true],
    ] as const) {
      const { stream, text } = fakeStream(tty);
      const p = progressReporter(stream, 'tuning-curve', quiet);
      p.update(3, 41);
      p.stop();
      expect(text()).toBe('');
    }
  });
});

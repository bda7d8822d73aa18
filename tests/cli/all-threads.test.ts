/**
 * `snn-figs all` builds and draws its figures on worker threads, two at a time, and writes them
 * here in order (src/workers/build-pool.ts): the same bytes as one figure at a time in this
 * thread, the files reported in the order of the list, and Ctrl-C stopping every thread (one
 * that is drawing once its figure is drawn) with the files written named and each of them whole.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entriesUnder, runCli, runMain, startCli } from '../helpers/robust-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'snn-figs-all-threads-'));
// Variants that share their figure's simulation (stp's), a figure with progress and threads of
// its own, translucent lines (reliable's), and several formats.
const ONLY = ['stp', 'stp-ux', 'coincidence', 'lif', 'reliable-spike-timing']; // in the list's order
const FORMATS = ['png', 'svg', 'json'];

describe('all on worker threads', () => {
  it('writes the bytes one figure at a time writes, reported in the order of the list', { timeout: 240_000 }, async () => {
    const out = join(dir, 'all');
    const r = runCli(['all', '--only', ONLY.join(','), '--format', FORMATS.join(','), '--out-dir', out], { timeoutMs: 200_000 });
    expect(r.status, r.stderr).toBe(0);
    const expected = ONLY.flatMap((name) => FORMATS.map((f) => `${name}.${f}`));
    expect(r.stderr.trim().split('\n')).toEqual(expected.map((f) => `wrote ${join(out, f)}`));
    const one = join(dir, 'one');
    for (const name of ONLY) {
      const variant = name === 'stp-ux' ? ['stp', '--panels', 'ux', '--figsize', '8x2.9'] : [name];
      for (const f of FORMATS) {
        const { code, err } = await runMain([...variant, '--out', join(one, `${name}.${f}`), '--quiet']);
        expect(code, err).toBe(0);
        expect(readFileSync(join(out, `${name}.${f}`)).equals(readFileSync(join(one, `${name}.${f}`))), `${name}.${f}`).toBe(true);
      }
    }
  });

  it('Ctrl-C stops every thread: exit 130, the files written named, each whole, no temporary file', { timeout: 120_000 }, async () => {
    const out = join(dir, 'stopped');
    const child = startCli(['all', '--format', 'png,svg', '--out-dir', out]);
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let sent = 0;
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (sent === 0 && stderr.includes('wrote ')) {
          sent = performance.now();
          child.kill('SIGINT');
          resolve();
        }
      });
    });
    const code = await exited;
    expect(code).toBe(130);
    // A thread in the middle of drawing finishes that figure first (ending it inside canvas would
    // abort the process): a few tenths of a second, seconds on a machine busy with other work.
    expect(performance.now() - sent).toBeLessThan(5_000);
    // The last file may have been in the middle of its write, which the signal waits for: then it
    // is named in the last line only.
    const files = entriesUnder(out);
    const last = /snn-figs: interrupted after writing (?:'(.*)'|(\d+) files \(the last: '(.*)'\)); no file is half-written\n$/.exec(stderr);
    expect(last, stderr).not.toBeNull();
    expect(files.length).toBe(last![1] ? 1 : Number(last![2]));
    expect(files).toContain((last![1] ?? last![3]).slice(out.length + 1));
    for (const m of stderr.matchAll(/^wrote (.*)$/gm)) expect(files).toContain(m[1].slice(out.length + 1));
    for (const f of files.filter((f) => f.endsWith('.png'))) expect(readFileSync(join(out, f)).subarray(-8).toString('latin1')).toContain('IEND');
  });
});

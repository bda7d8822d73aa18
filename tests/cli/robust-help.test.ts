/**
 * Help and hints that tell the truth: an unknown help topic is a usage error, --format alone
 * names the default file with its extension, --dpi only limits PNG, help wraps at the
 * terminal's width, and the tuning curve's help no longer promises error bars it does not draw.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FIGURES } from '../../src/figures/registry.js';
import { runCli, runMain } from '../helpers/robust-cli.js';

const run = runMain;

/** A terminal `columns` wide: what main() writes to it. */
async function onTerminal(args: string[], columns: number): Promise<string> {
  let text = '';
  const tty = Object.assign(new Writable({ write: (c, _e, done) => ((text += String(c)), done()) }), { isTTY: true, columns });
  await main(args, { stdout: tty, stderr: tty });
  return text;
}

describe('help that tells the truth', () => {
  it('help nope: exit 2, one error line, nothing on stdout', async () => {
    const r = await run(['help', 'nope']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^snn-figs: error: unknown figure or command 'nope'\nhint: /);
  });

  it('help with a known topic still shows that help (exit 0)', async () => {
    const r = await run(['help', 'coincidence']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: snn-figs coincidence/);
  });

  it('--format svg without --out writes figures/FIGURE.svg', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'snn-figs-format-'));
    const r = runCli(['psp-forms', '--format', 'svg', '--quiet'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readdirSync(join(cwd, 'figures'))).toEqual(['psp-forms.svg']);
  });

  it('--dpi and pixel limits apply to PNG only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snn-figs-dpi-'));
    for (const ext of ['svg', 'pdf', 'json', 'csv'])
      expect((await run(['coincidence', '--dpi', '5000', '--quiet', '--out', join(dir, `c.${ext}`)])).code).toBe(0);
    expect((await run(['coincidence', '--dpi', '5000', '--out', join(dir, 'c.png')])).err).toMatch(/--dpi must be between 10 and 1200, got 5000/);
    expect((await run(['coincidence', '--dpi', '-1', '--out', join(dir, 'd.svg')])).err).toMatch(/--dpi must be a positive number/);
    expect(existsSync(join(dir, 'c.png'))).toBe(false);
  });

  for (const columns of [50, 60, 100])
    it(`help wraps at a ${columns}-column terminal`, async () => {
      for (const args of [['--help'], ['all', '--help'], ...FIGURES.map((f) => [f.name, '--help'])]) {
        const text = await onTerminal(args, columns);
        // An option's own name may not fit, nor one word (the default figures/reliable-spike-timing-non-leaky.png),
        // nor the usage line of a figure whose name is that long.
        const long = text
          .split('\n')
          .filter((line) => line.length > columns && !/^\s*-/.test(line) && !/^\s*\S+$/.test(line) && !/^Usage: snn-figs \S+ \[options\]$/.test(line));
        expect(long, args.join(' ')).toEqual([]);
      }
    });

  it('the tuning curve does not promise error bars (the notebook plots the means only)', async () => {
    const r = await run(['tuning-curve', '--help']);
    expect(r.out).not.toMatch(/error bars/);
    expect(r.out).toMatch(/standard error/);
  });
});

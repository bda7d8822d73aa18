/**
 * --context, --font-scale and --transparent on the command line: each figure and `all` take
 * them, bad values are refused in one line before anything runs, and the JSON records them.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { silentStreams } from '../helpers/streams.js';

async function run(args: string[]) {
  const { io, stdout, stderr } = silentStreams();
  const code = await main(args, io);
  return { code, out: stdout(), err: stderr() };
}

describe('slide styling options', () => {
  it.each([
    [['--context', 'slides'], "snn-figs: error: --context expects one of paper, notebook, talk, poster, got 'slides'\n"],
    [['--context', ''], "snn-figs: error: --context expects one of paper, notebook, talk, poster, got ''\n"],
    [['--font-scale', '0'], 'snn-figs: error: --font-scale must be between 0.1 and 10, got 0\n'],
    [['--font-scale', '11'], 'snn-figs: error: --font-scale must be between 0.1 and 10, got 11\n'],
    [['--font-scale', '-1e308'], 'snn-figs: error: --font-scale must be between 0.1 and 10, got -1e308\n'],
    [['--font-scale', '1e309'], /^snn-figs: error: --font-scale .*\n$/],
    [['--font-scale', 'big'], /^snn-figs: error: --font-scale .*\n$/],
    [['--font-scale', 'NaN'], /^snn-figs: error: --font-scale .*\n$/],
  ])('%j is refused (exit 2, one line, no file) by a figure and by all', async (args, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'snn-figs-style-'));
    for (const argv of [
      ['lif', '--out', join(dir, 'lif.png'), ...args],
      ['all', '--only', 'lif', '--out-dir', dir, ...args],
    ]) {
      const r = await run(argv);
      expect(r.code, r.err).toBe(2);
      if (typeof message === 'string') expect(r.err).toBe(message);
      else expect(r.err).toMatch(message);
      expect(readdirSync(dir)).toEqual([]);
    }
  });

  it('a figure and all record the style in the JSON; the context is case-insensitive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snn-figs-style-'));
    expect((await run(['lif', '--context', 'Talk', '--font-scale', '1.5', '--transparent', '--out', join(dir, 'lif.json'), '-q'])).code).toBe(0);
    const render = { figsize: [8, 3], dpi: 100, context: 'talk', fontScale: 1.5, transparent: true };
    expect(JSON.parse(readFileSync(join(dir, 'lif.json'), 'utf8')).render).toEqual(render);
    const r = await run([
      'all',
      '--only',
      'lif,stp-ux',
      '--context',
      'talk',
      '--font-scale',
      '1.5',
      '--transparent',
      '--format',
      'json',
      '--out-dir',
      dir,
      '-q',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'lif.json'), 'utf8')).render).toEqual(render);
    expect(JSON.parse(readFileSync(join(dir, 'stp-ux.json'), 'utf8')).render).toEqual({ ...render, figsize: [8, 2.9], dpi: 200 });
    // Drawn as the notebook did: no record.
    expect((await run(['lif', '--out', join(dir, 'plain.json'), '-q'])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'plain.json'), 'utf8')).render).toBeUndefined();
  });

  it('--help names the contexts and says what they are', async () => {
    const help = (await run(['lif', '--help'])).out.replace(/\s+/g, ' ');
    expect(help).toContain(
      "--context <name> paper|notebook|talk|poster: the font sizes, line widths, marker sizes and tick widths of matplotlib's seaborn-v0_8-NAME style sheet",
    );
    expect(help).toContain('--font-scale <factor>');
    expect(help).toContain('--transparent');
  });
});

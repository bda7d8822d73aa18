/**
 * Random command lines thrown at the CLI's entry point: real figure and option names mixed
 * with junk values, units, NaN/Infinity/empty strings and paths in a temporary folder. Whatever
 * comes in, main() resolves (never throws), the exit code is 0, 1 or 2, a failure prints one
 * `error:` line and no stack trace (unless --debug) and leaves no file — not even a temporary one.
 *
 * Cost is kept low by construction: times in the pools are at most 300 ms and dt at least
 * 0.05 ms, counts at most 100, and the tuning curve always ends with `--n 50 --points 3`.
 * `all` is left out: it makes every figure at full size.
 */
import fc from 'fast-check';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FIGURES } from '../../src/figures/registry.js';
import { silentStreams } from '../helpers/streams.js';
import { STACK_FRAME } from '../helpers/stack-frame.js';

const root = mkdtempSync(join(tmpdir(), 'snn-figs-property-'));
const canRender = existsSync(new URL('../../src/render/node-canvas.ts', import.meta.url));

const FIGURE_NAMES = FIGURES.map((f) => f.name);
const OPTION_NAMES = [
  ...new Set(FIGURES.flatMap((f) => f.params.map((p) => `--${p.name}`))),
  '--out',
  '-o',
  '--format',
  '--figsize',
  '--dpi',
  '--threads',
  '--quiet',
  '--force',
  '--debug',
];
const JUNK_OPTIONS = ['--tua', '--', '-x', '--n=', '--help', '-h', '--version', '--out-dir'];

const TIMES = ['0', '-5ms', '0.05ms', '0.1ms', '1e-4 s', '2 ms', '5ms', '10.05ms', '50ms', '150ms', '200ms', '500us', '500µs', '0.3s'];
const NUMBERS = ['0', '1', '2', '3', '0.5', '-1', '-0', '1e2', '41', '100', '0.45', '1e308'];
const LISTS = ['10,11,50,60ms', '10,,11', '5,5ms', '0.01,0.02s', '-1,5ms', '10.05,20ms', '1,2,3'];
const WORDS = ['euler', 'exact', 'rk4', 'magic', 'alpha,alpha', 'exponential', 'ux', 'all', 'json', 'csv', 'gif', '8x5', '0x5', '8x', '1e3x1'];
const JUNK = ['10kg', 'ms', '1e', '--3', 'NaN', 'Infinity', '-Infinity', '', ' ', '1e400', '0x10', 'abc', 'stp', 'µ'];
// Output paths: always inside the run's folder ($DIR), or relative names that cannot be written.
const PATHS = ['$DIR/a.json', '$DIR/b.csv', '$DIR/sub/deep/c.json', '$DIR', '$DIR/x.xyz', '$DIR/noext', 'rel.xyz', ...(canRender ? ['$DIR/p.png'] : [])];
const FORMATS_WITH_RENDER = canRender ? ['png'] : [];

const value = fc.constantFrom(...TIMES, ...NUMBERS, ...LISTS, ...WORDS, ...JUNK, ...PATHS, ...FORMATS_WITH_RENDER);
const option = fc.constantFrom(...OPTION_NAMES, ...JUNK_OPTIONS);
const longOption = option.filter((o) => o.startsWith('--'));
const token = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(option, value).map(([o, v]) => [o, v]) },
  // `--out=x` form; only long options: commander reads `-o=x` as the value '=x', a relative path.
  { weight: 1, arbitrary: fc.tuple(longOption, value).map(([o, v]) => [`${o}=${v}`]) },
  { weight: 1, arbitrary: option.map((o) => [o]) },
  { weight: 1, arbitrary: value.map((v) => [v]) },
);
const command = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...FIGURE_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom('list', 'coincidnce', 'tuning', 'help', '--version', '--help', '') },
);
const argvArb = fc.tuple(command, fc.array(token, { maxLength: 6 })).map(([cmd, tokens]) => {
  const args = [cmd, ...tokens.flat()];
  // Never the tuning curve at full size: the last --n/--points win.
  if (cmd === 'tuning-curve') args.push('--n', '50', '--points', '3');
  return args;
});

/** Every file and folder under `dir`, relative to it. */
function entries(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

let runs = 0;
const exitCodes = new Map<number, number>();

describe('random command lines', () => {
  it('never throw, exit 0/1/2, one error line, no stray files', { timeout: 600_000 }, async () => {
    const cwdBefore = readdirSync(process.cwd()).sort();
    await fc.assert(
      fc.asyncProperty(argvArb, async (argv) => {
        const dir = join(root, `run-${runs++}`);
        mkdirSync(dir);
        // Every figure command writes into the run's folder unless a later --out says otherwise.
        const args = argv.map((a) => a.replaceAll('$DIR', dir));
        if (FIGURE_NAMES.includes(args[0])) args.splice(1, 0, '--out', join(dir, 'out.json'));

        const { io, stdout, stderr } = silentStreams();
        let code: number;
        try {
          code = await main(args, io);
        } catch (e) {
          throw new Error(`main() threw for ${JSON.stringify(args)}: ${String(e)}`, { cause: e });
        }
        const err = stderr();
        const context = `${JSON.stringify(args)}\n${err}`;

        expect([0, 1, 2], context).toContain(code);
        exitCodes.set(code, (exitCodes.get(code) ?? 0) + 1);
        if (!args.includes('--debug')) expect(err, context).not.toMatch(STACK_FRAME);
        const files = entries(dir);
        const temporary = files.filter((f) => f.endsWith('.tmp'));
        expect(temporary, context).toEqual([]);
        if (code !== 0) {
          expect(err.match(/^snn-figs: error: /gm), context).toHaveLength(1);
          expect(files, context).toEqual([]);
        } else {
          expect(err, context).not.toMatch(/error:/);
          // What was written is whole: JSON parses, CSV has its header.
          for (const f of files.filter((f) => f.endsWith('.json'))) JSON.parse(readFileSync(join(dir, f), 'utf8'));
          for (const f of files.filter((f) => f.endsWith('.csv'))) expect(readFileSync(join(dir, f), 'utf8')).toMatch(/^panel,series,x,y,y_err\n/);
          // A figure command that ended well wrote something, unless it printed help or the
          // version (commander takes --version anywhere) — the only things on stdout.
          if (FIGURE_NAMES.includes(args[0]) && stdout() === '') expect(files.length, context).toBeGreaterThan(0);
        }
      }),
      // SNN_FIGS_PROPERTY_RUNS=5000 for a longer hunt; a failure prints the seed and path to replay it.
      { numRuns: Number(process.env.SNN_FIGS_PROPERTY_RUNS ?? 600) },
    );
    console.log(`exit codes of ${runs} random command lines:`, Object.fromEntries([...exitCodes].sort()));
    // The generator must reach the simulation too, not only the parser's refusals.
    expect(exitCodes.get(0) ?? 0).toBeGreaterThan(runs / 20);
    // Nothing may escape the runs' folders: the working directory is as it was.
    expect(readdirSync(process.cwd()).sort()).toEqual(cwdBefore);
  });
});

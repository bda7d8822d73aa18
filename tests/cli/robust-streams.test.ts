/**
 * Standard streams that fail, for every command: a closed pipe (EPIPE) ends quietly with the
 * command's own exit code (0 for list and help), a full device (ENOSPC) or a closed
 * descriptor (EBADF) on stdout gives one line and exit 1, any failure of stderr gives silence;
 * never a stack trace. In-process with failing streams for the whole matrix, then the
 * issue's own examples in real processes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FIGURES } from '../../src/figures/registry.js';
import { ENTRY } from '../helpers/robust-cli.js';
import { STACK_FRAME } from '../helpers/stack-frame.js';

const dir = mkdtempSync(join(tmpdir(), 'snn-figs-streams-'));
// Smaller runs of the slowest figures (each command runs four times): the streams are under test.
// The others run at their default sizes, the longest of them in a worker thread.
const SMALL: Record<string, string[]> = {
  'tuning-curve': ['--n', '2', '--points', '2'],
  population: ['--points', '10', '--probe', '5'],
  'reaction-times': ['--repeats', '1000'],
};

/** Every command, with the exit code it has when its streams work. */
const COMMANDS: [string[], number][] = [
  [['list'], 0],
  [['--help'], 0],
  [['--version'], 0],
  [['help', 'coincidence'], 0],
  [['all', '--help'], 0],
  [[], 2],
  [['coincidence', '--tau', '0'], 2],
  [['nope'], 2],
  ...FIGURES.map((f): [string[], number] => [[f.name, '--help'], 0]),
  ...FIGURES.map((f): [string[], number] => [[f.name, ...(SMALL[f.name] ?? []), '--out', join(dir, `${f.name}.json`)], 0]),
];

/** A stream whose every write fails with `code`, and what was written to it before. */
function failing(code: string | undefined) {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      if (code) done(Object.assign(new Error(`write ${code}`), { code }));
      else {
        text += String(chunk);
        done();
      }
    },
  });
  return { stream, text: () => text };
}

describe('failing standard streams, every command', () => {
  for (const [argv, normal] of COMMANDS)
    for (const code of ['EPIPE', 'ENOSPC', 'EBADF'])
      it(`${argv.join(' ') || '(no arguments)'}: stdout ${code}`, async () => {
        const out = failing(code);
        const err = failing(undefined);
        const exit = await main(argv, { stdout: out.stream, stderr: err.stream });
        const wroteToStdout = out.stream.destroyed;
        if (code === 'EPIPE' || !wroteToStdout) {
          expect(exit).toBe(normal);
          expect(err.text()).not.toMatch(/cannot write to standard output/);
        } else {
          expect(exit).toBe(1);
          expect(err.text()).toMatch(/^snn-figs: error: cannot write to standard output: (no space left on the device|it is closed)\n$/);
        }
        expect(err.text()).not.toMatch(STACK_FRAME);
      });

  for (const [argv, normal] of COMMANDS)
    it(`${argv.join(' ') || '(no arguments)'}: stderr fails, stdout fine`, async () => {
      const out = failing(undefined);
      const err = failing('EPIPE');
      expect(await main(argv, { stdout: out.stream, stderr: err.stream })).toBe(normal);
    });

  it('both fail: the exit code still says what happened', async () => {
    expect(await main(['list'], { stdout: failing('ENOSPC').stream, stderr: failing('ENOSPC').stream })).toBe(1);
    expect(await main(['coincidence', '--tau', '0'], { stdout: failing('EPIPE').stream, stderr: failing('EPIPE').stream })).toBe(2);
  });
});

describe('real processes', () => {
  const bash = (script: string) =>
    spawnSync('bash', ['-c', script], { env: { ...process.env, CLI: `${process.execPath} ${ENTRY.join(' ')}` }, encoding: 'utf8', timeout: 30_000 });

  it('snn-figs list | head -c 10: quiet, exit 0', () => {
    const r = bash('$CLI list | head -c 10; exit ${PIPESTATUS[0]}');
    expect(r.stdout).toBe('Week 1: ne'); // list's first line: the first week's heading
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('snn-figs --help > /dev/full: one line, exit 1', () => {
    const r = bash('$CLI --help > /dev/full');
    expect(r.stderr).toBe('snn-figs: error: cannot write to standard output: no space left on the device\n');
    expect(r.status).toBe(1);
  });

  it('stdout and stderr closed (>&- 2>&-): the figure is still written, exit 0', () => {
    const out = join(dir, 'closed.json');
    const r = bash(`$CLI coincidence --out ${out} >&- 2>&-; echo "rc=$?" > ${out}.rc`);
    expect(r.status).toBe(0);
    expect(spawnSync('cat', [`${out}.rc`], { encoding: 'utf8' }).stdout).toBe('rc=0\n');
  });

  it('an error with stderr on a closed pipe: exit 2, no crash', () => {
    const r = bash('$CLI coincidence --tau 0 2>&1 >/dev/null | true; exit ${PIPESTATUS[0]}');
    expect(r.status).toBe(2);
  });
});

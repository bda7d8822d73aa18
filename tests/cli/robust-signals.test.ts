/**
 * Ctrl-C and SIGTERM at any moment: real runs are killed after a random delay (in the
 * simulation, the drawing or the writing) and must end promptly with 0 (finished first),
 * 130/143 or death by that signal, leave no temporary file and no empty folder, and leave the
 * output either as it was (an old file intact, mode kept) or whole and new. Then each phase
 * deterministically, in-process: a signal raised inside the write or inside a short drawing is
 * held until the file is whole, and an interrupted `all` names the files it wrote.
 *
 * SNN_FIGS_SIGNAL_RUNS sets the number of random kills (default 4).
 */
import fc from 'fast-check';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { Interrupted, uninterruptedWrite } from '../../src/cli/interrupt.js';
import { writeAtomic } from '../../src/io/write-atomic.js';
import { silentStreams } from '../helpers/streams.js';
import { entriesUnder, startCli } from '../helpers/robust-cli.js';
import { STACK_FRAME } from '../helpers/stack-frame.js';

const RUNS = Number(process.env.SNN_FIGS_SIGNAL_RUNS ?? 4);

// The renderer, replaceable per test so a signal can be raised while it draws.
const render = vi.hoisted(() => ({ during: undefined as undefined | (() => void) }));
vi.mock('../../src/render/node-canvas.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/render/node-canvas.js')>();
  return {
    ...real,
    renderFigure: (...args: Parameters<typeof real.renderFigure>) => {
      render.during?.();
      return real.renderFigure(...args);
    },
  };
});
// `all` draws in this thread, where the stand-in above raises the signal (on its worker
// threads, tests/cli/all-threads.test.ts).
vi.mock('../../src/workers/build.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/workers/build.js')>()),
  canQueueBuilds: () => false,
}));
beforeEach(() => {
  render.during = undefined;
});

const OLD = 'old figure';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

/** A run's output is absent, the old file intact, or a whole new file of its format. */
function expectWholeOrUntouched(path: string, hadOld: boolean) {
  if (!existsSync(path)) return expect(hadOld).toBe(false);
  const bytes = readFileSync(path);
  if (bytes.toString() === OLD) return;
  if (path.endsWith('.png')) expect(bytes.subarray(0, 4).equals(PNG)).toBe(true);
  if (path.endsWith('.json')) expect(() => JSON.parse(bytes.toString())).not.toThrow();
  if (hadOld) expect(statSync(path).mode & 0o777).toBe(0o600);
}

describe('random kills of real runs', () => {
  const COMMANDS: [args: (out: string) => string[], file: string][] = [
    [(d) => ['coincidence', '--duration', '60s', '--out', join(d, 'c.png')], 'c.png'],
    [(d) => ['tuning-curve', '--n', '3000', '--out', join(d, 't.json')], 't.json'],
    [(d) => ['stp', '--duration', '40s', '--out', join(d, 'new', 'deeper', 's.json')], 'new/deeper/s.json'],
  ];
  it(`${RUNS} runs killed at random moments leave no temporary file and nothing half-written`, { timeout: 60_000 + RUNS * 30_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: COMMANDS.length - 1 }),
        fc.integer({ min: 300, max: 4000 }),
        fc.constantFrom('SIGINT', 'SIGTERM'),
        fc.boolean(),
        async (which, delay, signal, hadOld) => {
          const dir = mkdtempSync(join(tmpdir(), 'snn-figs-kill-'));
          const [args, file] = COMMANDS[which];
          const out = join(dir, file);
          if (hadOld) {
            mkdirSync(join(out, '..'), { recursive: true });
            writeFileSync(out, OLD);
            chmodSync(out, 0o600);
          }
          const child = startCli(args(dir));
          let err = '';
          child.stderr.on('data', (d) => (err += String(d)));
          const exited = new Promise<[number | null, string | null]>((resolve) => child.on('exit', (code, sig) => resolve([code, sig])));
          await new Promise((resolve) => setTimeout(resolve, delay));
          const sent = Date.now();
          child.kill(signal);
          const [code, killedBy] = await exited;
          expect(Date.now() - sent, err).toBeLessThan(10_000);
          if (killedBy === null) expect([0, signal === 'SIGINT' ? 130 : 143], err).toContain(code);
          else expect(killedBy).toBe(signal);
          expect(err).not.toMatch(STACK_FRAME);
          expect(entriesUnder(dir).filter((e) => e.endsWith('.tmp'))).toEqual([]);
          expectWholeOrUntouched(out, hadOld);
          // A folder made for the file is there only with the file in it.
          if (!hadOld && !existsSync(out)) expect(entriesUnder(dir)).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('each phase, deterministically', () => {
  it('a signal during the write is held until the file is whole, then reported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snn-figs-held-'));
    const out = join(dir, 'a.json');
    const bytes = Buffer.alloc(1 << 20, 'x');
    const write = () => {
      process.kill(process.pid, 'SIGTERM');
      writeAtomic(out, bytes);
    };
    const failure = await uninterruptedWrite(out, write, ['before.json']).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Interrupted);
    expect((failure as Interrupted).exitCode).toBe(143);
    expect((failure as Interrupted).written).toEqual(['before.json', out]);
    expect(readFileSync(out).equals(bytes)).toBe(true);
    expect(entriesUnder(dir)).toEqual(['a.json']);
  });

  it('Ctrl-C while a figure is drawn: exit 130, no file, no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snn-figs-draw-'));
    render.during = () => process.kill(process.pid, 'SIGINT');
    const { io, stderr } = silentStreams();
    expect(await main(['coincidence', '--out', join(dir, 'c.png')], io)).toBe(130);
    expect(stderr()).toBe('snn-figs: interrupted; no file written\n');
    expect(entriesUnder(dir)).toEqual([]);
  });

  it('an interrupted `all` names the files it wrote before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snn-figs-all-'));
    let drawn = 0;
    render.during = () => {
      if (++drawn === 3) process.kill(process.pid, 'SIGINT');
    };
    const { io, stderr } = silentStreams();
    expect(await main(['all', '--out-dir', dir, '--format', 'png'], io)).toBe(130);
    expect(stderr()).toMatch(/^snn-figs: interrupted after writing 2 files \(the last: '.*psp-forms\.png'\); no file is half-written$/m);
    expect(entriesUnder(dir)).toEqual(['psp-abstraction.png', 'psp-forms.png']);
  });
});

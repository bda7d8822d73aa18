/**
 * Files are never damaged and never checked too late: an overwrite keeps the old file's mode
 * and owner, a symlinked output replaces its target and keeps the link, hard links are
 * named, folders are made one level at a time (Node's recursive mkdir never returns on
 * /proc), and every path problem is refused before any simulation.
 */
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { prepareOutputPath, writeAtomic } from '../../src/io/write-atomic.js';
import { entriesUnder, runCli, runMain } from '../helpers/robust-cli.js';

// Counts simulations: a refused path must not get that far.
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/figures/run.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/figures/run.js')>();
  return { ...real, simulateAndDraw: (...args: Parameters<typeof real.simulateAndDraw>) => (built.count++, real.simulateAndDraw(...args)) };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'snn-figs-files-'));
  built.count = 0;
});

const run = runMain;

describe('overwriting keeps what the old file had', () => {
  it('a 0600 file stays 0600 (not world-readable 0644)', async () => {
    const out = join(dir, 'm.json');
    writeFileSync(out, 'old');
    chmodSync(out, 0o600);
    expect((await run(['population', '--quiet', '--out', out])).code).toBe(0);
    expect(statSync(out).mode & 0o7777).toBe(0o600);
    expect(readFileSync(out, 'utf8')).toMatch(/^\{"figure":"population"/);
  });

  it("another user's file keeps its owner where the process may set it", () => {
    const out = join(dir, 'owned.json');
    writeFileSync(out, 'old');
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(out, 65534, 65534);
    writeAtomic(out, Buffer.from('new'));
    expect(statSync(out).uid).toBe(asRoot ? 65534 : process.getuid?.());
  });

  it('a symlink stays a link and its target gets the figure', async () => {
    const target = join(dir, 'real.json');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    const link = join(dir, 'link.json');
    symlinkSync('real.json', link);
    expect((await run(['population', '--quiet', '--out', link])).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real.json');
    expect(readFileSync(target, 'utf8')).toMatch(/"population"/);
    expect(statSync(target).mode & 0o7777).toBe(0o640);
    expect(entriesUnder(dir)).toEqual(['link.json', 'real.json']);
  });

  it('a symlink to nothing is refused before any work', async () => {
    symlinkSync('nowhere.json', join(dir, 'd.json'));
    const r = await run(['population', '--out', join(dir, 'd.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/symbolic link to nothing/);
    expect(built.count).toBe(0);
  });

  it('a hard link: this name gets the new figure, and a note says the other keeps the old one', async () => {
    const out = join(dir, 'a.json');
    writeFileSync(out, 'old');
    linkSync(out, join(dir, 'b.json'));
    const r = await run(['population', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/note: '.*a\.json' has 1 other hard link; it keeps the previous figure/);
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe('old');
  });
});

describe('paths are checked before any simulation', () => {
  const cases: [string, (d: string) => string[], RegExp][] = [
    ['a trailing slash', (d) => ['--out', `${d}/sub/`, '--format', 'png'], /ends in '\/'/],
    ['a name longer than 255 bytes', (d) => ['--out', join(d, `${'a'.repeat(300)}.json`)], /is 305 bytes; at most 255/],
    ['a path longer than 4096 bytes', (d) => ['--out', join(d, ...Array(40).fill('b'.repeat(120)), 'x.json')], /longer than 4096 bytes/],
    ['an unknown extension', (d) => ['--out', join(d, 'x.gif')], /cannot write '\.gif' files/],
    ['a folder', (d) => ['--out', d], /is a folder/],
    ['a pseudo file system (/proc, where mkdir -p never returns)', () => ['--out', '/proc/nope/x.png'], /pseudo file system/],
  ];
  for (const [what, args, message] of cases)
    it(what, async () => {
      const r = await run(['tuning-curve', '--n', '2', '--points', '1', ...args(dir)]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(built.count).toBe(0);
      expect(entriesUnder(dir)).toEqual([]);
    });

  it('--out /proc/nope/x.png ends at once in a child process too (no recursive mkdir)', () => {
    const r = runCli(['coincidence', '--out', '/proc/nope/x.png'], { timeoutMs: 15_000 });
    expect(r.timedOut).toBe(false);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^snn-figs: error: cannot write '\/proc\/nope\/x\.png': '\/proc' is on a pseudo file system/);
  });

  it('prepareOutputPath tells where a symlinked output really goes', () => {
    writeFileSync(join(dir, 't.json'), '');
    symlinkSync(join(dir, 't.json'), join(dir, 'l.json'));
    expect(prepareOutputPath(join(dir, 'l.json')).path).toBe(join(dir, 't.json'));
  });

  it('writeAtomic makes missing folders one level at a time and removes them on failure', () => {
    mkdirSync(join(dir, 'a'));
    writeAtomic(join(dir, 'a', 'b', 'c', 'x.json'), Buffer.from('1'));
    expect(entriesUnder(dir)).toEqual(['a', 'a/b', 'a/b/c', 'a/b/c/x.json']);
    expect(() => writeAtomic(join(dir, 'n', 'm', 'y.json'), { length: 3 } as unknown as Uint8Array)).toThrow();
    expect(entriesUnder(dir)).toEqual(['a', 'a/b', 'a/b/c', 'a/b/c/x.json']);
  });
});

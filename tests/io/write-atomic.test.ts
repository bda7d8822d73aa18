/**
 * Safe writes: a figure appears whole or not at all. A failure — while writing, while
 * renaming, in the renderer, or a NaN result — leaves an existing file untouched, no
 * temporary file and no folder made for it; unusable output paths are refused before any work.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { OutputPathError, prepareOutputPath, writeAtomic } from '../../src/io/write-atomic.js';
import { silentStreams } from '../helpers/streams.js';
import { STACK_FRAME } from '../helpers/stack-frame.js';

// The renderer, replaceable per test so a failure can be staged at the last moment.
const render = vi.hoisted(() => ({ impl: undefined as undefined | ((path: string) => Buffer) }));
vi.mock('../../src/render/node-canvas.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/render/node-canvas.js')>();
  return {
    ...real,
    renderFigure: (...args: Parameters<typeof real.renderFigure>) => (render.impl ? render.impl('') : real.renderFigure(...args)),
  };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'snn-figs-write-'));
  render.impl = undefined;
});

/** Every file under a folder (temporary ones included), relative to it. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}

/** Bytes that make writeSync throw half-way: a write failing after the temporary file exists. */
const POISON = { length: 10 } as unknown as Uint8Array;

describe('writeAtomic', () => {
  it('writes the bytes and leaves nothing else', () => {
    const out = join(dir, 'a.json');
    writeAtomic(out, Buffer.from('{"ok":1}\n'));
    expect(readFileSync(out, 'utf8')).toBe('{"ok":1}\n');
    expect(filesUnder(dir)).toEqual(['a.json']);
  });

  it('replaces an existing file whole', () => {
    const out = join(dir, 'a.json');
    writeFileSync(out, 'old');
    writeAtomic(out, Buffer.from('new'));
    expect(readFileSync(out, 'utf8')).toBe('new');
    expect(filesUnder(dir)).toEqual(['a.json']);
  });

  it('creates missing parent folders', () => {
    const out = join(dir, 'x', 'y', 'a.csv');
    writeAtomic(out, Buffer.from('1'));
    expect(readFileSync(out, 'utf8')).toBe('1');
  });

  it('a failure while writing leaves the existing file untouched and no temporary file', () => {
    const out = join(dir, 'a.json');
    writeFileSync(out, 'old');
    expect(() => writeAtomic(out, POISON)).toThrow();
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(filesUnder(dir)).toEqual(['a.json']);
  });

  it('a failure removes the folders it created for the file', () => {
    expect(() => writeAtomic(join(dir, 'new', 'deeper', 'a.json'), POISON)).toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a failed rename (the target is a folder) removes the temporary file', () => {
    const out = join(dir, 'a.json');
    mkdirSync(out);
    writeFileSync(join(out, 'inside'), 'keep');
    expect(() => writeAtomic(out, Buffer.from('x'))).toThrow();
    expect(filesUnder(dir)).toEqual([join('a.json', 'inside')]);
  });
});

describe('prepareOutputPath refuses before any work', () => {
  it('a folder', () => {
    expect(() => prepareOutputPath(dir)).toThrow(/is a folder/);
  });
  it('a path through a file', () => {
    writeFileSync(join(dir, 'f'), '');
    expect(() => prepareOutputPath(join(dir, 'f', 'a.json'))).toThrow(/is a file, not a folder/);
  });
  it('a device', () => {
    expect(() => prepareOutputPath('/dev/null')).toThrow(/not a regular file/);
  });
  it('accepts missing folders without creating them', () => {
    prepareOutputPath(join(dir, 'x', 'y', 'a.json'));
    expect(readdirSync(dir)).toEqual([]);
  });
  // root may write anywhere, so a read-only folder only stops other users.
  it('a folder without write permission', () => {
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    try {
      if (process.getuid?.() !== 0) {
        expect(() => prepareOutputPath(join(ro, 'a.json'))).toThrow(OutputPathError);
        expect(() => prepareOutputPath(join(ro, 'a.json'))).toThrow(/permission denied/);
      } else {
        // Root may write anywhere: ask as user nobody, through the built module (make test builds dist/).
        const built = new URL('../../dist/io/write-atomic.js', import.meta.url).href;
        const script = `import(${JSON.stringify(built)}).then(m => { try { m.prepareOutputPath(${JSON.stringify(join(ro, 'a.json'))}); console.log('accepted'); } catch (e) { console.log(e.constructor.name + ': ' + e.message); } })`;
        chmodSync(dir, 0o755);
        const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { uid: 65534, gid: 65534, encoding: 'utf8' });
        expect(r.stdout + r.stderr).toMatch(/OutputPathError: .*permission denied/);
      }
    } finally {
      chmodSync(ro, 0o755);
    }
  });
});

describe('through the CLI', () => {
  async function run(args: string[]) {
    const { io, stderr } = silentStreams();
    const code = await main(args, io);
    return { code, err: stderr() };
  }

  function expectOneLineError(err: string) {
    expect(err.match(/^snn-figs: error: /gm)).toHaveLength(1);
    expect(err).not.toMatch(STACK_FRAME);
  }

  it('a renderer that fails mid-way: exit 1, one line, the old file untouched, no temporary file', async () => {
    const out = join(dir, 'c.png');
    writeFileSync(out, 'old');
    render.impl = () => {
      throw new Error('canvas exploded\nwith a second line');
    };
    const r = await run(['coincidence', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/error: cannot draw the PNG: canvas exploded$/m);
    expectOneLineError(r.err);
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(filesUnder(dir)).toEqual(['c.png']);
  });

  it('--debug adds the stack trace of the failure', async () => {
    render.impl = () => {
      throw new Error('canvas exploded');
    };
    const r = await run(['coincidence', '--out', join(dir, 'c.png'), '--debug']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/caused by: Error: canvas exploded\n\s+at /);
  });

  it('a target that turns into a folder while the figure is made: exit 1, no temporary file', async () => {
    const out = join(dir, 'late.png');
    render.impl = () => {
      mkdirSync(out);
      writeFileSync(join(out, 'inside'), 'keep');
      return Buffer.from('png');
    };
    const r = await run(['coincidence', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/error: cannot write '.*late\.png': it is a folder; no file written/);
    expectOneLineError(r.err);
    expect(filesUnder(dir)).toEqual([join('late.png', 'inside')]);
  });

  it('a result with Infinity in it is not written: exit 1, the old file untouched', async () => {
    const out = join(dir, 'c.json');
    writeFileSync(out, 'old');
    const r = await run(['coincidence', '--w', '1e308', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/produced Infinity/);
    expectOneLineError(r.err);
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(filesUnder(dir)).toEqual(['c.json']);
  });

  it('creates missing folders for a run that succeeds, and none for one that is refused', async () => {
    expect((await run(['coincidence', '--tau', '0', '--out', join(dir, 'no', 'c.json')])).code).toBe(2);
    expect(existsSync(join(dir, 'no'))).toBe(false);
    expect((await run(['coincidence', '--quiet', '--out', join(dir, 'yes', 'c.json')])).code).toBe(0);
    expect(filesUnder(dir)).toEqual([join('yes', 'c.json')]);
  });
});

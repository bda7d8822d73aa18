/**
 * The surfaces added last round, tried as a hostile user would: explorer pages and the explorer
 * app (options a page cannot honour, sizes no page can draw, a file in the folder's way), and
 * names holding control characters (shown written out, never sent raw to the terminal).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { printable } from '../../src/api/errors.js';
import { linkWarnings, parseHash } from '../../src/explore/hash.js';
import { parseQuantity } from '../../src/options/quantity.js';
import { runMain } from '../helpers/robust-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'snn-figs-surfaces-'));
const REPO = join(import.meta.dirname, '..', '..');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a page is written only for what a page can draw', () => {
  const page = join(dir, 'page.html');
  const CASES: [string[], RegExp][] = [
    [['--dpi', '1e5'], /^snn-figs: error: --dpi must be between 10 and 1200, got 100000\n$/],
    [['--figsize', '1e-300x2'], /^snn-figs: error: --figsize × dpi gives fewer than 50 pixels on a side\n$/],
    [['--figsize', '200x2'], /^snn-figs: error: --figsize must be at most 100x100 inches/],
    [['--context', 'talk'], /^snn-figs: error: --context applies to PNG, SVG and PDF files; a page draws with the notebook's style\nhint: /],
    [['--font-scale', '2'], /^snn-figs: error: --font-scale applies to PNG, SVG and PDF files/],
    [['--transparent'], /^snn-figs: error: --transparent applies to PNG, SVG and PDF files/],
  ];
  for (const [args, message] of CASES)
    it(`lif ${args.join(' ')} --out page.html: exit 2, nothing written`, async () => {
      const r = await runMain(['lif', ...args, '--out', page]);
      expect(r.err).toMatch(message);
      expect(r.code).toBe(2);
      expect(existsSync(page)).toBe(false);
    });

  it('a size the PNG path accepts starts the page there', async () => {
    const r = await runMain(['lif', '--figsize', '4x3', '--dpi', '300', '--out', page]);
    expect(r).toEqual({ code: 0, out: '', err: `wrote ${page}\n` });
  });
});

describe('explore --out-dir', () => {
  it('a file in the folder’s place is the caller’s mistake: exit 2 before anything is made', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'mine');
    const r = await runMain(['explore', '--out-dir', join(file, 'app')]);
    expect(r.err).toBe(`snn-figs: error: cannot write '${join(file, 'app', 'explore.js')}': '${file}' is a file, not a folder\n`);
    expect(r.code).toBe(2);
  });
});

describe('names with control characters', () => {
  it('are written byte for byte and shown written out', async () => {
    const name = 'a\nb\x1b[31m\u202e.json';
    const out = join(dir, name);
    const r = await runMain(['lif', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`wrote ${join(dir, 'a\\nb\\x1b[31m\\u202e.json')}\n`);
    expect(readdirSync(dir)).toContain(name);
  });

  it('in an error message too: its lines intact, no escape sequence', async () => {
    // No extension: the message quotes the name.
    const r = await runMain(['lif', '--out', join(dir, 'x\x1b]0;title\x07\ny')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("x\\x1b]0;title\\x07\\ny'");
    expect(r.err).not.toMatch(/[\x00-\x09\x0b-\x1f]/);
    const lines = r.err.trimEnd().split('\n');
    expect(lines.map((l) => l.split(':')[0])).toEqual(['snn-figs', 'hint']);
  });

  it('printable writes out C0, C1, DEL and the bidirectional overrides, and keeps the rest', () => {
    expect(printable('τ = 5 ms, 50 µA\x00\x7f\x85\u2066')).toBe('τ = 5 ms, 50 µA\\x00\\x7f\\x85\\u2066');
  });
});

describe("a page's URL hash and messages", () => {
  it('a malformed escape in the hash is kept as typed (the option then refuses it in words), not a page that fails to start', () => {
    expect(parseHash('#lif&tau=%ZZ&w=0.5%')).toEqual({
      figure: 'lif',
      entries: [
        ['tau', '%ZZ'],
        ['w', '0.5%'],
      ],
      bare: [],
    });
    expect(parseHash('#lif&tau=8%20ms')).toEqual({ figure: 'lif', entries: [['tau', '8 ms']], bare: [] });
  });

  it("what a link holds that the figure cannot take is named in the CLI's words, never dropped silently", () => {
    const { entries, bare } = parseHash('#lif&nope=1&tau&w=0.5');
    expect(bare).toEqual(['tau']);
    expect(linkWarnings(new Set(['tau', 'w', 'figsize', 'dpi']), entries, bare)).toEqual([
      "unknown option '--nope' in the link; ignored",
      "option '--tau' in the link has no value; ignored",
    ]);
    // A hostile name is written out and cut, not echoed whole.
    const [long] = linkWarnings(new Set(), [[`x\u202e${'y'.repeat(100_000)}`, '1']], []);
    expect(long.length).toBeLessThan(200);
    expect(long).toContain('\\u202e');
  });

  it('a value with a bidirectional override or a control character is shown written out in the message (a page shows it as text)', () => {
    const e = (() => {
      try {
        parseQuantity('\u202e5ms\x1b', 'time');
      } catch (x) {
        return x as Error;
      }
      throw new Error('not refused');
    })();
    expect(e.message).toContain("got '\\u202e5ms\\x1b'");
  });
});

describe('non-UTF-8 names on the new surfaces', () => {
  // Raw bytes reach only a real process's argv (/proc/self/cmdline): through bash, on the build.
  for (const [what, args, option] of [
    ['a page', `lif --out $'${dir}/pages/p\\xff.html'`, 'out'],
    ['the explorer app', `explore --out-dir $'${dir}/pages/app\\xfe'`, 'out-dir'],
  ] as const)
    it(`${what}: refused, not written with U+FFFD`, () => {
      mkdirSync(join(dir, 'pages'), { recursive: true });
      const r = spawnSync('bash', ['-c', `exec "${process.execPath}" bin/snn-figs ${args}`], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
      expect(r.stderr).toMatch(new RegExp(`^snn-figs: error: --${option} '.*\uFFFD[^']*' is not valid UTF-8`));
      expect(r.status).toBe(2);
      expect(readdirSync(join(dir, 'pages'))).toEqual([]);
    });
});

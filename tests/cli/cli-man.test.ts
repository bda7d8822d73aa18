/**
 * The manual page: written from the program and the registry, declared in package.json's `man`
 * and shipped in `files`; `man -l` renders it without a warning, with every command, figure and
 * option in it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { manPage } from '../../src/cli/man-page.js';
import { FIGURES, WEEKS } from '../../src/figures/registry.js';
import { silentStreams } from '../helpers/streams.js';

const repo = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string; man: string; files: string[]; scripts: Record<string, string> };
const program = buildProgram(silentStreams().io);

function rendered(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'snn-figs-man-')), 'snn-figs.1');
  writeFileSync(path, manPage(program, pkg.version));
  const r = spawnSync('man', ['-l', path], {
    encoding: 'utf8',
    env: { ...process.env, MANWIDTH: '80', MAN_KEEP_FORMATTING: '', LANG: 'C.UTF-8', MANPAGER: 'cat', PAGER: 'cat' },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  // Hyphens and line-end hyphenation as man prints them, back to plain text.
  return r.stdout.replace(/‐\n\s*/g, '').replace(/[‐−]/g, '-');
}

describe('the man page', () => {
  it('is built into dist/man and declared and shipped by package.json', () => {
    expect(pkg.man).toBe('./dist/man/snn-figs.1');
    expect(pkg.files).toContain('dist/man/*.1');
    expect(pkg.scripts.build).toContain('scripts/build-man.mjs');
  });

  it('renders with man -l: every command, week, figure and option', () => {
    const text = rendered();
    expect(text).toMatch(/^SNN-FIGS\(1\)/);
    for (const section of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'COMMANDS', 'FIGURE OPTIONS', 'FIGURES', 'EXIT STATUS', 'EXAMPLES'])
      expect(text).toContain(`\n${section}\n`);
    for (const { week, topic } of WEEKS) expect(text).toContain(`Week ${week}: ${topic}`);
    for (const cmd of program.commands) {
      expect(text).toContain(cmd.name());
      for (const o of cmd.options) expect(text, `${cmd.name()} ${o.long}`).toContain(o.long);
    }
    for (const f of FIGURES) for (const v of f.variants) expect(text).toContain(v.name);
  });
});

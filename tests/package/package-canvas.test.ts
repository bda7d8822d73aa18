/**
 * Nothing needs canvas unless it draws. A module-resolution hook (tests/helpers/fake-canvas.mjs)
 * makes every import of 'canvas' fail as it does where canvas is missing or not built; the
 * CLI and the library then still write JSON and CSV, and an image stops with one line that
 * gives the remedy, exit 1, and no file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CANVAS_DEBIAN_PACKAGES } from '../../src/api/canvas.js';
import { ENTRY } from '../helpers/robust-cli.js';

const repo = resolve(import.meta.dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'snn-figs-no-canvas-'));
const APT = `sudo apt-get install -y ${CANVAS_DEBIAN_PACKAGES.join(' ')}`;

/** The built CLI, with canvas made to fail in the given way. */
function cli(mode: 'missing' | 'unbuilt', args: string[]) {
  const hook = join(repo, 'tests', 'helpers', 'fake-canvas.mjs');
  return spawnSync(process.execPath, ['--import', hook, ...ENTRY, ...args], {
    cwd: repo,
    env: { ...process.env, FAKE_CANVAS: mode },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe.each(['missing', 'unbuilt'] as const)('canvas %s', (mode) => {
  it.each(['json', 'csv'])('writes %s', (format) => {
    const file = join(out, `${mode}.${format}`);
    const r = cli(mode, ['coincidence', '--out', file]);
    expect(r.stderr).toBe(`wrote ${file}\n`);
    expect(r.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(format === 'json' ? /^\{"figure":"coincidence"/ : /^panel,series,x,y,y_err\n/);
  });

  it.each(['png', 'svg', 'pdf'])('refuses %s in one line with the remedy, writing nothing', (format) => {
    const file = join(out, `${mode}.${format}`);
    const r = cli(mode, ['coincidence', '--out', file]);
    // In a checkout: the libraries, then npm's own step (a missing canvas comes back with npm ci).
    const why = mode === 'missing' ? 'is not installed' : 'is not built for this Node.js (its install script was not approved, or failed)';
    const fix = mode === 'missing' ? 'npm ci' : 'npm rebuild canvas';
    expect(r.stderr).toBe(
      `snn-figs: error: cannot draw the ${format.toUpperCase()}: the native module canvas ${why}; fix: ${APT} && ${fix} (JSON and CSV work without it)\n`,
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(existsSync(file)).toBe(false);
  });
});

describe('the library without canvas', () => {
  it('builds and serialises JSON; an image rejects with CanvasUnavailableError and its remedy', () => {
    const hook = join(repo, 'tests', 'helpers', 'fake-canvas.mjs');
    const script = [
      "import { buildFigure, renderFigure, CanvasUnavailableError } from './dist/index.js';",
      "const data = await buildFigure('stp', { depU: 0.6, duration: '400ms' });",
      "console.log(JSON.parse(Buffer.from(await renderFigure(data, 'json')).toString()).params['dep-u']);",
      "try { await renderFigure(data, 'svg'); } catch (e) { console.log(e instanceof CanvasUnavailableError, e.remedy); }",
    ].join('\n');
    const r = spawnSync(process.execPath, ['--import', hook, '--input-type=module', '-e', script], {
      cwd: repo,
      env: { ...process.env, FAKE_CANVAS: 'unbuilt' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`0.6\ntrue ${APT} && npm rebuild canvas\n`);
  });
});

describe('the Debian packages in the remedy', () => {
  it('are the ones scripts/setup.sh installs for canvas', () => {
    const setup = readFileSync(join(repo, 'scripts', 'setup.sh'), 'utf8');
    expect(setup).toContain(`packages=(${CANVAS_DEBIAN_PACKAGES.join(' ')})\n`);
  });
});

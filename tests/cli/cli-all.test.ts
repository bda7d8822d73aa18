/**
 * `snn-figs all` simulates each distinct simulation once: a slide variant that changes only
 * plot-only parameters or the figure size is drawn from its figure's simulation (stp once for
 * its four outputs, psp-forms once for its three), and every variant is still written.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseParams } from '../../src/options/parse.js';
import { FIGURES, WEEKS } from '../../src/figures/registry.js';
import type { FigureJson } from '../../src/export/index.js';
import type { FigureData } from '../../src/data/types.js';
import { silentStreams } from '../helpers/streams.js';

/** A one-line figure, standing in for a simulation where only the files written matter. */
const TINY = (figure: string): FigureData => ({
  figure,
  params: {},
  paramUnits: {},
  layout: { rows: 1, cols: 1 },
  panels: [{ id: 'p', marks: [{ kind: 'plot', id: 'm', x: [0, 1], y: [0, 1] }] }],
});

// Every build in this thread, so the spies below see each simulation: a long run would go to a
// worker thread (src/workers/build.ts), whose cache is the same SimulationCache logic.
vi.mock('../../src/workers/build.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/workers/build.js')>();
  return {
    ...real,
    buildStoppable: (...[fig, params, ctx, estimate]: Parameters<typeof real.buildStoppable>) =>
      real.buildStoppable(fig, params, ctx, { ...estimate, seconds: 0 }),
  };
});

afterEach(() => vi.restoreAllMocks());

describe('snn-figs all', () => {
  it('writes each format once: --format json,json is json', { timeout: 120_000 }, async () => {
    for (const fig of FIGURES) vi.spyOn(fig, 'simulate').mockResolvedValue({ draw: () => TINY(fig.name) });
    const dir = mkdtempSync(join(tmpdir(), 'snn-figs-all-'));
    const { io, stderr } = silentStreams();
    expect(await main(['all', '--out-dir', dir, '--format', 'json,json'], io)).toBe(0);
    const wrote = stderr()
      .split('\n')
      .filter((l) => l.startsWith('wrote '));
    expect(new Set(wrote).size).toBe(wrote.length);
    expect(wrote.length).toBe(readdirSync(dir).length);
  });

  it('simulates each figure once for all its variants and formats', { timeout: 120_000 }, async () => {
    const calls = new Map<string, number>();
    for (const fig of FIGURES) {
      const original = fig.simulate.bind(fig);
      vi.spyOn(fig, 'simulate').mockImplementation((p, ctx) => {
        calls.set(fig.name, (calls.get(fig.name) ?? 0) + 1);
        // The tuning curve at its defaults is a benchmark: simulate a small population instead.
        return original(fig.name === 'tuning-curve' ? { ...p, n: 200, points: 5 } : p, ctx);
      });
    }
    const dir = mkdtempSync(join(tmpdir(), 'snn-figs-all-'));
    const { io, stderr } = silentStreams();
    const code = await main(['all', '--out-dir', dir, '--format', 'json,csv', '--quiet', '--threads', '1'], io);
    expect(code, stderr()).toBe(0);

    // Once per distinct simulation: variants that only re-plot share their figure's (stp, psp-forms);
    // variants with other model inputs (the walks' n and draws) are simulations of their own.
    const distinct = (f: (typeof FIGURES)[number]) =>
      new Set(
        [
          {},
          ...f.variants.map((v) =>
            Object.fromEntries(v.args.flatMap((a, k) => (a.startsWith('--') && a !== '--figsize' ? [[a.slice(2), v.args[k + 1]]] : []))),
          ),
        ].map((given) => f.simulationKey(parseParams(f, given).params)),
      ).size;
    expect(Object.fromEntries(calls)).toEqual(Object.fromEntries(FIGURES.map((f) => [f.name, distinct(f)])));
    expect(distinct(FIGURES.find((f) => f.name === 'stp')!)).toBe(1);
    const names = FIGURES.flatMap((f) => [f.name, ...f.variants.map((v) => v.name)]);
    expect(names).toEqual(expect.arrayContaining(['stp-depression', 'stp-facilitation', 'stp-ux', 'psp-forms-exponential', 'psp-forms-alpha']));
    expect(readdirSync(dir).sort()).toEqual(names.flatMap((n) => [`${n}.csv`, `${n}.json`]).sort());

    // The variants are drawn from the shared simulation: the same curves, fewer of them.
    const read = (name: string) => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as FigureJson;
    const series = (d: FigureJson) => Object.fromEntries(d.panels.flatMap((p) => p.series.map((s) => [`${p.id}/${s.id}`, s.y])));
    const stp = series(read('stp'));
    expect(series(read('stp-ux'))).toEqual({
      'depression-ux/u': stp['depression-ux/u'],
      'depression-ux/x': stp['depression-ux/x'],
      'facilitation-ux/u': stp['facilitation-ux/u'],
      'facilitation-ux/x': stp['facilitation-ux/x'],
    });
    expect(series(read('psp-forms-alpha'))).toEqual({
      'psp-forms/exponential': series(read('psp-forms'))['psp-forms/exponential'],
      'psp-forms/alpha': series(read('psp-forms'))['psp-forms/alpha'],
    });
    expect(read('stp-depression').params.panels).toBe('depression');
  });

  it('simulates again when a parameter the simulation depends on differs', async () => {
    const stp = FIGURES.find((f) => f.name === 'stp')!;
    const base = { panels: 'all', dt: 1e-4 };
    const defaults = Object.fromEntries(stp.params.map((s) => [s.name, s.default]));
    expect(stp.simulationKey({ ...defaults, ...base })).toBe(stp.simulationKey({ ...defaults, ...base, panels: 'ux' }));
    expect(stp.simulationKey({ ...defaults, ...base })).not.toBe(stp.simulationKey({ ...defaults, ...base, dt: 2e-4 }));
  });
});

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(path: string): [number, number] {
  const b = readFileSync(path);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('snn-figs all: size and selection', () => {
  it('--week 1 --dpi 300 --figsize 16x9 writes exactly week 1 figures, each 4800×2700 pixels', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snn-figs-week1-'));
    const { io, stderr } = silentStreams();
    const code = await main(['all', '--week', '1', '--dpi', '300', '--figsize', '16x9', '--out-dir', dir, '--quiet'], io);
    expect(code, stderr()).toBe(0);
    const week1 = WEEKS.find((w) => w.week === 1)!.figures.flatMap((f) => [f.name, ...f.variants.map((v) => v.name)]);
    expect(week1).toContain('hodgkin-huxley');
    expect(readdirSync(dir).sort()).toEqual(week1.map((n) => `${n}.png`).sort());
    for (const name of week1) expect(pngSize(join(dir, `${name}.png`)), name).toEqual([4800, 2700]);
  });

  it('--only takes figures and variants by name; --figsize replaces a variant’s own size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snn-figs-only-'));
    const { io, stderr } = silentStreams();
    const code = await main(['all', '--only', 'stp-ux,lif', '--week', '9', '--figsize', '4x3', '--dpi', '50', '--out-dir', dir, '--quiet'], io);
    expect(code, stderr()).toBe(0);
    const week9 = WEEKS.find((w) => w.week === 9)!.figures.flatMap((f) => [f.name, ...f.variants.map((v) => v.name)]);
    expect(readdirSync(dir).sort()).toEqual(['stp-ux', 'lif', ...week9].map((n) => `${n}.png`).sort());
    // stp-ux declares --figsize 8x2.9; the command line's wins.
    expect(pngSize(join(dir, 'stp-ux.png'))).toEqual([200, 150]);
  });

  it.each([
    [['--only', 'lfi'], "snn-figs: error: --only: no figure or variant 'lfi'\nhint: 'snn-figs list' shows the names\n"],
    [['--week', '3'], "snn-figs: error: --week expects course weeks among 1, 2, 4, 7, 9, got '3'\n"],
    [['--week', ','], 'snn-figs: error: --week expects a comma-separated list, got nothing\n'],
    [['--figsize', '16by9'], /^snn-figs: error: --figsize /],
    [['--dpi', '5000'], /^snn-figs: error: --dpi must be between 10 and 1200, got 5000\n$/],
  ])('%j is refused before anything is written (exit 2)', async (args, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'snn-figs-bad-'));
    const { io, stderr } = silentStreams();
    expect(await main(['all', '--out-dir', dir, ...args], io)).toBe(2);
    if (typeof message === 'string') expect(stderr()).toBe(message);
    else expect(stderr()).toMatch(message);
    expect(readdirSync(dir)).toEqual([]);
  });
});

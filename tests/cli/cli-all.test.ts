/**
 * Every figure and slide variant through the real CLI, built once: one `snn-figs all` in every
 * format (as `make figures` runs it) feeds all the checks that need the whole course.
 * - Each file is what its extension says, and images have the notebook's size (figsize × dpi,
 *   or × 72 pt); JSON and CSV hold the same samples.
 * - Golden SVG and JSON snapshots (helpers/snapshots.ts has the review workflow).
 * - `all` simulates each distinct simulation once: a slide variant that changes only plot-only
 *   parameters or the figure size is drawn from its figure's simulation (stp once for its four
 *   outputs, psp-forms once for its three), and every variant is still written.
 * - A figure's own command writes the same bytes as `all`, for a sample of figures and variants.
 * - A figure's data never depends on what ran before it in the process: every JSON file `all`
 *   wrote (each figure after all the ones before it) equals its build in a fresh module graph,
 *   which holds what a new process holds (no names taken, no simulation cached). And every
 *   panel's marks have ids of their own.
 * - `all --week/--only/--figsize/--dpi` select and size what it writes (runs of their own).
 * A figure or variant added to the registry is covered without touching this file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseParams } from '../../src/options/parse.js';
import { FIGURES, WEEKS } from '../../src/figures/registry.js';
import type { FigureJson } from '../../src/export/index.js';
import { checkSnapshot, normaliseJson, normaliseSvg } from '../helpers/snapshots.js';
import { silentStreams } from '../helpers/streams.js';

// Every build in this thread, so the spies below see each simulation: `all` queues them on a
// worker thread (src/workers/build.ts), whose cache is the same SimulationCache logic.
vi.mock('../../src/workers/build.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/workers/build.js')>();
  return {
    ...real,
    canQueueBuilds: () => false,
    buildStoppable: (...[fig, params, ctx, estimate]: Parameters<typeof real.buildStoppable>) =>
      real.buildStoppable(fig, params, ctx, { ...estimate, seconds: 0 }),
  };
});

const FORMATS = ['png', 'svg', 'pdf', 'json', 'csv'] as const;
const work = mkdtempSync(join(tmpdir(), 'snn-figs-all-'));
const dir = join(work, 'all');
const small = join(work, 'small');

const runs = FIGURES.flatMap((f) => [
  { name: f.name, figure: f.name, args: [] as string[], figsize: f.figsize, dpi: f.dpi },
  ...f.variants.map((v) => {
    const k = v.args.indexOf('--figsize');
    const figsize = k >= 0 ? (v.args[k + 1].split('x').map(Number) as [number, number]) : f.figsize;
    return { name: v.name, figure: f.name, args: v.args, figsize, dpi: f.dpi };
  }),
]);
const names = runs.map((r) => r.name);

// Figures whose defaults draw 2 × 25 traces of 10 000 samples (about 40 MB of SVG and JSON):
// their golden files are made from fewer, shorter trials.
const SMALL: Record<string, string[]> = {
  'reliable-spike-timing': ['--trials', '3', '--duration', '150ms'],
  'reliable-spike-timing-non-leaky': ['--trials', '3', '--duration', '150ms'],
};

async function cli(args: string[]): Promise<void> {
  const { io, stderr } = silentStreams();
  const code = await main([...args, '--quiet'], io);
  expect(code, stderr()).toBe(0);
}

const simulations = new Map<string, number>();

beforeAll(async () => {
  for (const fig of FIGURES) {
    const original = fig.simulate.bind(fig);
    vi.spyOn(fig, 'simulate').mockImplementation((p, ctx) => {
      simulations.set(fig.name, (simulations.get(fig.name) ?? 0) + 1);
      return original(p, ctx);
    });
  }
  await cli(['all', '--out-dir', dir, '--format', FORMATS.join(',')]);
  vi.restoreAllMocks();
  for (const [name, args] of Object.entries(SMALL)) for (const ext of ['svg', 'json']) await cli([name, ...args, '--out', join(small, `${name}.${ext}`)]);
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const read = (name: string) => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as FigureJson;

describe('snn-figs all', () => {
  it('writes every figure and variant in each asked format, and nothing else', () => {
    expect(readdirSync(dir).sort()).toEqual(names.flatMap((n) => FORMATS.map((ext) => `${n}.${ext}`)).sort());
  });

  it('simulates each figure once for all its variants and formats', () => {
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
    expect(Object.fromEntries(simulations)).toEqual(Object.fromEntries(FIGURES.map((f) => [f.name, distinct(f)])));
    expect(distinct(FIGURES.find((f) => f.name === 'stp')!)).toBe(1);
    expect(names).toEqual(expect.arrayContaining(['stp-depression', 'stp-facilitation', 'stp-ux', 'psp-forms-exponential', 'psp-forms-alpha']));
  });

  it('draws the variants from the shared simulation: the same curves, fewer of them', () => {
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

  it('simulates again when a parameter the simulation depends on differs', () => {
    const stp = FIGURES.find((f) => f.name === 'stp')!;
    const base = { panels: 'all', dt: 1e-4 };
    const defaults = Object.fromEntries(stp.params.map((s) => [s.name, s.default]));
    expect(stp.simulationKey({ ...defaults, ...base })).toBe(stp.simulationKey({ ...defaults, ...base, panels: 'ux' }));
    expect(stp.simulationKey({ ...defaults, ...base })).not.toBe(stp.simulationKey({ ...defaults, ...base, dt: 2e-4 }));
  });
});

function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe.each(runs)('$name in every format', ({ name, figure, figsize, dpi }) => {
  it('png at figsize × dpi', () => {
    expect(pngSize(readFileSync(join(dir, `${name}.png`)))).toEqual([Math.round(figsize[0] * dpi), Math.round(figsize[1] * dpi)]);
  });

  it('svg with a figsize × 72 pt page and no bitmap', () => {
    const svg = readFileSync(join(dir, `${name}.svg`), 'utf8');
    expect(svg).toMatch(/<svg[^>]*>/);
    expect(svg).not.toMatch(/<image/);
    const width = /<svg[^>]*\swidth="([\d.]+)(pt)?"/.exec(svg)!;
    expect(Number(width[1])).toBeCloseTo(figsize[0] * 72, 0);
  });

  it('pdf, one page', () => {
    const pdf = readFileSync(join(dir, `${name}.pdf`)).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  });

  it('json and csv hold the same samples', () => {
    const data = read(name);
    expect(data.figure).toBe(figure);
    const lines = readFileSync(join(dir, `${name}.csv`), 'utf8')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('panel,series,x,y,y_err');
    const samples = data.panels.flatMap((p) => p.series).reduce((n, s) => n + s.x.length, 0);
    expect(lines.length - 1).toBe(samples);
  });

  it('matches its golden svg and json', () => {
    const from = name in SMALL ? small : dir;
    const problems = [
      checkSnapshot(`${name}.svg`, normaliseSvg(readFileSync(join(from, `${name}.svg`), 'utf8'))),
      checkSnapshot(`${name}.json`, normaliseJson(readFileSync(join(from, `${name}.json`), 'utf8'))),
    ].filter((p) => p !== undefined);
    expect(problems.join('\n')).toBe('');
  });
});

describe('snn-figs all: size and selection', () => {
  // Week 9: its figures draw quickly at this size (week 1's translucent traces take seconds each;
  // every figure at 16x9 in, 300 dpi is render-large-png.test.ts's, drawn once there).
  it('--week 9 --dpi 300 --figsize 16x9 writes exactly week 9 figures, each 4800×2700 pixels', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snn-figs-week9-'));
    const { io, stderr } = silentStreams();
    const code = await main(['all', '--week', '9', '--dpi', '300', '--figsize', '16x9', '--out-dir', dir, '--quiet'], io);
    expect(code, stderr()).toBe(0);
    const week9 = WEEKS.find((w) => w.week === 9)!.figures.flatMap((f) => [f.name, ...f.variants.map((v) => v.name)]);
    expect(week9).toContain('spike-vs-rate');
    expect(readdirSync(dir).sort()).toEqual(week9.map((n) => `${n}.png`).sort());
    for (const name of week9) expect(pngSize(readFileSync(join(dir, `${name}.png`))), name).toEqual([4800, 2700]);
  });

  it('--only takes figures and variants by name; --figsize replaces a variant’s own size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snn-figs-only-'));
    const { io, stderr } = silentStreams();
    const code = await main(['all', '--only', 'stp-ux,lif', '--week', '9', '--figsize', '4x3', '--dpi', '50', '--out-dir', dir, '--quiet'], io);
    expect(code, stderr()).toBe(0);
    const week9 = WEEKS.find((w) => w.week === 9)!.figures.flatMap((f) => [f.name, ...f.variants.map((v) => v.name)]);
    expect(readdirSync(dir).sort()).toEqual(['stp-ux', 'lif', ...week9].map((n) => `${n}.png`).sort());
    // stp-ux declares --figsize 8x2.9; the command line's wins.
    expect(pngSize(readFileSync(join(dir, 'stp-ux.png')))).toEqual([200, 150]);
  });

  it.each([
    [['--only', 'lfi'], "snn-figs: error: --only: no figure or variant 'lfi'\nhint: 'snn-figs list' shows the names\n"],
    [['--week', '3'], "snn-figs: error: --week expects course weeks among 1, 2, 4, 7, 9, got '3'\n"],
    [['--week', ','], 'snn-figs: error: --week expects a comma-separated list, got nothing\n'],
    [['--figsize', '16by9'], /^snn-figs: error: --figsize /],
    [['--dpi', '5000'], /^snn-figs: error: --dpi must be between 10 and 1200, got 5000\n$/],
    // float64's extremes
    [['--week', '1e308'], "snn-figs: error: --week expects course weeks among 1, 2, 4, 7, 9, got '1e308'\n"],
    [['--dpi', '1e308'], 'snn-figs: error: --dpi must be between 10 and 1200, got 1e+308\n'],
    [['--dpi', '5e-324'], 'snn-figs: error: --dpi must be between 10 and 1200, got 5e-324\n'],
    [['--figsize', '1e308x1'], 'snn-figs: error: --figsize must be at most 100x100 inches, got 1e+308x1\n'],
    [['--font-scale', '1e308'], /^snn-figs: error: --font-scale must be between 0.1 and 10, got 1e308\n$/],
  ])('%j is refused before anything is written (exit 2)', async (args, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'snn-figs-bad-'));
    const { io, stderr } = silentStreams();
    expect(await main(['all', '--out-dir', dir, ...args], io)).toBe(2);
    if (typeof message === 'string') expect(stderr()).toBe(message);
    else expect(stderr()).toMatch(message);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("a figure's own command", () => {
  // One figure per week and a variant that sets its own figsize; the extension picks the format.
  const sample = ['stp-ux', 'coincidence', 'lif', 'stdp-latency', 'decision-random-walk-10', 'spike-vs-rate'];
  it.each(sample)('%s writes the bytes `all` wrote, in every format', async (name) => {
    const run = runs.find((r) => r.name === name)!;
    const own = join(work, 'own');
    for (const ext of FORMATS) {
      const out = join(own, `${name}.${ext}`);
      await cli([run.figure, ...run.args, '--out', out]);
      expect(readFileSync(out).equals(readFileSync(join(dir, `${name}.${ext}`))), `${name}.${ext}`).toBe(true);
    }
  });
});

describe('figures are independent of what ran before them', () => {
  /** `main` from a module graph of its own, as a new process would load it. */
  async function freshMain() {
    vi.resetModules();
    return (await import('../../src/cli/main.js')).main;
  }

  it('`all` in one process equals each figure and variant built alone', { timeout: 900_000 }, async () => {
    const alone = join(work, 'alone');
    for (const { name, figure, args } of runs) {
      const out = join(alone, `${name}.json`);
      const run = silentStreams();
      expect(await (await freshMain())([figure, ...args, '--out', out, '--quiet'], run.io), run.stderr()).toBe(0);
      expect(readFileSync(join(dir, `${name}.json`)).equals(readFileSync(out)), `${name}: built after the others ≠ built alone`).toBe(true);
    }
  });

  it('every panel of every figure and variant names its marks uniquely, and its panels too', () => {
    for (const name of names) {
      const data = read(name);
      const panels = data.panels.map((p) => p.id);
      expect(new Set(panels).size, `${name}: panel ids ${panels.join(', ')}`).toBe(panels.length);
      for (const panel of data.panels) {
        const ids = panel.series.map((s) => s.id);
        const twice = ids.filter((id, k) => ids.indexOf(id) !== k);
        expect(twice, `${name}, panel '${panel.id}': ids given twice`).toEqual([]);
      }
    }
  });
});

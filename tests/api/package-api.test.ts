/**
 * The library API from the sources: the same numbers as the CLI, parameters as SI numbers or
 * the CLI's strings, and every bad input refused with an InputError that names it.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FIGURES } from '../../src/figures/registry.js';
import {
  buildFigure,
  figures,
  InputError,
  marks,
  OUTPUT_FORMATS,
  renderFigure,
  type BuildOptions,
  type FigureData,
  type FigureParams,
} from '../../src/index.js';
import { silentStreams } from '../helpers/streams.js';

const out = mkdtempSync(join(tmpdir(), 'snn-figs-api-'));

async function cliJson(args: string[]): Promise<unknown> {
  const file = join(out, `${args.join('_').replace(/[^\w.-]/g, '')}.json`);
  const { io, stderr } = silentStreams();
  const code = await main([...args, '--out', file, '--quiet'], io);
  expect(stderr()).toBe('');
  expect(code).toBe(0);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** buildFigure as JavaScript sees it: any name and parameters (the runtime checks are what these tests test). */
const untypedBuild = buildFigure as unknown as (name: string, params?: FigureParams, options?: BuildOptions) => Promise<FigureData>;

const json = async (name: string, params: FigureParams) => JSON.parse(Buffer.from(await renderFigure(await untypedBuild(name, params), 'json')).toString());

describe('figures', () => {
  it('lists every registered figure with its parameters, size and variants', () => {
    expect(figures.map((f) => f.name)).toEqual(FIGURES.map((f) => f.name));
    const stp = figures.find((f) => f.name === 'stp')!;
    expect(stp.params.find((p) => p.name === 'dep-u')).toMatchObject({ kind: 'number', default: '0.45' });
    expect(stp.variants.map((v) => v.name)).toContain('stp-ux');
    expect(stp.figsize).toEqual(FIGURES.find((f) => f.name === 'stp')!.figsize);
  });
});

describe('buildFigure', () => {
  it('gives the JSON the CLI writes, for SI numbers, strings with units and camelCase names', async () => {
    const cli = await cliJson(['coincidence', '--tau', '8ms', '--spikes', '10,12,50ms']);
    expect(await json('coincidence', { tau: 0.008, spikes: [0.01, 0.012, 0.05] })).toEqual(cli);
    expect(await json('coincidence', { tau: '8 ms', spikes: '10,12,50ms' })).toEqual(cli);
    expect(await json('coincidence', { tau: '8', spikes: ['10ms', 0.012, '0.05s'] })).toEqual(cli);
    const stp = await cliJson(['stp', '--dep-u', '0.6', '--panels', 'depression']);
    expect(await json('stp', { depU: 0.6, panels: 'depression' })).toEqual(stp);
    expect(await json('stp', { 'dep-u': '0.6', panels: 'depression' })).toEqual(stp);
    const forms = await cliJson(['psp-forms', '--forms', 'alpha,exponential']);
    expect(await json('psp-forms', { forms: ['alpha', 'exponential'] })).toEqual(forms);
    expect(await json('psp-forms', { forms: 'alpha,exponential' })).toEqual(forms);
  });

  it('keeps the defaults for parameters not given (or given as undefined)', async () => {
    expect(await json('psp-forms', { tau: undefined })).toEqual(await cliJson(['psp-forms']));
  });

  it('reports warnings through onWarning and progress through onProgress', async () => {
    const progress: number[] = [];
    await buildFigure('tuning-curve', { n: 20, points: 3 }, { threads: 1, onProgress: (done) => progress.push(done) });
    expect(progress.at(-1)).toBe(3);
    const warnings: string[] = [];
    await buildFigure('coincidence', { duration: '100.05ms' }, { onWarning: (w) => warnings.push(w) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^duration /);
  });

  const BAD: [string, FigureParams, RegExp][] = [
    ['coincidence', { tau: 0 }, /^tau must be > 0 ms, got 0 ms$/],
    ['coincidence', { tau: -0.005 }, /^tau must be > 0 ms, got -5 ms$/],
    ['coincidence', { tau: NaN }, /^tau expects a time .* got 'NaNs'/],
    ['coincidence', { tau: Infinity }, /^tau expects a time .* got 'Infinitys'/],
    ['tuning-curve', { n: Number.MAX_VALUE }, /^n expects a whole number below 2\^53/],
    ['coincidence', { duration: '1e400ms' }, /^duration expects a finite number, got '1e400ms'/],
    ['coincidence', { tau: '10kg' }, /^tau expects a time in s, ms or us, got '10kg'/],
    ['coincidence', { w: '10ms' }, /^w expects a number without a unit/],
    ['coincidence', { w: [1, 2] }, /^w takes one value, got a list$/],
    ['coincidence', { spikes: [] }, /^spikes expects at least one value, got an empty list$/],
    ['coincidence', { tau: true as unknown as number }, /^tau expects a number or a string, got boolean$/],
    ['coincidence', { tau: null as unknown as number }, /^tau expects a number or a string, got null$/],
    ['coincidence', { taux: 1 }, /^coincidence has no parameter 'taux'; it takes tau, w, spikes/],
    ['stp', { depU: 0.5, 'dep-u': 0.6 }, /^stp: 'dep-u' is given twice$/],
    ['tuning-curve', { n: 2.5 }, /^n expects a whole number/],
    ['tuning-curve', { n: 1e8 }, /^this run needs about 8\.2e\+12 neuron updates/],
    ['nope', {}, /^unknown figure 'nope'; the figures are psp-abstraction, /],
  ];
  it.each(BAD)('%s %o is refused', async (name, params, message) => {
    const error = await untypedBuild(name, params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
  });

  it('says how to run a very large job anyway, in the terms of the API', async () => {
    const error = (await buildFigure('tuning-curve', { n: 1e8 }).catch((e: unknown) => e)) as InputError;
    expect(error.hint).toMatch(/or pass \{ force: true \}$/);
  });

  it.each([0, 1.5, -3, NaN, Infinity, 2 ** 53])('refuses threads %s', async (threads) => {
    await expect(buildFigure('tuning-curve', { n: 20 }, { threads })).rejects.toThrow(/^threads must be a whole number ≥ 1/);
  });

  it('caps threads at the number of cores, says so, and gives the same numbers', async () => {
    const warnings: string[] = [];
    const capped = await buildFigure('tuning-curve', { n: 20, points: 3 }, { threads: 257, onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([`threads 257 is more than the ${availableParallelism()} cores here; using ${availableParallelism()}`]);
    expect(capped).toEqual(await buildFigure('tuning-curve', { n: 20, points: 3 }, { threads: 1 }));
  });

  it('exports the mark builders, which make FigureData the renderer draws', async () => {
    const data = {
      figure: 'mine',
      params: {},
      paramUnits: {},
      layout: { rows: 1, cols: 1 },
      panels: [{ id: 'p', marks: [marks.plot([0, 1, 2], [0, 1, 4], { id: 'sq' }), marks.axvline(2, { id: 'two', ls: '--' })] }],
    };
    const csv = new TextDecoder().decode(await renderFigure(data, 'csv'));
    expect(csv.split('\n').filter((l) => l.startsWith('p,sq,'))).toHaveLength(3);
    expect(csv).toMatch(/^p,two,/m);
  });

  it('refuses parameters that are not an object', async () => {
    await expect(buildFigure('stp', [] as unknown as FigureParams)).rejects.toThrow(InputError);
  });
});

describe('renderFigure', () => {
  it('serialises every format, images at the figure size by default', async () => {
    const data = await buildFigure('coincidence');
    for (const format of OUTPUT_FORMATS) expect((await renderFigure(data, format)).length).toBeGreaterThan(100);
    const png = Buffer.from(await renderFigure(data, 'png', { dpi: 50 }));
    const [w, h] = FIGURES.find((f) => f.name === 'coincidence')!.figsize;
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Math.round(w * 50), Math.round(h * 50)]);
  });

  it.each([
    [{ dpi: 5 }, /^dpi must be between 10 and 1200, got 5$/],
    [{ dpi: NaN }, /^dpi must be between 10 and 1200, got NaN$/],
    [{ figsize: [0, 3] as const }, /^figsize expects a positive width and height/],
    [{ figsize: [Infinity, 3] as const }, /^figsize expects a positive width and height/],
    [{ figsize: [101, 3] as const }, /^figsize must be at most 100x100 inches/],
    [{ figsize: [100, 100] as const, dpi: 1200 }, /100 megapixels/],
    [{ figsize: [0.1, 3] as const, dpi: 100 }, /fewer than 50 pixels/],
  ])('refuses %o', async (options, message) => {
    const data = await buildFigure('coincidence');
    await expect(renderFigure(data, 'png', options)).rejects.toThrow(message);
  });

  it('refuses an unknown format', async () => {
    const data = await buildFigure('coincidence');
    await expect(renderFigure(data, 'gif' as 'png')).rejects.toThrow(/^format must be one of png, svg, pdf, json, csv, got 'gif'$/);
  });
});

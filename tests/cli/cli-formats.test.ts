/**
 * Every figure and slide variant through the real CLI in every format: the files exist, are
 * what their extension says, and images have the notebook's size (figsize × dpi, or × 72 pt).
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FIGURES } from '../../src/figures/registry.js';
import type { FigureJson } from '../../src/export/index.js';
import { silentStreams } from '../helpers/streams.js';

// The tuning curve at full size is a benchmark, not a test: a small population keeps this quick.
const SMALL: Record<string, string[]> = {
  'tuning-curve': ['--n', '200', '--points', '9'],
  // 2 × 25 traces of 10 000 samples take seconds to draw; fewer and shorter trials show the same.
  'reliable-spike-timing': ['--trials', '5', '--duration', '300ms'],
  'reliable-spike-timing-non-leaky': ['--trials', '5', '--duration', '300ms'],
};
const dir = mkdtempSync(join(tmpdir(), 'snn-figs-formats-'));

const runs = FIGURES.flatMap((f) => [
  { name: f.name, figure: f.name, args: [] as string[], figsize: f.figsize, dpi: f.dpi },
  ...(f.variants ?? []).map((v) => {
    const k = v.args.indexOf('--figsize');
    const figsize = k >= 0 ? (v.args[k + 1].split('x').map(Number) as [number, number]) : f.figsize;
    return { name: v.name, figure: f.name, args: v.args, figsize, dpi: f.dpi };
  }),
]);

async function cli(args: string[]): Promise<void> {
  const { io, stderr } = silentStreams();
  const code = await main([...args, '--quiet'], io);
  expect(code, stderr()).toBe(0);
}

function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe.each(runs)('$name', ({ name, figure, args, figsize, dpi }) => {
  const base = [figure, ...args, ...(SMALL[figure] ?? [])];

  it('png at figsize × dpi', async () => {
    const out = join(dir, `${name}.png`);
    await cli([...base, '--out', out]);
    expect(pngSize(readFileSync(out))).toEqual([Math.round(figsize[0] * dpi), Math.round(figsize[1] * dpi)]);
  });

  it('svg with a figsize × 72 pt page and no bitmap', async () => {
    const out = join(dir, `${name}.svg`);
    await cli([...base, '--out', out]);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toMatch(/<svg[^>]*>/);
    expect(svg).not.toMatch(/<image/);
    const width = /<svg[^>]*\swidth="([\d.]+)(pt)?"/.exec(svg)!;
    expect(Number(width[1])).toBeCloseTo(figsize[0] * 72, 0);
  });

  it('pdf, one page', async () => {
    const out = join(dir, `${name}.pdf`);
    await cli([...base, '--out', out]);
    const pdf = readFileSync(out).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  });

  it('json and csv hold the same samples', async () => {
    const json = join(dir, `${name}.json`);
    const csv = join(dir, `${name}.csv`);
    await cli([...base, '--out', json]);
    await cli([...base, '--out', csv]);
    const data = JSON.parse(readFileSync(json, 'utf8')) as FigureJson;
    expect(data.figure).toBe(figure);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('panel,series,x,y,y_err');
    const samples = data.panels.flatMap((p) => p.series).reduce((n, s) => n + s.x.length, 0);
    expect(lines.length - 1).toBe(samples);
  });
});

describe('snn-figs all', () => {
  it('writes every figure and variant in each asked format', { timeout: 120_000 }, async () => {
    const out = join(dir, 'all');
    await cli(['all', '--out-dir', out, '--format', 'json,csv']);
    const files = readdirSync(out).sort();
    for (const r of runs) expect(files).toEqual(expect.arrayContaining([`${r.name}.json`, `${r.name}.csv`]));
  });
});

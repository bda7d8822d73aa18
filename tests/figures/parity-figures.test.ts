/**
 * Every deterministic figure against Brian2 2.5.1 (tests/fixtures/figures, made by
 * scripts/brian2_fixtures.py): same sample times, and every sample within 1e-9 of the
 * series' peak, for the defaults and several other parameter sets, through the real CLI.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { FigureJson } from '../../src/export/index.js';
import { fixtureFiles, readFixture, worstDeviation } from '../helpers/fixtures.js';
import { silentStreams } from '../helpers/streams.js';

interface FigureFixture {
  figure: string;
  case: string;
  args: string[];
  series: Record<string, { x: number[]; y: number[] }>;
}

const TOLERANCE = 1e-9;
const dir = mkdtempSync(join(tmpdir(), 'snn-figs-parity-'));
// The week-2 figures' fixtures (scripts/brian2_fixtures.py); weeks 4/7/9 have their own parity tests.
const WEEK2 = ['psp-abstraction', 'psp-forms', 'stp', 'coincidence'];
const deterministic = fixtureFiles('figures').filter((f) => WEEK2.some((w) => f.startsWith(`${w}--`)));

async function runCli(figure: string, args: string[]): Promise<FigureJson> {
  const out = join(dir, `${figure}-${Math.random().toString(36).slice(2)}.json`);
  const { io, stderr } = silentStreams();
  const code = await main([figure, ...args, '--out', out, '--quiet'], io);
  expect(code, stderr()).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as FigureJson;
}

/** Worst relative deviation per figure, printed at the end for the record. */
const worst = new Map<string, number>();

describe('figures match Brian2 sample for sample', () => {
  afterAll(() => {
    console.log([...worst].map(([f, d]) => `${f}: worst deviation ${d.toExponential(2)} of peak`).join('\n'));
  });

  it('covers every deterministic figure with the defaults and at least two other parameter sets', () => {
    // The figures are those that have fixtures (<figure>--<case>.json), found by glob.
    const figures = [...new Set(deterministic.map((f) => f.slice(0, f.indexOf('--'))))];
    expect(figures.length).toBeGreaterThanOrEqual(4);
    for (const figure of figures) {
      const cases = deterministic.filter((f) => f.startsWith(`${figure}--`));
      expect(cases).toContain(`${figure}--defaults.json`);
      expect(cases.length).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(deterministic)('%s', async (file) => {
    const fixture = readFixture<FigureFixture>('figures', file);
    const data = await runCli(fixture.figure, fixture.args);
    // The curves: a panel's JSON `series` lists every mark, reference lines included (schema 2).
    const curves = (p: FigureJson['panels'][number]) => p.series.filter((s) => s.kind === 'plot');
    const ours = new Map(data.panels.flatMap((p) => curves(p).map((s): [string, typeof s] => [`${p.id}/${s.id}`, s])));
    expect([...ours.keys()].sort()).toEqual(Object.keys(fixture.series).sort());
    for (const [key, brian] of Object.entries(fixture.series)) {
      const mine = ours.get(key)!;
      expect(mine.x.length, `${key}: number of samples`).toBe(brian.x.length);
      expect(worstDeviation(mine.x, brian.x), `${key}: sample times`).toBeLessThanOrEqual(1e-12);
      const deviation = worstDeviation(mine.y, brian.y);
      worst.set(fixture.figure, Math.max(worst.get(fixture.figure) ?? 0, deviation));
      expect(deviation, `${key}: values`).toBeLessThanOrEqual(TOLERANCE);
    }
  });
});

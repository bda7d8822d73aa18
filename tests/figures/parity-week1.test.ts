/**
 * The nine week-1 figures against Brian2 2.5.1 (tests/fixtures/figures, made by
 * scripts/fixtures/week1_*.py, run by scripts/brian2_fixtures.py --only week1), through the CLI:
 * - deterministic figures: the same sample times, every sample within 1e-9 of the series'
 *   peak, for the defaults and 2–3 other parameter sets each; the reference lines at their value;
 * - reliable-spike-timing (both): with --rng numpy (the default) and --seed S, Brian2's seed(S)
 *   run replayed: every spike at the same step of the same trial, traces within 1e-9;
 * - refractory edge cases (spike on the last step of the period, off-grid periods, Brian's
 *   1e-3·dt tolerance): the inter-spike intervals in steps exactly, with either generator.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fixtureFiles, readFixture, worstDeviation } from '../helpers/fixtures.js';
import { silentStreams } from '../helpers/streams.js';
import { WEEK1_FIGURES, fixtureFigure, intervalsByTrial, isWeek1Fixture, itemsOf, type Week1Fixture } from '../helpers/week1.js';

const TOLERANCE = 1e-9;
const dir = mkdtempSync(join(tmpdir(), 'snn-figs-week1-'));
const files = fixtureFiles('figures').filter((f) => isWeek1Fixture(f) && !f.endsWith('--stats.json'));

type FigureJson = Parameters<typeof itemsOf>[0];

async function runCli(figure: string, args: string[]): Promise<FigureJson> {
  const out = join(dir, `${figure}-${Math.random().toString(36).slice(2)}.json`);
  const { io, stderr } = silentStreams();
  const code = await main([figure, ...args, '--out', out, '--quiet'], io);
  expect(code, stderr()).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as FigureJson;
}

const isRaster = (key: string) => key.endsWith('-raster/spikes');
const dtMsOf = (f: Week1Fixture) => {
  const k = f.args.indexOf('--dt');
  return k < 0 ? (f.figure === 'hodgkin-huxley' ? 0.01 : 0.1) : parseFloat(f.args[k + 1]);
};

const worst = new Map<string, number>();

describe('week-1 figures match Brian2 sample for sample', () => {
  afterAll(() => {
    console.log([...worst].map(([f, d]) => `${f}: worst deviation ${d.toExponential(2)} of peak`).join('\n'));
  });

  it('covers every week-1 figure with the defaults and at least two other parameter sets', () => {
    for (const figure of WEEK1_FIGURES) {
      const cases = files.filter((f) => fixtureFigure(f) === figure);
      expect(cases).toContain(`${figure}--defaults.json`);
      expect(cases.length).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(files)('%s', async (file) => {
    const fixture = readFixture<Week1Fixture>('figures', file);
    const data = await runCli(fixture.figure, fixture.args);
    const items = itemsOf(data);
    const drawn = [...items].filter(([, m]) => m.kind === undefined || m.kind === 'plot' || m.kind === 'raster').map(([k]) => k);
    const partial = fixture.trials_stored !== undefined && fixture.trials_stored.length < fixture.trials!;
    if (partial) {
      expect(drawn.filter((k) => k.startsWith('constant-x/')).length).toBe(fixture.trials);
      for (const key of Object.keys(fixture.series)) expect(drawn).toContain(key);
    } else expect(drawn.sort()).toEqual(Object.keys(fixture.series).sort());

    for (const [key, brian] of Object.entries(fixture.series)) {
      const mine = items.get(key)!;
      expect(mine.x!.length, `${key}: number of points`).toBe(brian.x.length);
      expect(worstDeviation(mine.x!, brian.x), `${key}: times`).toBeLessThanOrEqual(1e-12);
      if (isRaster(key)) {
        expect(mine.y, `${key}: trial of every spike`).toEqual(brian.y);
        continue;
      }
      const deviation = worstDeviation(mine.y!, brian.y);
      worst.set(fixture.figure, Math.max(worst.get(fixture.figure) ?? 0, deviation));
      expect(deviation, `${key}: values`).toBeLessThanOrEqual(TOLERANCE);
    }
    if (fixture.threshold !== undefined) {
      const line = [...items].find(([k]) => k.endsWith('/threshold'))?.[1];
      expect(line?.value ?? line?.y?.[0]).toBe(fixture.threshold);
    }
    if (fixture.line !== undefined) expect(items.get('v/hline')?.value).toBe(fixture.line);
  });
});

describe('refractory edge cases, exactly, with either generator', () => {
  const edge = files.filter((f) => f.includes('--refractory-'));

  it('has the three edge cases for both reliable-spike-timing figures', () => {
    expect(edge.length).toBe(6);
  });

  it.each(edge)("%s: every inter-spike interval in steps is Brian's", async (file) => {
    const fixture = readFixture<Week1Fixture>('figures', file);
    const brian = intervalsByTrial(fixture.series['constant-raster/spikes'], fixture.trials!, dtMsOf(fixture));
    expect(brian.flat().length).toBeGreaterThan(10);
    const intervals = async (rng: string) => {
      const raster = itemsOf(await runCli(fixture.figure, [...fixture.args, '--rng', rng])).get('constant-raster/spikes')!;
      return intervalsByTrial({ x: raster.x!, y: raster.y! }, fixture.trials!, dtMsOf(fixture));
    };
    expect(await intervals('numpy')).toEqual(brian);
    // Another generator starts each trial elsewhere (x = rand()*0.2), so its first spike and
    // the number of spikes may differ; every interval is still the period's, in steps.
    const fast = await intervals('fast');
    expect(new Set(fast.flat())).toEqual(new Set(brian.flat()));
    for (const trial of fast) expect(trial.length).toBeGreaterThanOrEqual(Math.min(...brian.map((b) => b.length)) - 1);
  });
});

/**
 * `tuning-curve --rng numpy` against Brian2's numpy target running the seed notebook's cell with
 * seed(s) once before its loop over δt (scripts/fixtures/week2_tuning_numpy.py): every neuron's
 * spike count equal, and the plotted mean and standard error bit for bit. Also: the fast default
 * is unchanged by the option's existence (same data with and without `--rng fast`).
 */
import { describe, expect, it } from 'vitest';
import { conditions, numpyCounts } from '../../src/figures/week2/tuning-curve.js';
import { fixtureFiles, readFixture } from '../helpers/fixtures.js';
import { agreement, compareWithFixture, describeAgreement, overall, runFigureJson, type FigureFixture } from '../helpers/figure-parity.js';

const cases = fixtureFiles('figures', 'tuning-curve--numpy-');

describe('tuning-curve --rng numpy equals Brian2 count for count', () => {
  it('has the issue case (seed 1, n 200, 5 points) and two more', () => {
    expect(cases).toContain('tuning-curve--numpy-seed1.json');
    expect(cases.length).toBeGreaterThanOrEqual(3);
  });

  it.each(cases)('%s', { timeout: 60_000 }, async (file) => {
    const fixture = readFixture<FigureFixture>('figures', file);
    const data = await runFigureJson('tuning-curve', fixture.args);
    const all = overall(compareWithFixture(data, fixture));
    console.log(`${file}: ${describeAgreement(all)}`);
    expect(all.identical).toBe(all.total);

    // Count for count, through the same parameters the CLI parsed (the data file echoes them).
    const p = data as unknown as { params: Record<string, number> };
    const ms = (key: string) => p.params[key] * 1e-3;
    const conds = conditions({
      w: p.params.w,
      n: p.params.n,
      tau: ms('tau'),
      sigma: p.params.sigma,
      deltaMin: ms('delta-min'),
      deltaMax: ms('delta-max'),
      points: p.params.points,
      stimTime: ms('stim-time'),
      duration: ms('duration'),
      seed: p.params.seed,
      rng: 'numpy',
      dt: ms('dt'),
    });
    const brian = fixture.extra!.counts as number[][];
    const ours = [...numpyCounts(conds, p.params.seed)];
    expect(ours.length).toBe(brian.length);
    ours.forEach((counts, k) => expect(Array.from(counts), `δt #${k}`).toEqual(brian[k]));
  });

  it('leaves the fast default as it was', async () => {
    const args = ['--n', '50', '--points', '3', '--threads', '1'];
    const plain = await runFigureJson('tuning-curve', args);
    const fast = await runFigureJson('tuning-curve', [...args, '--rng', 'fast']);
    expect(agreement(fast.panels[0].series[0].y, plain.panels[0].series[0].y).identical).toBe(3);
  });
});

/**
 * Week 9 against numpy 1.24 and scipy 1.10 (scripts/fixtures/week9_coding.py): with
 * `--rng numpy` (the default) every plotted value of analogue-vs-digital, spike-vs-rate and
 * coincidence-rank-code equals the notebook's cells run after numpy.random.seed(s), for the
 * defaults and other seeds and parameters.
 */
import { describe, expect, it } from 'vitest';
import { fixtureFiles, readFixture } from './helpers/fixtures.js';
import { compareWithFixture, describeAgreement, overall, runFigureJson, type FigureFixture } from './helpers/figure-parity.js';

/**
 * Bit for bit throughout: the chirp's sin and the Gaussian kernel's exp are numpy's own (SVML on
 * this machine's AVX-512 numpy, ported in src/sim/numpy), the uniforms, normals, Poisson counts
 * and shuffles numpy's legacy RandomState, the histogram edges numpy's linspace.
 */
const FIGURES = ['analogue-vs-digital', 'spike-vs-rate', 'coincidence-rank-code'];
const cases = fixtureFiles('figures').filter((f) => FIGURES.some((name) => f.startsWith(`${name}--`)));

describe('week 9 equals numpy/scipy value for value', () => {
  it('has the defaults and two other seeds or parameter sets per figure', () => {
    for (const name of FIGURES) {
      const mine = cases.filter((f) => f.startsWith(`${name}--`));
      expect(mine).toContain(`${name}--defaults.json`);
      expect(mine.length).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(cases)('%s', { timeout: 60_000 }, async (file) => {
    const fixture = readFixture<FigureFixture>('figures', file);
    const all = overall(compareWithFixture(await runFigureJson(fixture.figure, fixture.args), fixture));
    console.log(`${file}: ${describeAgreement(all)}`);
    expect(all.identical).toBe(all.total);
  });
});

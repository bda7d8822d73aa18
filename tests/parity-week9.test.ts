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
 * Where numpy and JavaScript may round differently, and by how much at most (relative):
 *  - analogue-vs-digital: the chirp's sin (numpy's SVML or glibc vs V8's fdlibm), one ulp;
 *  - spike-vs-rate: the Gaussian kernel's exp (numpy's own exp vs glibc's), one ulp per weight,
 *    carried through the filter and the normalisation;
 *  - coincidence-rank-code: none (uniforms, Poisson counts, shuffles and histogram edges).
 */
const TOLERANCE: Record<string, number> = { 'analogue-vs-digital': 1e-12, 'spike-vs-rate': 1e-12, 'coincidence-rank-code': 0 };
const cases = fixtureFiles('figures').filter((f) => Object.keys(TOLERANCE).some((name) => f.startsWith(`${name}--`)));

describe('week 9 equals numpy/scipy value for value', () => {
  it('has the defaults and two other seeds or parameter sets per figure', () => {
    for (const name of Object.keys(TOLERANCE)) {
      const mine = cases.filter((f) => f.startsWith(`${name}--`));
      expect(mine).toContain(`${name}--defaults.json`);
      expect(mine.length).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(cases)('%s', { timeout: 60_000 }, async (file) => {
    const fixture = readFixture<FigureFixture>('figures', file);
    const all = overall(compareWithFixture(await runFigureJson(fixture.figure, fixture.args), fixture));
    console.log(`${file}: ${describeAgreement(all)}`);
    expect(all.worstRelative).toBeLessThanOrEqual(TOLERANCE[fixture.figure]);
  });
});

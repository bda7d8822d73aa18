/**
 * Week 7 against numpy 1.24 (scripts/fixtures/week7_decision.py): with `--rng numpy` (the
 * default) the walks (draws, evidence, thresholds, reaction time) and the reaction-time
 * histograms (counts and edges) equal the notebook's cells run after seed(s), for the
 * defaults, the published walks given with --draws, and other seeds and parameters.
 */
import { describe, expect, it } from 'vitest';
import { fixtureFiles, readFixture } from './helpers/fixtures.js';
import { compareWithFixture, describeAgreement, overall, runFigureJson, type FigureFixture } from './helpers/figure-parity.js';

const FIGURES = ['decision-random-walk', 'reaction-times'];
const cases = fixtureFiles('figures').filter((f) => FIGURES.some((name) => f.startsWith(`${name}--`)));

describe('week 7 equals numpy draw for draw', () => {
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
    // Counts and draws are compared exactly inside compareWithFixture; the floats (thresholds
    // ±thresh-frac·(2n/π)^0.5, y ticks, histogram edges) are bit-identical too for these cases.
    // (Python's `**.5` is libm's pow, ours a correctly rounded sqrt: they may differ in the last
    // bit for about 0.08 % of n, see src/figures/cells/walk-common.ts; none of these n.)
    expect(all.identical).toBe(all.total);
  });
});

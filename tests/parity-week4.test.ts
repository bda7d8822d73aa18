/**
 * Week 4 against Brian2 2.5.1 on its numpy target with seed(s) (scripts/fixtures/week4_stdp.py):
 * with `--rng numpy` (the default) every spike of stdp-latency and stdp-correlated, time and
 * index, equals Brian2's — the onsets, run lengths and rates drawn from numpy's RandomState in
 * the cell's order, and every rand() of the thresholds in Brian's.
 */
import { describe, expect, it } from 'vitest';
import { fixtureFiles, readFixture } from './helpers/fixtures.js';
import { compareWithFixture, describeAgreement, overall, runFigureJson, type FigureFixture } from './helpers/figure-parity.js';

const FIGURES = ['stdp-latency', 'stdp-correlated'];
const cases = fixtureFiles('figures').filter((f) => FIGURES.some((name) => f.startsWith(`${name}--`)));

describe('week 4 equals Brian2 spike for spike (numpy RandomState, Brian draw order)', () => {
  it('has the defaults and two other seeds or parameter sets per figure', () => {
    for (const name of FIGURES) {
      const mine = cases.filter((f) => f.startsWith(`${name}--`));
      expect(mine).toContain(`${name}--defaults.json`);
      expect(mine.length).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(cases)('%s', { timeout: 60_000 }, async (file) => {
    const fixture = readFixture<FigureFixture>('figures', file);
    const data = await runFigureJson(fixture.figure, fixture.args);
    const all = overall(compareWithFixture(data, fixture));
    console.log(`${file}: ${describeAgreement(all)}`);
    // Spike times are step·dt/ms as Brian computes them: identical, not close.
    expect(all.identical).toBe(all.total);
  });
});

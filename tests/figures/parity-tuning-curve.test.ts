/**
 * The tuning curve is stochastic: Brian2 draws from numpy's generator, we from our own, so
 * the curves agree statistically. Every δt within 4 combined standard errors, and a
 * chi-square test over the whole curve at p > 0.001, for the defaults and another set.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { FigureJson } from '../../src/export/index.js';
import { fixtureFiles, readFixture } from '../helpers/fixtures.js';
import { silentStreams } from '../helpers/streams.js';

interface TuningFixture {
  case: string;
  args: string[];
  deltaT_ms: number[];
  mean: number[];
  sem: number[];
}

/** The chi-square quantile by Wilson–Hilferty (accurate to a few 0.1 % for k ≥ 10). */
function chiSquareQuantile(k: number, z: number): number {
  const a = 2 / (9 * k);
  return k * (1 - a + z * Math.sqrt(a)) ** 3;
}
const Z_999 = 3.0902; // the 0.999 quantile of N(0, 1)

const dir = mkdtempSync(join(tmpdir(), 'snn-figs-tuning-'));
// The `--rng numpy` fixtures (tuning-curve--numpy-*) are exact, not statistical: tests/figures/parity-week479-tuning-numpy.test.ts.
const cases = fixtureFiles('figures', 'tuning-curve--').filter((f) => !f.startsWith('tuning-curve--numpy-'));

describe('tuning curve agrees with Brian2 statistically', () => {
  it('has the defaults and another parameter set', () => {
    expect(cases).toContain('tuning-curve--defaults.json');
    expect(cases.length).toBeGreaterThanOrEqual(2);
  });

  it('knows its chi-square quantiles', () => {
    expect(chiSquareQuantile(41, Z_999)).toBeCloseTo(74.74, 0); // tables: 74.745
    expect(chiSquareQuantile(21, Z_999)).toBeCloseTo(46.8, 0); // tables: 46.797
  });

  it.each(cases)('%s', { timeout: 120_000 }, async (file) => {
    const brian = readFixture<TuningFixture>('figures', file);
    const out = join(dir, `${brian.case}.json`);
    const { io, stderr } = silentStreams();
    expect(await main(['tuning-curve', ...brian.args, '--out', out, '--quiet'], io), stderr()).toBe(0);
    const ours = (JSON.parse(readFileSync(out, 'utf8')) as FigureJson).panels[0].series[0];
    expect(ours.x).toEqual(brian.deltaT_ms);
    let chi2 = 0;
    ours.y.forEach((m, k) => {
      const combined = Math.hypot(ours.yErr![k], brian.sem[k]);
      const z = (m - brian.mean[k]) / combined;
      expect(Math.abs(z), `δt = ${brian.deltaT_ms[k]} ms: ours ${m}, Brian2 ${brian.mean[k]} ± ${combined}`).toBeLessThan(4);
      chi2 += z * z;
    });
    console.log(`${brian.case}: chi-square ${chi2.toFixed(1)} over ${ours.y.length} points (limit ${chiSquareQuantile(ours.y.length, Z_999).toFixed(1)})`);
    expect(chi2).toBeLessThan(chiSquareQuantile(ours.y.length, Z_999));
  });
});

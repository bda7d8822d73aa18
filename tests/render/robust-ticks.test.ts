/**
 * Bounded work in the renderer: ticks and limits for any finite data, from subnormals to the
 * largest doubles, come back quickly, few and finite; Chart.js never computes ticks of its
 * own (its decimal-place loop never ends below ~1e-292: `coincidence --w 1e-300` hung).
 */
import fc from 'fast-check';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axhline, plot } from '../../src/data/marks.js';
import type { FigureData } from '../../src/data/types.js';
import { renderFigure } from '../../src/render/node-canvas.js';
import { autoLimits, axisTicks, maxNLocator, nonsingular } from '../../src/render/ticks.js';
import { runCli } from '../helpers/robust-cli.js';

const EXTREMES = [0, 5e-324, -5e-324, 2.2250738585072014e-308, 1e-300, 1.8e-300, 1e-280, 1e-8, 1, 1e17, 1e300, 1.7976931348623157e308, -1.7976931348623157e308];
const anyDouble = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...EXTREMES));

describe('ticks at the limits of float64', () => {
  it('coincidence --w 1e-300 --threshold 0 draws its PNG instead of spinning in Chart.js', () => {
    const dir = mkdtempSync(join(tmpdir(), 'snn-figs-ticks-'));
    const out = join(dir, 'x.png');
    const r = runCli(['coincidence', '--w', '1e-300', '--threshold', '0', '--out', out, '--quiet'], { timeoutMs: 20_000 });
    expect(r.timedOut).toBe(false);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(1000);
  });

  it('limits of any finite data are finite, ordered and of finite width', () => {
    fc.assert(
      fc.property(fc.array(anyDouble, { minLength: 1, maxLength: 5 }), (values) => {
        const [lo, hi] = autoLimits(values);
        expect(Number.isFinite(lo) && Number.isFinite(hi)).toBe(true);
        expect(hi - lo).toBeGreaterThan(0);
        expect(Number.isFinite(hi - lo)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('any view gets a handful of finite ticks with short, distinct labels', () => {
    fc.assert(
      fc.property(anyDouble, anyDouble, fc.integer({ min: 20, max: 2000 }), (a, b, length) => {
        const view = autoLimits([a, b]);
        expect(maxNLocator(view[0], view[1], 9).length).toBeLessThanOrEqual(100);
        const ticks = axisTicks(view, length, 10, 2);
        expect(ticks.length).toBeLessThanOrEqual(20);
        for (const t of ticks) {
          expect(Number.isFinite(t.value)).toBe(true);
          expect(t.label.length).toBeLessThanOrEqual(24);
        }
        expect(new Set(ticks.map((t) => t.label)).size).toBe(ticks.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('tiny ranges use exponent labels; ordinary ones keep matplotlib fixed-point labels', () => {
    const labels = axisTicks(autoLimits([0, 1.8e-280]), 200, 10, 2).map((t) => t.label);
    expect(labels.slice(0, 6)).toEqual(['0', '2.50e−281', '5.00e−281', '7.50e−281', '1.00e−280', '1.25e−280']);
    expect(axisTicks([0, 1], 300, 10, 2).map((t) => t.label)).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
  });

  it("a range narrower than numpy's smallest normal is singular, as in matplotlib", () => {
    expect(nonsingular(0, 1e-300, 0.05, 1e-14)).toEqual([-0.05, 0.05]);
  });

  it('renders data series at the limits of float64 in every image format', () => {
    for (const ys of [
      [0, 5e-324],
      [0, 1e-300],
      [-1e308, 1.7976931348623157e308],
      [1e17, 1e17 + 16],
      [3, 3],
    ]) {
      const data: FigureData = {
        figure: 'extreme',
        params: {},
        paramUnits: {},
        layout: { rows: 1, cols: 1 },
        panels: [
          { id: 'p', title: 'T', xlabel: 'x', ylabel: 'y', marks: [plot([0, 1], ys, { id: 's', label: 's' }), axhline(ys[1], { id: 'hline-0', ls: '-' })] },
        ],
      } as unknown as FigureData;
      for (const format of ['png', 'svg', 'pdf'] as const) expect(renderFigure(data, format, { figsize: [4, 3], dpi: 50 }).length).toBeGreaterThan(100);
    }
  });
});

/**
 * The coverage raster behind translucent lines (src/render/coverage.ts): exact areas for
 * polygons with edges anywhere inside pixels, Agg's sum-and-clamp where pieces overlap, and
 * exact clipping at a rectangle that does not fall on pixel edges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoverageRaster } from '../../src/render/coverage.js';

/** Adds a closed polygon (clockwise or not, as given) to the raster. */
function polygon(r: CoverageRaster, points: [number, number][]): void {
  for (let i = 0; i < points.length; i++) {
    const [xa, ya] = points[i];
    const [xb, yb] = points[(i + 1) % points.length];
    r.edge(xa, ya, xb, yb);
  }
}

const rect = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

/** Exact area of the overlap of [x0,x1]×[y0,y1] with pixel (col,row). */
function overlap(x0: number, y0: number, x1: number, y1: number, col: number, row: number): number {
  const w = Math.max(0, Math.min(x1, col + 1) - Math.max(x0, col));
  const h = Math.max(0, Math.min(y1, row + 1) - Math.max(y0, row));
  return w * h;
}

const WHOLE = { left: 0, top: 0, right: 12, bottom: 8 };

describe('coverage raster', () => {
  it('gives each pixel the exact share of a rectangle over it, wherever its edges fall', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0.01, max: 6, noNaN: true }),
        fc.double({ min: 0.01, max: 4, noNaN: true }),
        (x0, y0, w, h) => {
          const r = new CoverageRaster(12, 8, WHOLE);
          polygon(r, rect(x0, y0, x0 + w, y0 + h));
          const a = r.alphas();
          for (let row = 0; row < 8; row++)
            for (let col = 0; col < 12; col++)
              expect(Math.abs(a[row * 12 + col] - Math.round(255 * overlap(x0, y0, x0 + w, y0 + h, col, row)))).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('gives a slanted edge the area under it: a triangle over a 4 × 4 block is half covered in sum', () => {
    const r = new CoverageRaster(6, 6, { left: 0, top: 0, right: 6, bottom: 6 });
    polygon(r, [
      [1, 1],
      [5, 1],
      [1, 5],
    ]);
    const a = r.alphas();
    const sum = a.reduce((s, v) => s + v, 0) / 255;
    expect(sum).toBeCloseTo(8, 1);
    // Cut through by the hypotenuse: pixels on the diagonal are half covered.
    expect(a[1 * 6 + 4]).toBe(128);
    expect(a[2 * 6 + 3]).toBe(128);
    expect(a[1 * 6 + 1]).toBe(255);
    expect(a[4 * 6 + 4]).toBe(0);
  });

  it("adds overlapping pieces turning the same way and clamps the sum, as Agg's area sums do", () => {
    const r = new CoverageRaster(12, 8, WHOLE);
    // Two strips covering a quarter of column 3 each, side by side, and one strip twice over.
    polygon(r, rect(3, 0, 3.25, 8));
    polygon(r, rect(3.25, 0, 3.5, 8));
    polygon(r, rect(6.5, 0, 7, 8));
    polygon(r, rect(6.5, 0, 7, 8));
    polygon(r, rect(9, 0, 10, 8));
    polygon(r, rect(9, 0, 10, 8));
    const a = r.alphas();
    expect(a[3]).toBe(128);
    expect(a[6]).toBe(255); // 0.5 + 0.5
    expect(a[9]).toBe(255); // 2, clamped
    expect(a[10]).toBe(0);
  });

  it('clips exactly at a rectangle between pixel edges, on all four sides', () => {
    const r = new CoverageRaster(12, 8, { left: 2.25, top: 1.5, right: 9.75, bottom: 6.5 });
    polygon(r, rect(-3, -3, 15, 11));
    const a = r.alphas();
    expect(a[0 * 12 + 5]).toBe(0);
    expect(a[1 * 12 + 5]).toBe(128);
    expect(a[3 * 12 + 2]).toBe(191);
    expect(a[3 * 12 + 9]).toBe(191);
    expect(a[3 * 12 + 10]).toBe(0);
    expect(a[6 * 12 + 5]).toBe(128);
    expect(a[7 * 12 + 5]).toBe(0);
    expect(a[1 * 12 + 2]).toBe(Math.round(255 * 0.75 * 0.5));
  });

  it('keeps what lies right of the raster out of the next row', () => {
    const r = new CoverageRaster(4, 3, { left: 0, top: 0, right: 4, bottom: 3 });
    polygon(r, rect(3.5, 0, 9, 1));
    const a = r.alphas();
    expect(a[3]).toBe(128);
    expect([...a.slice(4)]).toEqual(new Array(8).fill(0));
  });
});

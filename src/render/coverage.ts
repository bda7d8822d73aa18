/**
 * Antialiased coverage as Agg computes it: every edge of a polygon adds its signed area to the
 * cells it crosses, a row's running sum of those areas is each pixel's winding-weighted cover,
 * and the cover is taken by its absolute value and clamped at one. Overlapping pieces of one
 * outline, all turning the same way, add up where they overlap instead of being merged first,
 * which is why Agg draws a stroke darker where it folds over itself.
 *
 * Written for translucent lines (./translucent-lines.ts): thousands of short strokes, each a
 * polygon of a dozen edges, summed into one raster in plain arithmetic.
 */

/** A raster of signed areas, `width` × `height` pixels, clipped to a rectangle in pixels. */
export class CoverageRaster {
  /** Row stride: two spare cells past the right edge take what lies at or beyond it. */
  private readonly stride: number;
  private readonly cells: Float64Array;
  private readonly clip: { left: number; top: number; right: number; bottom: number };

  constructor(
    readonly width: number,
    readonly height: number,
    clip: { left: number; top: number; right: number; bottom: number },
  ) {
    this.stride = width + 2;
    this.cells = new Float64Array(this.stride * height);
    this.clip = {
      left: Math.max(0, clip.left),
      top: Math.max(0, clip.top),
      right: Math.min(width, clip.right),
      bottom: Math.min(height, clip.bottom),
    };
  }

  /**
   * Adds the edge from (xa, ya) to (xb, yb). Clipping is exact for closed polygons: above and
   * below the clip an edge adds nothing; left and right of it, its x is held at the clip's edge,
   * where what it adds cancels out with the rest of its polygon beyond the clip.
   */
  edge(xa: number, ya: number, xb: number, yb: number): void {
    if (ya === yb) return;
    const dir = ya < yb ? 1 : -1;
    let x0 = xa,
      y0 = ya,
      x1 = xb,
      y1 = yb;
    if (dir < 0) {
      x0 = xb;
      y0 = yb;
      x1 = xa;
      y1 = ya;
    }
    const { left, top, right, bottom } = this.clip;
    const top0 = Math.max(y0, top);
    const bottom1 = Math.min(y1, bottom);
    if (!(top0 < bottom1)) return;
    const dxdy = (x1 - x0) / (y1 - y0);
    let x = x0 + (top0 - y0) * dxdy;
    const cells = this.cells;
    const stride = this.stride;
    for (let row = Math.floor(top0); row < bottom1; row++) {
      const rowTop = Math.max(row, top0);
      const rowBottom = Math.min(row + 1, bottom1);
      const dy = rowBottom - rowTop;
      const next = x + dxdy * dy;
      // Held inside the clip's columns (see above).
      const xs = Math.min(right, Math.max(left, x));
      const xe = Math.min(right, Math.max(left, next));
      this.span(cells, row * stride, Math.min(xs, xe), Math.max(xs, xe), dir * dy);
      x = next;
    }
  }

  /**
   * One row's share of an edge running from x = lo to x = hi (lo ≤ hi) over a signed height h.
   * A pixel's cover from the edge is h × the share of the pixel right of it, averaged over the
   * row; the cells hold that share's steps from pixel to pixel, so the row's running sum is it.
   */
  private span(cells: Float64Array, base: number, lo: number, hi: number, h: number): void {
    const i0 = Math.floor(lo);
    if (hi <= i0 + 1) {
      // Within one pixel: the share right of the edge's mean x, the rest from the next on.
      const share = i0 + 1 - (lo + hi) / 2;
      cells[base + i0] += h * share;
      cells[base + i0 + 1] += h * (1 - share);
      return;
    }
    // Across pixels i0…i1: the edge's x is spread evenly over [lo, hi].
    const slope = 1 / (hi - lo);
    const i1 = Math.ceil(hi) - 1;
    const tail = i1 + 1 - hi;
    let before = 0;
    for (let i = i0; i <= i1; i++) {
      const share = i === i0 ? (slope * (i0 + 1 - lo) * (i0 + 1 - lo)) / 2 : i === i1 ? slope * (i1 - lo + (1 - tail * tail) / 2) : slope * (i + 0.5 - lo);
      cells[base + i] += h * (share - before);
      before = share;
    }
    cells[base + i1 + 1] += h * (1 - before);
  }

  /** Each pixel's coverage in 0…255 (Agg's: the running sum's absolute value, clamped), row by row. */
  alphas(): Uint8ClampedArray {
    const out = new Uint8ClampedArray(this.width * this.height);
    const { cells, stride, width } = this;
    for (let row = 0; row < this.height; row++) {
      let sum = 0;
      const base = row * stride;
      for (let col = 0; col < width; col++) {
        sum += cells[base + col];
        const a = Math.abs(sum);
        out[row * width + col] = a >= 1 ? 255 : Math.round(a * 255);
      }
    }
    return out;
  }
}

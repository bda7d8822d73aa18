/**
 * Line-path simplification (src/render/simplify.ts, plugins/simplify-lines.ts): what it keeps
 * and drops, the bound on how far the line moves, that it applies to SVG and PDF lines of at
 * least 128 vertices only, and that a simplified figure rasterises as the unsimplified one
 * (and as far from its PNG as that one was). The switch `simplifyOff` swaps simplifyLine for
 * the identity, to draw the unsimplified reference in the same process.
 */
import { inflateSync } from 'node:zlib';
import { createCanvas, loadImage } from 'canvas';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseParams } from '../../src/options/parse.js';
import { plot } from '../../src/data/marks.js';
import { FIGURES } from '../../src/figures/registry.js';
import type { FigureData } from '../../src/data/types.js';
import { renderFigure } from '../../src/render/node-canvas.js';
import { SIMPLIFY_MIN_VERTICES, simplifyLine, type XY } from '../../src/render/simplify.js';
import { createSurface } from '../../src/render/node-canvas.js';

const simplifyOff = vi.hoisted(() => ({ value: false }));
vi.mock('../../src/render/simplify.js', async (original) => {
  const real = await original<typeof import('../../src/render/simplify.js')>();
  return { ...real, simplifyLine: <P extends XY>(p: readonly P[], t: number) => (simplifyOff.value ? p.slice() : real.simplifyLine(p, t)) };
});

/** A seeded generator (tests must not change run to run). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function distanceToSegment(p: XY, a: XY, b: XY): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}

/** The largest distance of a dropped vertex from the kept segment that replaces it. */
function worstDeviation(points: XY[], kept: XY[]): number {
  let worst = 0;
  let k = 0;
  for (let i = 0; i < points.length; i++) {
    if (points[i] === kept[k]) {
      k++;
      continue;
    }
    expect(k).toBeGreaterThan(0);
    expect(k).toBeLessThan(kept.length);
    worst = Math.max(worst, distanceToSegment(points[i], kept[k - 1], kept[k]));
  }
  expect(k).toBe(kept.length);
  return worst;
}

describe('simplifyLine', () => {
  it('drops the vertices of a straight line, keeping its ends', () => {
    const points = Array.from({ length: 1000 }, (_, i) => ({ x: i, y: 2 * i + 3 }));
    const kept = simplifyLine(points, 0.1);
    expect(kept).toEqual([points[0], points[999]]);
  });

  it('drops wiggles under the threshold, keeps those over it', () => {
    const under = Array.from({ length: 500 }, (_, i) => ({ x: i, y: (i % 2) * 0.09 }));
    expect(simplifyLine(under, 0.1).length).toBeLessThanOrEqual(3);
    const over = Array.from({ length: 500 }, (_, i) => ({ x: i, y: (i % 2) * 0.5 }));
    expect(simplifyLine(over, 0.1)).toEqual(over);
  });

  it('keeps a sharp spike and the vertices at its foot', () => {
    const points = Array.from({ length: 1000 }, (_, i) => ({ x: i, y: i === 500 ? 100 : 0 }));
    const kept = simplifyLine(points, 0.1);
    expect(kept).toEqual([points[0], points[499], points[500], points[501], points[999]]);
  });

  it('keeps a line that turns back on itself', () => {
    const points = [0, 1, 2, 3, 4, 3, 2, 1].map((x) => ({ x, y: 0 }));
    const kept = simplifyLine(points, 0.1);
    expect(kept.map((p) => p.x)).toEqual([0, 4, 1]);
  });

  it('moves no dropped vertex further than the threshold from the line drawn (random walks)', () => {
    for (const [seed, step, threshold] of [
      [1, 0.05, 0.1],
      [2, 1, 0.1],
      [3, 0.3, 1 / 9],
      [4, 10, 0.5],
    ]) {
      const rand = lcg(seed);
      let y = 0;
      const points = Array.from({ length: 5000 }, (_, i) => ({ x: i * 0.06, y: (y += (rand() - 0.5) * step) }));
      const kept = simplifyLine(points, threshold);
      expect(kept.length).toBeLessThan(points.length);
      expect(worstDeviation(points, kept)).toBeLessThanOrEqual(threshold * (1 + 1e-12));
    }
  });

  it('breaks at vertices Chart.js skips and at non-finite ones, keeping their neighbours', () => {
    const points: XY[] = Array.from({ length: 300 }, (_, i) => ({ x: i, y: 0 }));
    points[100] = { x: 100, y: NaN };
    points[200] = { x: 200, y: 0, skip: true };
    const kept = simplifyLine(points, 0.1);
    expect(kept.map((p) => p.x)).toEqual([0, 99, 100, 101, 199, 200, 201, 299]);
  });

  it('returns short lines and a zero or non-finite threshold unchanged', () => {
    const points = Array.from({ length: 200 }, (_, i) => ({ x: i, y: 0 }));
    for (const t of [0, -1, NaN]) expect(simplifyLine(points, t)).toEqual(points);
    expect(simplifyLine(points.slice(0, 2), 1)).toEqual(points.slice(0, 2));
    expect(simplifyLine([], 1)).toEqual([]);
  });

  it('gives a subsequence no longer than its input for values at the limits of float64', () => {
    const values = [0, 1e-308, -1e-308, 1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324];
    const points = Array.from({ length: 400 }, (_, i) => ({ x: values[i % values.length], y: values[(i * 3) % values.length] }));
    const kept = simplifyLine(points, 0.1);
    expect(kept.length).toBeLessThanOrEqual(points.length);
    let from = 0;
    for (const p of kept) from = points.indexOf(p, from) + 1;
    expect(from).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------- drawn files

const figureOf = (n: number, y: (i: number) => number): FigureData => ({
  figure: 'simplify',
  params: {},
  paramUnits: {},
  layout: { rows: 1, cols: 1 },
  panels: [
    {
      id: 'p',
      marks: [
        plot(
          Array.from({ length: n }, (_, i) => i),
          Array.from({ length: n }, (_, i) => y(i)),
          { id: 'line' },
        ),
      ],
    },
  ],
});
const OPTIONS = { figsize: [4, 3] as [number, number], dpi: 100 };
/** A straight line with wiggles far under 1/9 pixel: Cairo merges exactly collinear segments itself. */
const wiggly = (i: number) => i + (i % 2) * 0.02;

function drawn(data: FigureData, format: 'svg' | 'pdf', simplify = true): Buffer {
  simplifyOff.value = !simplify;
  try {
    return renderFigure(data, format, OPTIONS);
  } finally {
    simplifyOff.value = false;
  }
}

/** The vertices of the SVG's path stroked in C0 (#1f77b4): the plotted line. */
function lineVertices(svg: Buffer): XY[] {
  const paths = [...svg.toString('utf8').matchAll(/<path style="[^"]*stroke:rgb\(12\.15[^"]*" d="([^"]*)"/g)];
  expect(paths.length).toBe(1);
  return [...paths[0][1].matchAll(/[ML] ([-\d.]+) ([-\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
}

/** Line-to operators in the PDF's (deflated) content streams. */
function pdfLineTos(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  let count = 0;
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = text.indexOf('endstream', start);
    try {
      count += (inflateSync(pdf.subarray(start, end)).toString('latin1').match(/ l\b/g) ?? []).length;
    } catch {
      // not a deflated stream
    }
  }
  return count;
}

describe('simplified lines in the drawn files', () => {
  it('SVG: a straight line of 1000 vertices is drawn with a few', () => {
    const data = figureOf(1000, wiggly);
    expect(lineVertices(drawn(data, 'svg', false)).length).toBe(1000);
    expect(lineVertices(drawn(data, 'svg')).length).toBeLessThan(10);
  });

  it('SVG: lines of fewer than 128 vertices are drawn whole, as matplotlib leaves them', () => {
    expect(SIMPLIFY_MIN_VERTICES).toBe(128);
    expect(lineVertices(drawn(figureOf(127, wiggly), 'svg')).length).toBe(127);
    expect(lineVertices(drawn(figureOf(128, wiggly), 'svg')).length).toBeLessThan(10);
  });

  it('SVG: a sharp spike is kept, its top where the whole line has it', () => {
    const data = figureOf(1000, (i) => (i === 500 ? 1 : 0));
    const kept = lineVertices(drawn(data, 'svg'));
    const whole = lineVertices(drawn(data, 'svg', false));
    expect(kept.length).toBeLessThan(10);
    const top = (v: XY[]) => Math.min(...v.map((p) => p.y));
    const bottom = (v: XY[]) => Math.max(...v.map((p) => p.y));
    expect(top(kept)).toBe(top(whole));
    expect(bottom(kept)).toBe(bottom(whole));
    expect(bottom(whole) - top(whole)).toBeGreaterThan(1000);
  });

  it('PDF: a straight line of 1000 vertices is drawn with a few line-tos', () => {
    const data = figureOf(1000, wiggly);
    const saved = pdfLineTos(drawn(data, 'pdf', false)) - pdfLineTos(drawn(data, 'pdf'));
    expect(saved).toBeGreaterThan(980);
    expect(saved).toBeLessThan(1000);
  });

  it('PNG is never simplified (its pixels stay those of every vertex)', () => {
    expect(createSurface('png', [4, 3], 100).lineSimplifyThreshold).toBeUndefined();
    // 1/9 pixel at the figure's dpi, in chart units (1/20 pt).
    expect(createSurface('svg', [4, 3], 100).lineSimplifyThreshold).toBeCloseTo((1 / 9) * (72 / 100) * 20, 12);
    expect(createSurface('pdf', [4, 3], 300).lineSimplifyThreshold).toBeCloseTo((1 / 9) * (72 / 300) * 20, 12);
  });
});

// ---------------------------------------------------------------- rasterised

type Image = { width: number; height: number; data: Uint8ClampedArray };

async function rasterise(file: Buffer, width: number, height: number): Promise<Image> {
  const image = await loadImage(file);
  const c = createCanvas(width, height);
  const ctx = c.getContext('2d');
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(image, 0, 0, width, height);
  return { width, height, data: ctx.getImageData(0, 0, width, height).data };
}

/** Mean absolute channel difference (0..255) and the fraction of pixels off by more than 16. */
function difference(a: Image, b: Image): { mean: number; off: number } {
  let sum = 0;
  let off = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    let worst = 0;
    for (let k = 0; k < 3; k++) worst = Math.max(worst, Math.abs(a.data[i + k] - b.data[i + k]));
    sum += worst;
    if (worst > 16) off++;
  }
  const n = a.data.length / 4;
  return { mean: sum / n, off: off / n };
}

describe('reliable-spike-timing rasterised', () => {
  // 25 trials of 300 ms: 2 × 25 traces of 3000 samples, small enough for librsvg unsimplified.
  let data: FigureData;
  let options: { figsize: [number, number]; dpi: number };
  beforeAll(async () => {
    const f = FIGURES.find((m) => m.name === 'reliable-spike-timing');
    if (!f) throw new Error('no reliable-spike-timing');
    data = await f.build(parseParams(f, { duration: '300ms' }).params, {});
    options = { figsize: f.figsize, dpi: f.dpi };
  }, 60_000);

  it('the simplified SVG draws what the whole one draws, and is as close to the PNG', async () => {
    const [w, h] = options.figsize.map((v) => Math.round(v * options.dpi));
    const simplified = renderFigure(data, 'svg', options);
    simplifyOff.value = true;
    let whole: Buffer;
    try {
      whole = renderFigure(data, 'svg', options);
    } finally {
      simplifyOff.value = false;
    }
    expect(simplified.length).toBeLessThan(whole.length / 2);
    const png = await rasterise(renderFigure(data, 'png', options), w, h);
    const a = await rasterise(simplified, w, h);
    const b = await rasterise(whole, w, h);
    const moved = difference(a, b);
    expect(moved.mean).toBeLessThan(0.5);
    expect(moved.off).toBeLessThan(0.005);
    // SVG and PNG differ anyway (Agg's pixel snapping of the raster, antialiasing): simplification
    // must not add to it.
    const toPng = difference(a, png);
    const wholeToPng = difference(b, png);
    expect(toPng.mean).toBeLessThan(wholeToPng.mean + 0.1);
    expect(toPng.off).toBeLessThan(wholeToPng.off + 0.002);
    expect(toPng.mean).toBeLessThan(10);
  }, 60_000);
});

/**
 * Line-path simplification (src/render/simplify.ts, marks/line-path.ts): what it keeps and
 * drops, the bound on how far the line moves, that it applies to lines of at least 128
 * vertices only, in every format at 1/9 device pixel, and that a simplified figure rasterises
 * as the unsimplified one (and as far from its PNG as that one was). The switch `simplifyOff` swaps simplifyLine for
 * the identity, to draw the unsimplified reference in the same process.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { createCanvas, loadImage } from 'canvas';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseParams } from '../../src/options/parse.js';
import { plot } from '../../src/data/marks.js';
import { FIGURES } from '../../src/figures/registry.js';
import type { FigureData } from '../../src/data/types.js';
import { drawnVertices, lineVertices as pathVertices } from '../../src/render/marks/line-path.js';
import { renderFigure } from '../../src/render/node-canvas.js';
import { SIMPLIFY_MIN_VERTICES, simplifyLine, type XY } from '../../src/render/simplify.js';
import { createSurface } from '../../src/render/node-canvas.js';

const simplifyOff = vi.hoisted(() => ({ value: false }));
vi.mock('../../src/render/simplify.js', async (original) => {
  const real = await original<typeof import('../../src/render/simplify.js')>();
  return { ...real, simplifyLine: (p: readonly XY[], t: number) => (simplifyOff.value ? p.slice() : real.simplifyLine(p, t)) };
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

/** The drawn path as matplotlib writes it: (code, x, y), 1 a move, 2 a line-to. */
function asCodes(drawn: XY[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  let move = true;
  for (const p of drawn) {
    if (p.skip) move = true;
    else {
      out.push([move ? 1 : 2, p.x, p.y]);
      move = false;
    }
  }
  return out;
}

/** The largest distance of an input vertex from the polyline drawn (its subpaths). */
function worstDeviation(points: XY[], drawn: XY[]): number {
  const segments: [XY, XY][] = [];
  for (let k = 1; k < drawn.length; k++) if (!drawn[k].skip && !drawn[k - 1].skip) segments.push([drawn[k - 1], drawn[k]]);
  let worst = 0;
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    let best = Infinity;
    for (const [a, b] of segments) best = Math.min(best, distanceToSegment(p, a, b));
    worst = Math.max(worst, best);
  }
  return worst;
}

interface MatplotlibCase {
  name: string;
  threshold: number;
  x: (number | null)[];
  y: (number | null)[];
  drawn: [number, number, number][];
}
const MATPLOTLIB = JSON.parse(readFileSync(new URL('../fixtures/render/simplify-matplotlib.json', import.meta.url), 'utf8')) as MatplotlibCase[];

describe('simplifyLine', () => {
  it("draws the path matplotlib's path simplification draws, vertex for vertex", () => {
    expect(MATPLOTLIB.length).toBeGreaterThanOrEqual(10);
    for (const c of MATPLOTLIB) {
      const points = c.x.map((x, i) => ({ x: x ?? NaN, y: c.y[i] ?? NaN }));
      const ours = asCodes(simplifyLine(points, c.threshold));
      expect({ name: c.name, drawn: ours }).toEqual({ name: c.name, drawn: c.drawn });
    }
  });

  it('drops the vertices of a straight line, keeping its ends', () => {
    const points = Array.from({ length: 1000 }, (_, i) => ({ x: i, y: 2 * i + 3 }));
    expect(asCodes(simplifyLine(points, 0.1))).toEqual([
      [1, 0, 3],
      [2, 999, 2001],
      [2, 999, 2001],
    ]);
  });

  it('keeps a sharp spike whole', () => {
    const points = Array.from({ length: 1000 }, (_, i) => ({ x: i, y: i === 500 ? 100 : 0 }));
    const drawn = simplifyLine(points, 0.1);
    expect(drawn.length).toBeLessThan(10);
    expect(Math.max(...drawn.map((p) => p.y))).toBe(100);
    expect(worstDeviation(points, drawn)).toBeLessThan(1e-9);
  });

  it('moves no vertex further than twice the threshold from the line drawn (random walks)', () => {
    for (const [seed, step, threshold] of [
      [1, 0.05, 0.1],
      [2, 1, 0.1],
      [3, 0.3, 1 / 9],
      [4, 10, 0.5],
    ]) {
      const rand = lcg(seed);
      let y = 0;
      const points = Array.from({ length: 2000 }, (_, i) => ({ x: i * 0.06, y: (y += (rand() - 0.5) * step) }));
      const drawn = simplifyLine(points, threshold);
      expect(drawn.length).toBeLessThan(points.length);
      expect(worstDeviation(points, drawn)).toBeLessThanOrEqual(2 * threshold * (1 + 1e-12));
    }
  });

  it('breaks at skipped and non-finite vertices: no segment crosses a gap', () => {
    const points: XY[] = Array.from({ length: 300 }, (_, i) => ({ x: i, y: 0 }));
    points[100] = { x: 100, y: NaN };
    points[200] = { x: 200, y: 0, skip: true };
    expect(asCodes(simplifyLine(points, 0.1))).toEqual([
      [1, 0, 0],
      [2, 99, 0],
      [1, 101, 0],
      [2, 199, 0],
      [1, 201, 0],
      [2, 299, 0],
      [2, 299, 0],
    ]);
  });

  it('returns the path unchanged for a zero or non-finite threshold, and nothing for nothing', () => {
    const points = Array.from({ length: 200 }, (_, i) => ({ x: i, y: 0 }));
    for (const t of [0, -1, NaN]) expect(simplifyLine(points, t)).toEqual(points);
    expect(simplifyLine([], 1)).toEqual([]);
    expect(simplifyLine([{ x: NaN, y: 1 }], 1)).toEqual([]);
  });

  it('stays bounded for values at the limits of float64', () => {
    const values = [0, 1e-308, -1e-308, 1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324];
    const points = Array.from({ length: 400 }, (_, i) => ({ x: values[i % values.length], y: values[(i * 3) % values.length] }));
    const drawn = simplifyLine(points, 0.1);
    expect(drawn.length).toBeLessThanOrEqual(2 * points.length + 2);
    for (const p of drawn) if (!p.skip) expect(points.some((q) => q.x === p.x && q.y === p.y)).toBe(true);
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
/**
 * A straight line with wiggles (Cairo merges exactly collinear segments itself). matplotlib's rule
 * takes each run's direction from its first step, which the wiggle tilts: a run lasts some tens of
 * vertices, not the whole line.
 */
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
    expect(lineVertices(drawn(data, 'svg')).length).toBeLessThan(50);
  });

  it('SVG: lines of fewer than 128 vertices are drawn whole, as matplotlib leaves them', () => {
    expect(SIMPLIFY_MIN_VERTICES).toBe(128);
    expect(lineVertices(drawn(figureOf(127, wiggly), 'svg')).length).toBe(127);
    expect(lineVertices(drawn(figureOf(128, wiggly), 'svg')).length).toBeLessThan(64);
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
    expect(saved).toBeGreaterThan(950);
    expect(saved).toBeLessThan(1000);
  });

  it('every format simplifies at 1/9 of a device pixel', () => {
    // PNG: 8 chart units per pixel.
    expect(createSurface('png', [4, 3], 100).lineSimplifyThreshold).toBeCloseTo(8 / 9, 12);
    // SVG, PDF: 1/9 pixel at the figure's dpi, in chart units (1/20 pt).
    expect(createSurface('svg', [4, 3], 100).lineSimplifyThreshold).toBeCloseTo((1 / 9) * (72 / 100) * 20, 12);
    expect(createSurface('pdf', [4, 3], 300).lineSimplifyThreshold).toBeCloseTo((1 / 9) * (72 / 300) * 20, 12);
  });
});

describe('line paths', () => {
  const frame = { left: 0, top: 0, right: 100, bottom: 100, x: (v: number) => v, y: (v: number) => v };
  const xy = (v: XY[]) => v.map((p) => (p.skip ? 'gap' : [p.x, p.y]));

  it("drawstyle steps adds matplotlib's corners: steps-post holds each value, steps-pre takes the next", () => {
    expect(xy(pathVertices([0, 1, 2], [5, 6, 7], frame))).toEqual([
      [0, 5],
      [1, 6],
      [2, 7],
    ]);
    expect(xy(pathVertices([0, 1, 2], [5, 6, 7], frame, 'steps-post'))).toEqual([
      [0, 5],
      [1, 5],
      [1, 6],
      [2, 6],
      [2, 7],
    ]);
    expect(xy(pathVertices([0, 1, 2], [5, 6, 7], frame, 'steps-pre'))).toEqual([
      [0, 5],
      [0, 6],
      [1, 6],
      [1, 7],
      [2, 7],
    ]);
  });

  it('a value that is not finite breaks the line', () => {
    expect(xy(pathVertices([0, 1, 2, 3], [5, NaN, 7, 8], frame))).toEqual([[0, 5], 'gap', [2, 7], [3, 8]]);
    expect(xy(pathVertices([0, 1, 2], [5, Infinity, 7], frame, 'steps-post'))).toEqual([[0, 5], [1, 5], 'gap', 'gap', [2, 7]]);
  });

  it('paths of 128 vertices or more are simplified, shorter ones and unthresholded ones kept whole', () => {
    const line = (n: number) =>
      pathVertices(
        Array.from({ length: n }, (_, i) => i),
        Array.from({ length: n }, (_, i) => wiggly(i)),
        frame,
      );
    expect(drawnVertices(line(127), 0.1)).toHaveLength(127);
    expect(drawnVertices(line(128), 0.1).length).toBeLessThan(64);
    expect(drawnVertices(line(1000), undefined)).toHaveLength(1000);
    // A stepped path counts its corners: 64 points make 127 vertices, 65 make 129.
    const steps = (n: number) =>
      pathVertices(
        Array.from({ length: n }, (_, i) => i),
        new Array<number>(n).fill(1),
        frame,
        'steps-post',
      );
    expect(drawnVertices(steps(64), 0.1)).toHaveLength(127);
    expect(drawnVertices(steps(65), 0.1).length).toBeLessThan(5);
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

  it('the simplified PNG draws what the whole one draws', async () => {
    const [w, h] = options.figsize.map((v) => Math.round(v * options.dpi));
    const simplified = await rasterise(renderFigure(data, 'png', options), w, h);
    simplifyOff.value = true;
    let whole: Image;
    try {
      whole = await rasterise(renderFigure(data, 'png', options), w, h);
    } finally {
      simplifyOff.value = false;
    }
    const moved = difference(simplified, whole);
    expect(moved.mean).toBeLessThan(0.5);
    expect(moved.off).toBeLessThan(0.005);
  }, 60_000);
});

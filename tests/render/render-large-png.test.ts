/**
 * PNGs of any size drawn whole: every figure and slide variant at 16x9 in, 300 dpi (4800 × 2700
 * pixels) and at 40x2 in, 300 dpi (12 000 × 600), its PNG against its own SVG rasterised by
 * librsvg at the same pixel size. Chart.js clamped positions to ±32 768 chart units, so a PNG
 * wider than 4096 pixels lost every curve beyond pixel 4096; the SVG (other units) was whole.
 *
 * The measure: each image is cut into 64 × 16 cells; a pixel is drawn when some channel is 8
 * levels or more below white (lines, markers, text, and the faint alpha traces too: PNG sums a
 * translucent line's coverage where it folds over itself, as Agg does, so those are darker in the
 * PNG than in the SVG, but drawn in both). A cell drawn on at least 1 % of its pixels in one image
 * must be drawn on at least 0.1 % in the other, counted over the cell widened by 16 pixels on
 * every side (so that a line drawn a pixel or two apart in the two renderers, across a cell's
 * edge, still counts as drawn in both).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createCanvas, loadImage, type CanvasRenderingContext2D } from 'canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseParams } from '../../src/options/parse.js';
import { FIGURES } from '../../src/figures/registry.js';
import type { FigureData } from '../../src/data/types.js';
import { renderFigure } from '../../src/render/node-canvas.js';

const SIZES: { figsize: [number, number]; dpi: number }[] = [
  { figsize: [16, 9], dpi: 300 },
  { figsize: [40, 2], dpi: 300 },
];
const CELLS = { cols: 64, rows: 16 };
/** Ink is counted per tile of TILE × TILE pixels; a cell is widened by MARGIN tiles. */
const TILE = 8;
const MARGIN = 2;
/** A channel below this is drawn on (8 levels below white). */
const DRAWN = 248;
const PRESENT = 0.01;
const ABSENT = 0.001;

/** One canvas per size, reused: a fresh one per image left gigabytes to the garbage collector. */
const scratches = new Map<string, CanvasRenderingContext2D>();
function scratch(width: number, height: number): CanvasRenderingContext2D {
  const key = `${width}x${height}`;
  let ctx = scratches.get(key);
  if (!ctx) {
    ctx = createCanvas(width, height).getContext('2d');
    scratches.set(key, ctx);
  }
  return ctx;
}

/** Drawn pixels per tile of a PNG composited on white. */
async function inkTiles(png: Buffer, width: number, height: number) {
  const image = await loadImage(png);
  expect([image.width, image.height]).toEqual([width, height]);
  const ctx = scratch(width, height);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(image, 0, 0);
  const tw = Math.ceil(width / TILE);
  const th = Math.ceil(height / TILE);
  const counts = new Uint32Array(tw * th);
  // Row by row: the whole image as one ImageData would be another copy of 50 MB.
  for (let y = 0; y < height; y++) {
    const row = ctx.getImageData(0, y, width, 1).data;
    const base = Math.floor(y / TILE) * tw;
    for (let x = 0; x < width; x++) {
      const i = 4 * x;
      if (row[i] < DRAWN || row[i + 1] < DRAWN || row[i + 2] < DRAWN) counts[base + Math.floor(x / TILE)]++;
    }
  }
  return { tw, th, counts };
}

type Tiles = Awaited<ReturnType<typeof inkTiles>>;

function inkIn(t: Tiles, x0: number, y0: number, x1: number, y1: number): { ink: number; area: number } {
  let ink = 0;
  const [a, b, c, d] = [Math.max(0, x0), Math.max(0, y0), Math.min(t.tw, x1), Math.min(t.th, y1)];
  for (let y = b; y < d; y++) for (let x = a; x < c; x++) ink += t.counts[y * t.tw + x];
  return { ink, area: (c - a) * (d - b) * TILE * TILE };
}

/** Cells with ink in `drawn` and none, even around them, in `other`. */
function missing(drawn: Tiles, other: Tiles): string[] {
  const out: string[] = [];
  for (let r = 0; r < CELLS.rows; r++)
    for (let c = 0; c < CELLS.cols; c++) {
      const x0 = Math.floor((c * drawn.tw) / CELLS.cols);
      const x1 = Math.floor(((c + 1) * drawn.tw) / CELLS.cols);
      const y0 = Math.floor((r * drawn.th) / CELLS.rows);
      const y1 = Math.floor(((r + 1) * drawn.th) / CELLS.rows);
      const here = inkIn(drawn, x0, y0, x1, y1);
      if (here.ink < PRESENT * here.area) continue;
      const there = inkIn(other, x0 - MARGIN, y0 - MARGIN, x1 + MARGIN, y1 + MARGIN);
      if (there.ink < ABSENT * there.area) out.push(`cell (${c}, ${r}), pixels x ${x0 * TILE}…${x1 * TILE}, y ${y0 * TILE}…${y1 * TILE}`);
    }
  return out;
}

const run = promisify(execFile);

async function rasterise(svg: Buffer, width: number, height: number): Promise<Buffer> {
  const child = run('rsvg-convert', ['-f', 'png', '-w', String(width), '-h', String(height)], { encoding: 'buffer', maxBuffer: 1 << 30 });
  child.child.stdin?.end(svg);
  return (await child).stdout;
}

/** Every figure and variant: a name and its FigureData, one simulation per distinct model input. */
async function everyFigure(): Promise<{ name: string; data: FigureData }[]> {
  const out: { name: string; data: FigureData }[] = [];
  for (const fig of FIGURES) {
    // The drawing is under test, not the tuning curve's statistics: a small population.
    const base = fig.name === 'tuning-curve' ? { n: '200' } : {};
    const sims = new Map<string, Awaited<ReturnType<typeof fig.simulate>>>();
    const runs = [
      { name: fig.name, given: base },
      ...fig.variants.map((v) => ({
        name: v.name,
        given: { ...base, ...Object.fromEntries(v.args.flatMap((a, k) => (a.startsWith('--') && a !== '--figsize' ? [[a.slice(2), v.args[k + 1]]] : []))) },
      })),
    ];
    for (const run of runs) {
      const { params } = parseParams(fig, run.given);
      const key = fig.simulationKey(params);
      if (!sims.has(key)) sims.set(key, await fig.simulate(params, {}));
      out.push({ name: run.name, data: sims.get(key)!.draw(params) });
    }
  }
  return out;
}

describe('PNGs of any size are drawn whole (against their own SVG)', () => {
  let figures: { name: string; data: FigureData }[] = [];
  beforeAll(async () => {
    figures = await everyFigure();
  }, 120_000);

  it('covers every figure and variant', () => {
    expect(figures.length).toBe(FIGURES.reduce((n, f) => n + 1 + f.variants.length, 0));
  });

  for (const { figsize, dpi } of SIZES) {
    const [width, height] = figsize.map((v) => Math.floor(v * dpi));
    it(`${figsize.join('x')} in at ${dpi} dpi (${width} × ${height} px)`, { timeout: 900_000 }, async () => {
      const problems: string[] = [];
      for (const { name, data } of figures) {
        // librsvg rasterises the SVG on the other core while the PNG is drawn and read.
        const fromSvg = rasterise(renderFigure(data, 'svg', { figsize, dpi }), width, height);
        const a = await inkTiles(renderFigure(data, 'png', { figsize, dpi }), width, height);
        const b = await inkTiles(await fromSvg, width, height);
        for (const cell of missing(b, a)) problems.push(`${name}: drawn in the SVG, missing in the PNG: ${cell}`);
        for (const cell of missing(a, b)) problems.push(`${name}: drawn in the PNG, missing in the SVG: ${cell}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

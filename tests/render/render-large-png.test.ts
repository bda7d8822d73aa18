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
import { drawOnSurface } from '../../src/render/index.js';
import { createSurface, renderFigure } from '../../src/render/node-canvas.js';

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

/** Ink per tile of a raster drawn on white; `pixels` is Cairo's premultiplied ARGB32 (a canvas's 'raw' buffer). */
function inkTiles(pixels: Buffer, width: number, height: number) {
  expect(pixels.length).toBe(4 * width * height);
  const tw = Math.ceil(width / TILE);
  const th = Math.ceil(height / TILE);
  const counts = new Uint32Array(tw * th);
  for (let y = 0; y < height; y++) {
    const base = Math.floor(y / TILE) * tw;
    for (let x = 0, i = 4 * y * width; x < width; x++, i += 4) {
      // Composited on white: a premultiplied channel c of alpha a shows as c + 255 - a.
      const clear = 255 - pixels[i + 3];
      if (pixels[i] + clear < DRAWN || pixels[i + 1] + clear < DRAWN || pixels[i + 2] + clear < DRAWN) counts[base + Math.floor(x / TILE)]++;
    }
  }
  return { tw, th, counts };
}

/**
 * The pixels of the PNG file: the canvas renderFigure encodes, read before encoding (encoding
 * and decoding tens of megapixels cost four times the drawing; one test below checks that the
 * decoded file has the same ink).
 */
function pngPixels(data: FigureData, figsize: [number, number], dpi: number): Buffer {
  const surface = createSurface('png', figsize, dpi);
  drawOnSurface(data, surface, { figsize, dpi });
  return surface.canvas.toBuffer('raw');
}

/** A PNG file's pixels composited on white, as a 'raw' buffer. */
async function decodedPixels(png: Buffer, width: number, height: number): Promise<Buffer> {
  const image = await loadImage(png);
  expect([image.width, image.height]).toEqual([width, height]);
  return onWhite(width, height, (ctx) => ctx.drawImage(image, 0, 0));
}

function onWhite(width: number, height: number, draw: (ctx: CanvasRenderingContext2D) => void): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  draw(ctx);
  return canvas.toBuffer('raw');
}

/**
 * The SVG rasterised by librsvg at width × height pixels, in process (node-canvas loads SVG
 * through librsvg): its header given that size in pixels, as `rsvg-convert -w -h` does, so that
 * librsvg draws the vectors at full size (drawn at its own size, 72 dpi, and scaled, it would be
 * blurred). One test below checks the pixels equal rsvg-convert's.
 */
async function svgPixels(svg: Buffer, width: number, height: number): Promise<Buffer> {
  const sized = svg
    .toString('utf8')
    .replace(/<svg\b[^>]*>/, (tag) => tag.replace(/\bwidth="[^"]*"/, `width="${width}px"`).replace(/\bheight="[^"]*"/, `height="${height}px"`));
  const image = await loadImage(Buffer.from(sized, 'utf8'));
  expect([image.width, image.height]).toEqual([width, height]);
  return onWhite(width, height, (ctx) => ctx.drawImage(image, 0, 0, width, height));
}

type Tiles = ReturnType<typeof inkTiles>;

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
        const a = inkTiles(pngPixels(data, figsize, dpi), width, height);
        const b = inkTiles(await svgPixels(renderFigure(data, 'svg', { figsize, dpi }), width, height), width, height);
        for (const cell of missing(b, a)) problems.push(`${name}: drawn in the SVG, missing in the PNG: ${cell}`);
        for (const cell of missing(a, b)) problems.push(`${name}: drawn in the PNG, missing in the SVG: ${cell}`);
      }
      expect(problems).toEqual([]);
    });
  }

  // The two shortcuts above, checked on one figure at the wide size: the canvas read before
  // encoding is the PNG file, and librsvg in process draws what rsvg-convert draws.
  const { figsize, dpi } = SIZES[1];
  const [width, height] = figsize.map((v) => Math.floor(v * dpi));
  const sample = () => figures.find((f) => f.name === 'stp')!.data;

  it("the canvas read before encoding has the PNG file's pixels", async () => {
    const file = await decodedPixels(renderFigure(sample(), 'png', { figsize, dpi }), width, height);
    expect(pngPixels(sample(), figsize, dpi).equals(file)).toBe(true);
  });

  it('librsvg in process rasterises the SVG as rsvg-convert does', async () => {
    const svg = renderFigure(sample(), 'svg', { figsize, dpi });
    const file = await decodedPixels(await rasterise(svg, width, height), width, height);
    expect((await svgPixels(svg, width, height)).equals(file)).toBe(true);
  });
});

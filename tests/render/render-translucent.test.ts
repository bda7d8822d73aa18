/**
 * Translucent lines in PNG drawn with Agg's coverage (src/render/translucent-lines.ts):
 * a line never darkens itself twice, overlapping lines compound, the alpha is rounded to 8 bits
 * as Agg rounds it, and where a path folds back on itself its edges add up as in Agg.
 */
import { createCanvas, loadImage } from 'canvas';
import { describe, expect, it } from 'vitest';
import { plot } from '../../src/data/marks.js';
import type { FigureData } from '../../src/data/types.js';
import { renderFigure } from '../../src/render/node-canvas.js';
import { translucentColor } from '../../src/render/translucent-lines.js';

const SIZE = { figsize: [4, 2] as [number, number], dpi: 100 };

function figure(marks: FigureData['panels'][number]['marks']): FigureData {
  return {
    figure: 'translucent',
    params: {},
    paramUnits: {},
    layout: { rows: 1, cols: 1 },
    panels: [{ id: 'p', row: 0, col: 0, frame: false, xticks: false, yticks: false, xlim: [0, 10], ylim: [0, 10], marks }],
  };
}

async function grey(fig: FigureData) {
  const image = await loadImage(renderFigure(fig, 'png', SIZE));
  const c = createCanvas(image.width, image.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  return {
    at: (x: number, y: number) => data[4 * (y * image.width + x)],
    /** Total ink (255 − grey, summed) in a rectangle of device pixels. */
    ink(x0: number, y0: number, x1: number, y1: number) {
      let s = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) s += 255 - data[4 * (y * image.width + x)];
      return s;
    },
    darkest(x0: number, y0: number, x1: number, y1: number) {
      let m = 255;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) m = Math.min(m, data[4 * (y * image.width + x)]);
      return m;
    },
  };
}

/** A trace at y = 2 with a one-sample spike to y = 8 at x = 5 (up and straight back down). */
const spikeX = Array.from({ length: 1001 }, (_, i) => i / 100);
const spikeY = spikeX.map((_, i) => (i === 500 ? 8 : 2));

describe('translucent lines (PNG)', () => {
  it("rounds the alpha to 8 bits as Agg does (0.05 is 13/255; Cairo's truncation would give 12/255)", () => {
    expect(translucentColor('rgba(0, 0, 0, 0.05)')).toEqual({ rgb: 'rgb(0, 0, 0)', alpha: 13 / 255 });
    expect(translucentColor('rgba(31, 119, 180, 0.8)')).toEqual({ rgb: 'rgb(31, 119, 180)', alpha: 204 / 255 });
    expect(translucentColor('rgba(0, 0, 0, 1)')).toBeUndefined();
    expect(translucentColor('#000000')).toBeUndefined();
  });

  it('draws one line at its alpha, once, where it folds back on itself', async () => {
    const px = await grey(figure([plot(spikeX, spikeY, { id: 'a', c: 'k', alpha: 0.05 })]));
    // The flat part (y = 2 is device row 160) and the spike's column (x = 5 is device column 200):
    // one pass of black at 13/255 over white is 242, up and down strokes together too.
    expect(px.darkest(20, 150, 180, 170)).toBe(242);
    expect(px.darkest(195, 50, 205, 140)).toBe(242);
  });

  it('compounds overlapping lines: 25 at alpha 0.05 leave about 255 × (242/255)^25', async () => {
    const traces = Array.from({ length: 25 }, (_, k) => plot(spikeX, spikeY, { id: `t${k}`, c: 'k', alpha: 0.05 }));
    const px = await grey(figure(traces));
    expect(Math.abs(px.darkest(20, 150, 180, 170) - 255 * (242 / 255) ** 25)).toBeLessThan(2);
  });

  it("adds up the antialiased edges of a stroke that folds back on itself, as Agg's area sums do", async () => {
    // Up and straight back down, against up only, at four places a fraction of a pixel apart
    // (wherever the edges fall, some pixels are partly covered): the edges of the two
    // overlapping strokes add up, so the folded ones carry more ink, their cores no darker.
    const at = [2, 4.03, 6.07, 8.11];
    const single = await grey(figure(at.map((x, k) => plot([x, x], [2, 8], { id: `s${k}`, c: 'k', alpha: 0.5 }))));
    const folded = await grey(figure(at.map((x, k) => plot([x, x, x], [2, 8, 2], { id: `f${k}`, c: 'k', alpha: 0.5 }))));
    expect(folded.ink(0, 60, 400, 140)).toBeGreaterThan(1.15 * single.ink(0, 60, 400, 140));
    expect(folded.darkest(0, 60, 400, 140)).toBe(single.darkest(0, 60, 400, 140));
  });
});

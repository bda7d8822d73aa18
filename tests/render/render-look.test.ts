/**
 * The look's last pixels against matplotlib 3.6 (issue 16): axhline/axvline snapped to the
 * pixel grid by Agg's rule, hodgkin-huxley's centred crop of the cell's own layout, and
 * analogue-vs-digital's suptitle as far above the panels as the cell put it.
 */
import { createCanvas, loadImage } from 'canvas';
import { describe, expect, it } from 'vitest';
import { parseParams } from '../../src/options/parse.js';
import { FIGURES } from '../../src/figures/registry.js';
import { axhline } from '../../src/data/marks.js';
import type { FigureData } from '../../src/data/types.js';
import { suptitleOf } from '../../src/render/index.js';
import { layoutFigure, renderFigure } from '../../src/render/node-canvas.js';
import { snapLikeAgg } from '../../src/render/plugins/full-box.js';
import { SUBPLOT_DEFAULTS } from '../../src/render/style.js';

async function greyRows(png: Buffer, x: number) {
  const image = await loadImage(png);
  const c = createCanvas(image.width, image.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  return Array.from({ length: image.height }, (_, y) => data[4 * (y * image.width + x)]);
}

async function built(name: string): Promise<FigureData> {
  const fig = FIGURES.find((f) => f.name === name);
  if (!fig) throw new Error(`no figure ${name}`);
  return fig.build(parseParams(fig, {}).params, {});
}

describe("Agg's pixel snapping of axhline / axvline", () => {
  it('puts a vertex at floor(v + 0.5), plus half a pixel for an odd width', () => {
    // In device pixels (one unit per pixel): odd widths on the centre after rounding, even on the edge.
    expect(snapLikeAgg(124.35, 7, 1)).toBe(124.5);
    expect(snapLikeAgg(124.99, 7, 1)).toBe(125.5);
    expect(snapLikeAgg(124.6, 2, 1)).toBe(125);
    expect(snapLikeAgg(124.4, 2, 1)).toBe(124);
    // In chart units (8 per pixel) the same, and vector output is left alone.
    expect(snapLikeAgg(8 * 60.7, 8, 8)).toBe(8 * 61.5);
    expect(snapLikeAgg(60.7, 1, undefined)).toBe(60.7);
  });

  it('draws a 1 px axhline on the pixel row matplotlib 3.6 fills (60.7 px down: row 61, 40.3: row 40)', async () => {
    // 2 × 2 in at 72 dpi, the axes filling the figure: 1 pt is one pixel, data y = 144 − pixel row.
    const data: FigureData = {
      figure: 'snap',
      params: {},
      paramUnits: {},
      layout: { rows: 1, cols: 1, tight: false, subplotsAdjust: { left: 0, right: 1, bottom: 0, top: 1 } },
      panels: [
        {
          id: 'p',
          frame: false,
          xticks: false,
          yticks: false,
          xlim: [0, 1],
          ylim: [0, 144],
          marks: [axhline(144 - 60.7, { id: 'a', c: 'k', lw: 1 }), axhline(144 - 40.3, { id: 'b', c: 'k', lw: 1 })],
        },
      ],
    };
    const column = await greyRows(renderFigure(data, 'png', { figsize: [2, 2], dpi: 72 }), 72);
    expect(column.slice(38, 43)).toEqual([255, 255, 0, 255, 255]);
    expect(column.slice(59, 64)).toEqual([255, 255, 0, 255, 255]);
  });
});

describe('hodgkin-huxley: the published crop of the cell, centred on its canvas', () => {
  it("keeps the axes at the cell's size and centres the whole drawing", async () => {
    const data = await built('hodgkin-huxley');
    const [g] = layoutFigure(data, { figsize: [4, 3], dpi: 100 }, 100 / 72);
    const { box, tight } = g;
    // figure.subplot.*: 0.775 × 0.77 of the 288 × 216 pt figure (310 × 231 px at 100 dpi).
    expect(box.right - box.left).toBeCloseTo((SUBPLOT_DEFAULTS.right - SUBPLOT_DEFAULTS.left) * 288, 9);
    expect(box.bottom - box.top).toBeCloseTo((SUBPLOT_DEFAULTS.top - SUBPLOT_DEFAULTS.bottom) * 216, 9);
    expect(tight.left).toBeCloseTo(288 - tight.right, 9);
    expect(tight.top).toBeCloseTo(216 - tight.bottom, 9);
    expect(tight.left).toBeGreaterThan(0);
    expect(tight.top).toBeGreaterThan(0);
  });

  it('refuses a fit it does not know', async () => {
    const data = await built('hodgkin-huxley');
    const bad = { ...data, layout: { ...data.layout, fit: 'crop' } } as unknown as FigureData;
    expect(() => renderFigure(bad, 'png', { figsize: [4, 3], dpi: 100 })).toThrow(/layout fit must be 'centred-crop'/);
  });

  it('falls back to tight_layout when the drawing is larger than the canvas', async () => {
    const data = await built('hodgkin-huxley');
    // 1.2 × 0.9 in: the labels alone are wider than 77.5 % of the figure leaves room for.
    const [g] = layoutFigure(data, { figsize: [1.2, 0.9], dpi: 100 }, 100 / 72);
    expect(g.box.right - g.box.left).not.toBeCloseTo((SUBPLOT_DEFAULTS.right - SUBPLOT_DEFAULTS.left) * 1.2 * 72, 3);
  });
});

describe('analogue-vs-digital: the suptitle stands where the cell put it relative to the panels', () => {
  it("keeps the cell's distance from the suptitle to the column titles, the suptitle inside the canvas", async () => {
    const data = await built('analogue-vs-digital');
    const size = { figsize: [10, 4] as [number, number], dpi: 150 };
    const k = 150 / 72;
    // The cell as written: suptitle(y=1.05), above the canvas, over tight_layout(rect=[0, 0, 1, 0.95]).
    const cell: FigureData = { ...data, layout: { ...data.layout, suptitle: { text: 'Digital vs Analogue Transmission', y: 1.05 }, rect: [0, 0, 1, 0.95] } };
    const gap = (d: FigureData) => {
      const s = suptitleOf(d, 4 * 72, k);
      if (!s) throw new Error('no suptitle');
      return { suptitle: s.y, gap: Math.min(...layoutFigure(d, size, k).map((g) => g.tight.top)) - s.y };
    };
    const ours = gap(data);
    const published = gap(cell);
    expect(published.suptitle).toBeLessThan(0);
    expect(ours.suptitle).toBeGreaterThan(0);
    expect(ours.gap).toBeCloseTo(published.gap, 6);
  });
});

/**
 * Slide styling: `--context talk` lays figures out as matplotlib does under
 * plt.style.use('seaborn-v0_8-talk') (the axes boxes of scripts/matplotlib_context_fixtures.py,
 * to a few pixels); `--transparent` leaves the background transparent in PNG, SVG and PDF;
 * the sizes are restored after each drawing; both are recorded in the JSON.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadImage, createCanvas } from 'canvas';
import { describe, expect, it } from 'vitest';
import { buildFigure, renderFigure } from '../../src/index.js';
import type { FigureData } from '../../src/data/types.js';
import { layoutFigure, renderFigure as drawFigure } from '../../src/render/node-canvas.js';
import { CONTEXTS, FONT_SIZE, LABEL_SIZE, LINE_WIDTH, TICK_PAD, withStyle } from '../../src/render/style.js';
import { SYNTHETIC_SIZE, syntheticFigure } from '../helpers/synthetic-figure.js';

interface Fixture {
  figures: Record<string, { figsize: [number, number]; axes: Record<string, [number, number, number, number]> }>;
}
const FIXTURE = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'render', 'context-talk-matplotlib.json'), 'utf8')) as Fixture;

/** Each axes box in pixels at `dpi`, as [left, top, right, bottom], ours and matplotlib's. */
function boxes(name: string, data: FigureData, dpi: number) {
  const { figsize, axes } = FIXTURE.figures[name];
  const k = dpi / 72;
  const geometry = withStyle({ context: 'talk' }, () => layoutFigure(data, { figsize, dpi }, k));
  const [W, H] = [figsize[0] * dpi, figsize[1] * dpi];
  return geometry.map((g) => {
    const [left, bottom, width, height] = axes[g.panel.id];
    return {
      id: g.panel.id,
      ours: [g.box.left * k, g.box.top * k, g.box.right * k, g.box.bottom * k],
      mpl: [left * W, (1 - bottom - height) * H, (left + width) * W, (1 - bottom) * H],
    };
  });
}

function expectWithin(rows: ReturnType<typeof boxes>, px: number): void {
  for (const r of rows) r.ours.forEach((v, i) => expect(Math.abs(v - r.mpl[i]), `${r.id} [${i}]: ${v} vs ${r.mpl[i]}`).toBeLessThan(px));
}

describe('--context talk draws as plt.style.use("seaborn-v0_8-talk")', () => {
  // Hinted text heights (titles, suptitle) differ by a pixel or two, as at the default sizes.
  it('the synthetic figure: every axes box within 4 px of matplotlib (10×6 in at 100 dpi)', () => {
    expectWithin(boxes('synthetic', syntheticFigure(), SYNTHETIC_SIZE.dpi), 4);
  });

  it('stp: every axes box within 4 px of matplotlib (8×5 in at 200 dpi)', async () => {
    const stp = await buildFigure('stp', {});
    const rows = boxes('stp', stp, 200);
    expect(rows.map((r) => r.id)).toEqual(Object.keys(FIXTURE.figures.stp.axes));
    expectWithin(rows, 4);
  });

  it('is not the default look: the boxes move by more than that without the style', async () => {
    const stp = await buildFigure('stp', {});
    const plain = layoutFigure(stp, { figsize: [8, 5], dpi: 200 }, 200 / 72);
    const talk = boxes('stp', stp, 200);
    expect(Math.abs(plain[0].box.left * (200 / 72) - talk[0].mpl[0])).toBeGreaterThan(10);
  });

  it("takes the style sheets' sizes, and restores matplotlib's defaults after drawing", () => {
    expect(CONTEXTS.talk).toMatchObject({ labelSize: 14.3, tickLabelSize: 13, lineWidth: 2.275, tickPad: 9.1 });
    const seen = withStyle({ context: 'poster', fontScale: 2 }, () => ({ label: LABEL_SIZE, font: FONT_SIZE, line: LINE_WIDTH, pad: TICK_PAD }));
    expect(seen).toEqual({ label: 35.2, font: 20, line: 2.8, pad: 11.2 });
    expect(() => withStyle({ context: 'talk' }, () => drawFigure(syntheticFigure(), 'nope' as 'png', SYNTHETIC_SIZE))).toThrow();
    expect([LABEL_SIZE, FONT_SIZE, LINE_WIDTH, TICK_PAD]).toEqual([10, 10, 1.5, 3.5]);
  });
});

/** RGBA of every pixel of a PNG. */
async function pixels(png: Uint8Array): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const img = await loadImage(Buffer.from(png));
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return { data: ctx.getImageData(0, 0, img.width, img.height).data, width: img.width, height: img.height };
}

describe('--transparent', () => {
  it('PNG: alpha 0 outside the drawing (corners, inside the axes away from the lines), opaque ink on the lines', async () => {
    const lif = await buildFigure('lif', {});
    const { data, width, height } = await pixels(await renderFigure(lif, 'png', { transparent: true }));
    const alpha = (x: number, y: number) => data[(y * width + x) * 4 + 3];
    expect([alpha(0, 0), alpha(width - 1, 0), alpha(0, height - 1), alpha(width - 1, height - 1)]).toEqual([0, 0, 0, 0]);
    let clear = 0;
    for (let k = 3; k < data.length; k += 4) if (data[k] === 0) clear++;
    // Most of the figure is background; the lines, spines and text are opaque.
    expect(clear / (width * height)).toBeGreaterThan(0.8);
    let opaqueInk = 0;
    for (let k = 3; k < data.length; k += 4) if (data[k] === 255) opaqueInk++;
    expect(opaqueInk).toBeGreaterThan(1000);
    const opaque = await pixels(await renderFigure(lif, 'png'));
    expect(opaque.data[3]).toBe(255);
  });

  it('SVG and PDF: no background rectangle (rendered back, the corner is transparent)', async () => {
    const lif = await buildFigure('lif', {});
    const dir = mkdtempSync(join(tmpdir(), 'snn-figs-transparent-'));
    const svg = join(dir, 'lif.svg');
    writeFileSync(svg, await renderFigure(lif, 'svg', { transparent: true }));
    const fromSvg = spawnSync('rsvg-convert', ['-o', join(dir, 'svg.png'), svg]);
    expect(fromSvg.status).toBe(0);
    expect((await pixels(readFileSync(join(dir, 'svg.png')))).data[3]).toBe(0);
    const pdf = join(dir, 'lif.pdf');
    writeFileSync(pdf, await renderFigure(lif, 'pdf', { transparent: true }));
    const fromPdf = spawnSync('pdftocairo', ['-png', '-transp', '-singlefile', pdf, join(dir, 'pdf')]);
    expect(fromPdf.status).toBe(0);
    expect((await pixels(readFileSync(join(dir, 'pdf.png')))).data[3]).toBe(0);
    const opaquePdf = join(dir, 'opaque.pdf');
    writeFileSync(opaquePdf, await renderFigure(lif, 'pdf'));
    spawnSync('pdftocairo', ['-png', '-transp', '-singlefile', opaquePdf, join(dir, 'opaque')]);
    expect((await pixels(readFileSync(join(dir, 'opaque.png')))).data[3]).toBe(255);
  });
});

describe('render settings in the JSON', () => {
  it("records size, context, font scale and transparency when the look is not matplotlib's default", async () => {
    const lif = await buildFigure('lif', {});
    const json = (bytes: Uint8Array) => JSON.parse(Buffer.from(bytes).toString('utf8')) as { render?: unknown };
    expect(json(await renderFigure(lif, 'json')).render).toBeUndefined();
    expect(json(await renderFigure(lif, 'json', { context: 'talk', fontScale: 1.5, transparent: true })).render).toEqual({
      figsize: [8, 3],
      dpi: 100,
      context: 'talk',
      fontScale: 1.5,
      transparent: true,
    });
    expect(json(await renderFigure(lif, 'json', { figsize: [16, 9], dpi: 300 })).render).toBeUndefined();
    expect(json(await renderFigure(lif, 'json', { figsize: [16, 9], dpi: 300, transparent: true })).render).toEqual({
      figsize: [16, 9],
      dpi: 300,
      context: null,
      fontScale: 1,
      transparent: true,
    });
  });

  it('refuses an unknown context or a font scale out of bounds', async () => {
    const lif = await buildFigure('lif', {});
    await expect(renderFigure(lif, 'png', { context: 'slides' as 'talk' })).rejects.toThrow(
      /context must be one of paper, notebook, talk, poster, got 'slides'/,
    );
    await expect(renderFigure(lif, 'png', { fontScale: 0 })).rejects.toThrow(/fontScale must be between 0.1 and 10, got 0/);
    await expect(renderFigure(lif, 'json', { fontScale: Number.NaN })).rejects.toThrow(/fontScale/);
  });
});

/**
 * drawFigure (snn-figs/core) draws on a caller's canvas what the PNG path draws: here the
 * caller's canvas is node-canvas's, so its pixels can be compared with the PNG's bytes.
 */
import { createCanvas } from 'canvas';
import { describe, expect, it } from 'vitest';
import { drawFigure } from '../../src/api/draw.js';
import { buildFigure } from '../../src/api/simulate.js';
import { findFigure } from '../../src/figures/registry.js';
import { renderFigure } from '../../src/render/node-canvas.js';

describe('drawFigure on a given canvas', () => {
  // Opaque lines only: translucent ones take scratch rasters from the platform (OffscreenCanvas in a page).
  it.each(['coincidence', 'stp', 'population'] as const)('%s: sized to figsize × dpi and drawn as its PNG', async (name) => {
    const data = await buildFigure(name);
    const { figsize, dpi } = findFigure(name)!;
    const canvas = createCanvas(1, 1);
    drawFigure(data, canvas);
    expect([canvas.width, canvas.height]).toEqual([Math.floor(figsize[0] * dpi + 1e-6), Math.floor(figsize[1] * dpi + 1e-6)]);
    expect(canvas.toBuffer('image/png').equals(renderFigure(data, 'png', { figsize, dpi }))).toBe(true);
  });

  it('refuses a size no canvas can hold, as the library does', async () => {
    const data = await buildFigure('coincidence');
    expect(() => drawFigure(data, createCanvas(1, 1), { figsize: [200, 1] })).toThrow(/figsize must be at most 100x100 inches/);
  });
});

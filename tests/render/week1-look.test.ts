/**
 * The week-1 figures as published: every one is laid out to fit its canvas, so nothing is
 * clipped — hodgkin-huxley included, whose cell calls no tight_layout (its labels fall off a
 * figsize × dpi canvas in matplotlib; the notebook's image shows them because Jupyter crops to
 * the drawn extent). Checked on the PNG: a white border all round, and ink near every edge's
 * axis labels inside it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from 'canvas';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { silentStreams } from '../helpers/streams.js';
import { WEEK1_FIGURES } from '../helpers/week1.js';

const dir = mkdtempSync(join(tmpdir(), 'snn-figs-week1-look-'));
const SMALL: Record<string, string[]> = {
  'reliable-spike-timing': ['--trials', '3', '--duration', '150ms'],
  'reliable-spike-timing-non-leaky': ['--trials', '3', '--duration', '150ms'],
};

/** Rows and columns (from each edge) before the first non-white pixel. */
async function margins(file: string): Promise<{ left: number; right: number; top: number; bottom: number; width: number; height: number }> {
  const image = await loadImage(file);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data, width, height } = ctx.getImageData(0, 0, image.width, image.height);
  const ink = (x: number, y: number) => {
    const k = 4 * (y * width + x);
    return data[k] < 250 || data[k + 1] < 250 || data[k + 2] < 250;
  };
  const columnHasInk = (x: number) => Array.from({ length: height }, (_, y) => y).some((y) => ink(x, y));
  const rowHasInk = (y: number) => Array.from({ length: width }, (_, x) => x).some((x) => ink(x, y));
  let [left, right, top, bottom] = [0, 0, 0, 0];
  while (left < width && !columnHasInk(left)) left++;
  while (right < width && !columnHasInk(width - 1 - right)) right++;
  while (top < height && !rowHasInk(top)) top++;
  while (bottom < height && !rowHasInk(height - 1 - bottom)) bottom++;
  return { left, right, top, bottom, width, height };
}

describe('week-1 figures are laid out to fit, as published', () => {
  it.each(WEEK1_FIGURES)('%s: nothing touches the edge of the canvas', async (figure) => {
    const out = join(dir, `${figure}.png`);
    const { io, stderr } = silentStreams();
    expect(await main([figure, ...(SMALL[figure] ?? []), '--out', out, '--quiet'], io), stderr()).toBe(0);
    const m = await margins(out);
    for (const side of ['left', 'right', 'top', 'bottom'] as const) {
      expect(m[side], `${side} margin`).toBeGreaterThanOrEqual(1);
      // tight_layout's pad (1.08 × 10 pt) leaves a few pixels, not a quarter of the figure
      expect(m[side], `${side} margin`).toBeLessThan((side === 'left' || side === 'right' ? m.width : m.height) / 8);
    }
  });
});

/**
 * The renderer: the matplotlib look (checked against boxes, legends and ticks measured on the
 * reference matplotlib PNGs in /work/shared/reference/brian2-matplotlib), panel grids, PNG /
 * SVG / PDF output read back to pixels (rsvg-convert, pdftoppm), byte-for-byte
 * reproducibility. Golden snapshots of every figure are in render-snapshots.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from 'canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseParams } from '../../src/options/parse.js';
import { FIGURES } from '../../src/figures/registry.js';
import type { FigureModule } from '../../src/figures/spec.js';
import type { FigureData } from '../../src/data/types.js';
import { layoutFigure, renderFigure, type ImageFormat } from '../../src/render/node-canvas.js';
import { markColors } from '../../src/render/marks/index.js';
import { parseMathtext } from '../../src/render/mathtext.js';
import { autoLimits, axisTicks, maxNLocator } from '../../src/render/ticks.js';

const work = mkdtempSync(join(tmpdir(), 'snn-figs-render-'));

const MINUS = '\u2212';

/** The figures with their defaults; the tuning curve small (its default simulates 410,000 neurons). */
const SMALL: Record<string, Record<string, string>> = { 'tuning-curve': { n: '200', points: '9' } };

function figure(name: string): FigureModule {
  const f = FIGURES.find((m) => m.name === name);
  if (!f) throw new Error(`no figure ${name}`);
  return f;
}

async function build(name: string, given: Record<string, string> = {}): Promise<FigureData> {
  const f = figure(name);
  const { params } = parseParams(f, { ...(SMALL[name] ?? {}), ...given });
  return await f.build(params, {});
}

const NAMES = ['psp-abstraction', 'psp-forms', 'stp', 'coincidence', 'tuning-curve', 'population'];
const data: Record<string, FigureData> = {};
beforeAll(async () => {
  for (const name of NAMES) data[name] = await build(name);
});

const optionsOf = (name: string) => ({ figsize: figure(name).figsize, dpi: figure(name).dpi });

// ---------------------------------------------------------------- pixels

interface Pixels {
  width: number;
  height: number;
  at(x: number, y: number): [number, number, number];
}

async function pixels(png: Buffer): Promise<Pixels> {
  const image = await loadImage(png);
  const c = createCanvas(image.width, image.height);
  const ctx = c.getContext('2d');
  // SVG renders from rsvg-convert have a transparent background: composite on white.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, image.width, image.height);
  ctx.drawImage(image, 0, 0);
  const { data: d } = ctx.getImageData(0, 0, image.width, image.height);
  return {
    width: image.width,
    height: image.height,
    at: (x, y) => {
      const i = 4 * (y * image.width + x);
      return [d[i], d[i + 1], d[i + 2]];
    },
  };
}

const isDark = ([r, g, b]: number[]) => r < 80 && g < 80 && b < 80;
const isWhite = ([r, g, b]: number[]) => r === 255 && g === 255 && b === 255;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Axes boxes: pairs of long dark horizontal runs (top and bottom spines) with the same extent. */
function findBoxes(p: Pixels): Box[] {
  const spines: { x0: number; x1: number; y0: number; y1: number }[] = [];
  for (let y = 0; y < p.height; y++) {
    let start = -1;
    for (let x = 0; x <= p.width; x++) {
      const on = x < p.width && isDark(p.at(x, y));
      if (on && start < 0) start = x;
      if (!on && start >= 0) {
        if (x - start > 0.15 * p.width) {
          const s = spines.find((t) => Math.abs(t.x0 - start) <= 2 && Math.abs(t.x1 - (x - 1)) <= 2 && y - t.y1 <= 1);
          if (s) s.y1 = y;
          else spines.push({ x0: start, x1: x - 1, y0: y, y1: y });
        }
        start = -1;
      }
    }
  }
  const boxes: Box[] = [];
  const used = new Set<number>();
  spines.forEach((top, i) => {
    if (used.has(i)) return;
    const j = spines.findIndex((b, k) => k > i && !used.has(k) && Math.abs(b.x0 - top.x0) <= 2 && Math.abs(b.x1 - top.x1) <= 2);
    if (j < 0) return;
    used.add(i).add(j);
    const bottom = spines[j];
    boxes.push({ left: top.x0, right: top.x1 + 1, top: (top.y0 + top.y1 + 1) / 2, bottom: (bottom.y0 + bottom.y1 + 1) / 2 });
  });
  return boxes.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Legend frame edges inside a region: rows / columns holding a run of the frame's grey. */
function findLegend(p: Pixels, region: Box): Box | undefined {
  const grey = ([r, g, b]: number[]) => r === g && g === b && r >= 200 && r <= 228;
  const rows: number[] = [];
  const cols: number[] = [];
  for (let y = Math.ceil(region.top) + 3; y < region.bottom - 3; y++) {
    let run = 0;
    for (let x = region.left + 3; x < region.right - 3; x++) {
      run = grey(p.at(x, y)) ? run + 1 : 0;
      if (run === 25) {
        rows.push(y);
        break;
      }
    }
  }
  for (let x = region.left + 3; x < region.right - 3; x++) {
    let run = 0;
    for (let y = Math.ceil(region.top) + 3; y < region.bottom - 3; y++) {
      run = grey(p.at(x, y)) ? run + 1 : 0;
      if (run === 25) {
        cols.push(x);
        break;
      }
    }
  }
  if (rows.length < 2 || cols.length < 2) return undefined;
  return { top: rows[0], bottom: rows[rows.length - 1], left: cols[0], right: cols[cols.length - 1] };
}

function hex(c: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  if (!m) throw new Error(`not a hex colour: ${c}`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}

/** Pixels of (nearly) one colour inside a box. */
function countColor(p: Pixels, box: Box, color: string, tolerance = 8): number {
  const [r, g, b] = hex(color);
  let n = 0;
  for (let y = Math.ceil(box.top) + 2; y < box.bottom - 2; y++)
    for (let x = box.left + 2; x < box.right - 2; x++) {
      const q = p.at(x, y);
      if (Math.abs(q[0] - r) <= tolerance && Math.abs(q[1] - g) <= tolerance && Math.abs(q[2] - b) <= tolerance) n++;
    }
  return n;
}

/** The colour each drawn curve should have: its own ('C3' → tab10[3], 'b' → blue) or its panel's next tab10 entry. */
function expectedColors(d: FigureData): { panel: number; color: string }[] {
  return d.panels.flatMap((panel, k) => {
    const marks = panel.marks ?? [];
    const colors = markColors(marks);
    return marks.flatMap((m, j) => (m.kind === 'plot' && m.linestyle !== 'none' ? [{ panel: k, color: colors[j] }] : []));
  });
}

/** The panel boxes in reading order (row by row). */
function panelOrder(d: FigureData): number[] {
  return d.panels
    .map((p, k) => ({ k, row: p.row ?? 0, col: p.col ?? 0 }))
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map((e) => e.k);
}

// Measured on the reference PNGs (same finder): left, right, top, bottom in pixels at 200 dpi.
const REFERENCE_BOXES: Record<string, Box[]> = {
  'psp-abstraction': [{ left: 78, right: 971, top: 73, bottom: 883 }],
  'psp-forms': [{ left: 39, right: 1371, top: 30, bottom: 283 }],
  stp: [
    { left: 93, right: 785, top: 73, bottom: 439 },
    { left: 878, right: 1570, top: 73, bottom: 439 },
    { left: 93, right: 785, top: 517, bottom: 883 },
    { left: 878, right: 1570, top: 517, bottom: 883 },
  ],
  coincidence: [{ left: 78, right: 1571, top: 30, bottom: 283 }],
  'tuning-curve': [{ left: 149, right: 1571, top: 73, bottom: 882 }],
  population: [{ left: 78, right: 971, top: 73, bottom: 682 }],
};
// Legend frames on the reference PNGs (middle of the frame's stroke), by panel index.
const REFERENCE_LEGENDS: Record<string, Record<number, Box>> = {
  'psp-abstraction': { 0: { left: 360, right: 956, top: 87, bottom: 221 } },
  'psp-forms': { 0: { left: 1066, right: 1356, top: 44, bottom: 178 } },
  stp: { 2: { left: 652, right: 770, top: 531, bottom: 623 }, 3: { left: 1437, right: 1555, top: 531, bottom: 623 } },
};
// Tick labels of the references, per panel (x; y where shown).
const range = (from: number, to: number, step: number, decimals: number) =>
  Array.from({ length: Math.round((to - from) / step) + 1 }, (_, k) => (from + k * step).toFixed(decimals).replace('-', MINUS));
const REFERENCE_TICKS: Record<string, { x: string[]; y?: string[] }[]> = {
  'psp-abstraction': [{ x: range(0, 100, 20, 0) }],
  'psp-forms': [{ x: range(0, 50, 10, 0) }],
  stp: [
    { x: range(0, 300, 50, 0) },
    { x: range(0, 300, 50, 0) },
    { x: range(0, 300, 50, 0), y: range(0, 1, 0.2, 1) },
    { x: range(0, 300, 50, 0), y: range(0, 1, 0.2, 1) },
  ],
  coincidence: [{ x: range(0, 100, 20, 0) }],
  'tuning-curve': [{ x: range(-10, 10, 2.5, 1) }],
  population: [{ x: range(-2, 2, 0.5, 1) }],
};
/** The issue asks for the box within 1 % of the width; we hold ourselves to 3 px. */
const BOX_TOLERANCE_PX = 3;

// ---------------------------------------------------------------- tools

function rasteriseSvg(svg: Buffer, dpi: number): Buffer {
  const file = join(work, `f-${Math.random().toString(36).slice(2)}.svg`);
  writeFileSync(file, svg);
  return execFileSync('rsvg-convert', ['-f', 'png', '-d', String(dpi), '-p', String(dpi), file]);
}

function rasterisePdf(pdf: Buffer, dpi: number): Buffer {
  const file = join(work, `f-${Math.random().toString(36).slice(2)}`);
  writeFileSync(`${file}.pdf`, pdf);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', `${file}.pdf`, file]);
  return readFileSync(`${file}.png`);
}

function pdfPages(pdf: Buffer): { pages: number; width: number; height: number } {
  const file = join(work, `f-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file]).toString();
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

// ---------------------------------------------------------------- tests

describe('tick locator and formatter (matplotlib AutoLocator / ScalarFormatter)', () => {
  it('pads data limits by 5 % and finds matplotlib ticks', () => {
    expect(autoLimits([0, 50, 100])).toEqual([-5, 105]);
    const ticks = axisTicks([-5, 105], 320.8, 10, 3);
    expect(ticks.map((t) => t.label)).toEqual(['0', '20', '40', '60', '80', '100']);
  });
  it('gives every label the same decimals and a real minus sign', () => {
    const ticks = axisTicks(autoLimits([-10, 10]), 511, 10, 3);
    expect(ticks.map((t) => t.label)).toEqual(range(-10, 10, 2.5, 1));
    expect(ticks[0].label).toBe(`${MINUS}10.0`);
    expect(axisTicks(autoLimits([0, 1]), 130, 10, 2).map((t) => t.label)).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
  });
  it('uses fewer bins on a short axis', () => {
    expect(maxNLocator(0, 100, 2).filter((v) => v >= 0 && v <= 100)).toEqual([0, 50, 100]);
  });
});

describe('mathtext labels', () => {
  it('sets δt in italic and " (ms)" upright', () => {
    expect(parseMathtext('$\\delta t$ (ms)')).toEqual([
      { text: 'δt', italic: true },
      { text: ' (ms)', italic: false },
    ]);
    expect(parseMathtext('Time (ms)')).toEqual([{ text: 'Time (ms)', italic: false }]);
  });
});

describe.each(NAMES)('%s', (name) => {
  const opts = () => optionsOf(name);

  it('lays out ticks as the reference figure', () => {
    const geometry = layoutFigure(data[name], opts(), opts().dpi / 72);
    const order = panelOrder(data[name]);
    REFERENCE_TICKS[name].forEach((want, k) => {
      const g = geometry[order[k]];
      expect(
        g.xticks.map((t) => t.label),
        `panel ${k} x`,
      ).toEqual(want.x);
      if (want.y)
        expect(
          g.yticks.map((t) => t.label),
          `panel ${k} y`,
        ).toEqual(want.y);
      if (data[name].panels[order[k]].yticks === false) expect(g.yticks, `panel ${k} hides y ticks`).toEqual([]);
    });
  });

  it('draws a PNG like the reference: size, background, boxes, ticks, legend, colours', async () => {
    const png = renderFigure(data[name], 'png', opts());
    const p = await pixels(png);
    const [w, h] = opts().figsize;
    expect([p.width, p.height]).toEqual([w * opts().dpi, h * opts().dpi]);
    for (const [x, y] of [
      [0, 0],
      [p.width - 1, 0],
      [0, p.height - 1],
      [p.width - 1, p.height - 1],
    ])
      expect(isWhite(p.at(x, y))).toBe(true);

    const boxes = findBoxes(p);
    const want = REFERENCE_BOXES[name];
    expect(boxes).toHaveLength(want.length);
    boxes.forEach((b, k) => {
      for (const edge of ['left', 'right', 'top', 'bottom'] as const) {
        // The small tuning curve has other y tick labels than the reference, so another left edge.
        if (name === 'tuning-curve' && edge === 'left') continue;
        expect(Math.abs(b[edge] - want[k][edge]), `box ${k} ${edge}: ${b[edge]} vs reference ${want[k][edge]}`).toBeLessThanOrEqual(BOX_TOLERANCE_PX);
      }
    });

    const order = panelOrder(data[name]);
    const geometry = layoutFigure(data[name], opts(), opts().dpi / 72);
    const s = opts().dpi / 72;
    order.forEach((panelIndex, k) => {
      const box = boxes[k];
      const g = geometry[panelIndex];
      // Tick marks below the box at every x tick, none between two ticks.
      for (const t of g.xticks) {
        const x = Math.round(t.at * s);
        const hit = [-1, 0, 1].some((dx) => isDark(p.at(x + dx, Math.round(box.bottom) + 5)));
        expect(hit, `tick mark at x = ${t.label}`).toBe(true);
      }
      const between = Math.round(((g.xticks[0].at + g.xticks[1].at) / 2) * s);
      expect(isDark(p.at(between, Math.round(box.bottom) + 5))).toBe(false);
      // yticks([]): nothing just left of the left spine.
      if (data[name].panels[panelIndex].yticks === false) {
        for (let y = Math.ceil(box.top) + 3; y < box.bottom - 3; y += 3)
          for (let x = box.left - 9; x < box.left - 3; x++) expect(isDark(p.at(x, y)), `y tick at ${x},${y}`).toBe(false);
      }
      const legend = REFERENCE_LEGENDS[name]?.[k];
      const found = findLegend(p, box);
      if (legend) {
        expect(found, 'legend frame').toBeDefined();
        for (const edge of ['left', 'right', 'top', 'bottom'] as const)
          expect(Math.abs(found![edge] - legend[edge]), `legend ${edge}: ${found![edge]} vs ${legend[edge]}`).toBeLessThanOrEqual(BOX_TOLERANCE_PX);
      } else {
        expect(found, 'no legend').toBeUndefined();
      }
    });
    for (const { panel, color } of expectedColors(data[name])) {
      const k = order.indexOf(panel);
      expect(countColor(p, boxes[k], color), `${color} in panel ${k}`).toBeGreaterThan(30);
    }
    for (const panel of data[name].panels) {
      const k = order.indexOf(data[name].panels.indexOf(panel));
      const marks = panel.marks ?? [];
      const colors = markColors(marks);
      marks.forEach((m, j) => {
        if (m.kind === 'axhline' || m.kind === 'axvline') expect(countColor(p, boxes[k], colors[j]), `reference line ${m.id}`).toBeGreaterThan(30);
      });
    }
  });

  it('writes a vector SVG of figsize × 72 pt that renders back to the same boxes', async () => {
    const svg = renderFigure(data[name], 'svg', opts());
    const text = svg.toString('utf8');
    const [w, h] = opts().figsize;
    expect(text).toMatch(new RegExp(`<svg[^>]*width="${w * 72}pt"[^>]*height="${h * 72}pt"`));
    expect(text).not.toMatch(/<image\b/);
    expect(text).toMatch(/<path\b/);
    const p = await pixels(rasteriseSvg(svg, opts().dpi));
    expect(Math.abs(p.width - w * opts().dpi)).toBeLessThanOrEqual(1);
    expect(Math.abs(p.height - h * opts().dpi)).toBeLessThanOrEqual(1);
    expect(isWhite(p.at(0, 0)) && isWhite(p.at(p.width - 1, p.height - 1))).toBe(true);
    const boxes = findBoxes(p);
    const want = REFERENCE_BOXES[name];
    expect(boxes).toHaveLength(want.length);
    // Vector layout uses unrounded font metrics (as matplotlib's vector backends do): 1 % of the width.
    boxes.forEach((b, k) => {
      for (const edge of ['right', 'top', 'bottom'] as const) expect(Math.abs(b[edge] - want[k][edge])).toBeLessThanOrEqual(0.01 * p.width);
    });
    const order = panelOrder(data[name]);
    for (const { panel, color } of expectedColors(data[name])) expect(countColor(p, boxes[order.indexOf(panel)], color, 12)).toBeGreaterThan(30);
  });

  it('writes a one-page vector PDF of figsize × 72 pt that renders back to the same boxes', async () => {
    const pdf = renderFigure(data[name], 'pdf', opts());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const [w, h] = opts().figsize;
    expect(pdfPages(pdf)).toEqual({ pages: 1, width: w * 72, height: h * 72 });
    // Vector: no raster image objects.
    expect(pdf.toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
    const p = await pixels(rasterisePdf(pdf, opts().dpi));
    expect([p.width, p.height]).toEqual([w * opts().dpi, h * opts().dpi]);
    const boxes = findBoxes(p);
    expect(boxes).toHaveLength(REFERENCE_BOXES[name].length);
    const order = panelOrder(data[name]);
    for (const { panel, color } of expectedColors(data[name])) expect(countColor(p, boxes[order.indexOf(panel)], color, 12)).toBeGreaterThan(30);
  });

  it.each(['png', 'svg', 'pdf'] as ImageFormat[])('gives the same %s bytes twice', (format) => {
    const a = renderFigure(data[name], format, opts());
    const b = renderFigure(structuredClone(data[name]), format, opts());
    expect(a.equals(b)).toBe(true);
  });
});

describe('panel grids and slide variants', () => {
  it.each(['png', 'svg', 'pdf'] as ImageFormat[])('stp --panels ux is a 1 × 2 grid at 8 × 2.9 in (%s)', async (format) => {
    const d = await build('stp', { panels: 'ux' });
    const options = { figsize: [8, 2.9] as [number, number], dpi: 200 };
    const bytes = renderFigure(d, format, options);
    const png = format === 'png' ? bytes : format === 'svg' ? rasteriseSvg(bytes, 200) : rasterisePdf(bytes, 200);
    const p = await pixels(png);
    expect(Math.abs(p.height - 580)).toBeLessThanOrEqual(1);
    const boxes = findBoxes(p);
    expect(boxes).toHaveLength(2);
    expect(Math.abs(boxes[0].top - boxes[1].top)).toBeLessThanOrEqual(1);
    expect(boxes[0].right).toBeLessThan(boxes[1].left);
    // The notebook's own slide (cropped by Jupyter, 11 px off) puts the boxes at 94.5 / 879.5 px from the left.
    if (format === 'png') {
      expect(Math.abs(boxes[0].left - 94)).toBeLessThanOrEqual(BOX_TOLERANCE_PX);
      expect(Math.abs(boxes[1].left - 879)).toBeLessThanOrEqual(BOX_TOLERANCE_PX);
    }
    if (format === 'svg') expect(bytes.toString()).toMatch(/width="576pt" height="208.8pt"/);
    if (format === 'pdf') expect(pdfPages(bytes)).toEqual({ pages: 1, width: 576, height: 208.8 });
  });

  it('stp --panels depression is one panel with its title', async () => {
    const d = await build('stp', { panels: 'depression' });
    const p = await pixels(renderFigure(d, 'png', { figsize: [8, 5], dpi: 200 }));
    expect(findBoxes(p)).toHaveLength(1);
  });

  it('scales as a whole with the dpi', async () => {
    const a = findBoxes(await pixels(renderFigure(data.population, 'png', { figsize: [5, 4], dpi: 100 })));
    const b = findBoxes(await pixels(renderFigure(data.population, 'png', { figsize: [5, 4], dpi: 200 })));
    for (const edge of ['left', 'right', 'top', 'bottom'] as const) expect(Math.abs(2 * a[0][edge] - b[0][edge])).toBeLessThanOrEqual(3);
  });

  it('does not draw error bars (the notebook plots the mean only)', () => {
    const withErr = data['tuning-curve'];
    const without: FigureData = { ...withErr, panels: withErr.panels.map((p) => ({ ...p, marks: (p.marks ?? []).map((m) => ({ ...m, yErr: undefined })) })) };
    expect(withErr.panels[0].marks?.some((m) => 'yErr' in m && m.yErr !== undefined)).toBe(true);
    expect(renderFigure(withErr, 'png', optionsOf('tuning-curve')).equals(renderFigure(without, 'png', optionsOf('tuning-curve')))).toBe(true);
  });
});

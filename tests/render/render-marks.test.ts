/**
 * Marks and the gridspec: a synthetic figure with every mark kind and layout feature
 * (tests/helpers/synthetic-figure.ts) checked pixel by pixel at the places its geometry says;
 * 'best' legends, small-figure legends and single points; the mark table and the data files;
 * and the rule that the exporters load neither canvas nor chart.js.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, loadImage } from 'canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { toCsv, toJsonObject } from '../../src/export/index.js';
import { annotate, axhline, axvline, errorbar, fill, hist, plot, raster, scatter, step, text } from '../../src/data/marks.js';
import type { FigureData, Panel } from '../../src/data/types.js';
import type { PanelGeometry } from '../../src/render/axes.js';
import { panelLegend } from '../../src/render/chart-config.js';
import { layoutFigure, renderFigure } from '../../src/render/node-canvas.js';
import { legendEntries, markColors, MARKS } from '../../src/render/marks/index.js';
import { SYNTHETIC_SIZE, syntheticFigure } from '../helpers/synthetic-figure.js';

/** legend(loc='best') as matplotlib 3.6.3 placed it (scripts/matplotlib_legend_fixtures.py). */
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'render');
const legendFixture = JSON.parse(readFileSync(join(FIXTURES, 'legend-best.json'), 'utf8')) as {
  cases: { case: string; marks: { kind: 'plot' | 'scatter' | 'hist'; a: number[]; b: number[] }[]; loc: string }[];
};

type RGB = [number, number, number];

async function pixelsOf(png: Buffer) {
  const image = await loadImage(png);
  const c = createCanvas(image.width, image.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  return {
    width: image.width,
    height: image.height,
    at(x: number, y: number): RGB {
      // Device coordinate v lies in pixel floor(v).
      const i = 4 * (Math.floor(y) * image.width + Math.floor(x));
      return [data[i], data[i + 1], data[i + 2]];
    },
  };
}

const near = (a: RGB, b: RGB, tol = 3) => a.every((v, k) => Math.abs(v - b[k]) <= tol);
/** A colour at alpha over a background, as Agg blends. */
const over = (c: RGB, alpha: number, bg: RGB = [255, 255, 255]): RGB => c.map((v, k) => v * alpha + bg[k] * (1 - alpha)) as RGB;
const hex = (h: string): RGB => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as RGB;
const C0 = hex('#1f77b4');
const C1 = hex('#ff7f0e');
const WHITE: RGB = [255, 255, 255];
const isDark = ([r, g, b]: RGB) => r < 100 && g < 100 && b < 100;
/** Mostly C0 (antialiased lines cover two pixel rows). */
const isBlue = ([r, , b]: RGB) => b - r > 60;

/** Data → device pixels in one panel. */
function mapper(g: PanelGeometry, pxPerPt: number) {
  const { box, xlim, ylim } = g;
  return {
    x: (v: number) => (box.left + ((v - xlim[0]) / (xlim[1] - xlim[0])) * (box.right - box.left)) * pxPerPt,
    y: (v: number) => (box.bottom - ((v - ylim[0]) / (ylim[1] - ylim[0])) * (box.bottom - box.top)) * pxPerPt,
    box: { left: box.left * pxPerPt, right: box.right * pxPerPt, top: box.top * pxPerPt, bottom: box.bottom * pxPerPt },
  };
}

describe('a synthetic figure with every mark and layout feature', () => {
  const data = syntheticFigure();
  const k = SYNTHETIC_SIZE.dpi / 72;
  let px: Awaited<ReturnType<typeof pixelsOf>>;
  let geometry: PanelGeometry[];
  const panel = (id: string) => {
    const g = geometry.find((p) => p.panel.id === id);
    if (!g) throw new Error(`no panel ${id}`);
    return g;
  };
  beforeAll(async () => {
    px = await pixelsOf(renderFigure(data, 'png', SYNTHETIC_SIZE));
    geometry = layoutFigure(data, SYNTHETIC_SIZE, k);
  });

  it('lays out a 2 × 4 gridspec with ratios, a span and sharex', () => {
    expect([px.width, px.height]).toEqual([1000, 600]);
    const width = (id: string) => panel(id).box.right - panel(id).box.left;
    const height = (id: string) => panel(id).box.bottom - panel(id).box.top;
    // Equal gaps between columns: width ratios 1 : 2 : 1 : 1 hold for the axes themselves.
    expect(width('raster') / width('steps')).toBeCloseTo(2, 6);
    expect(width('boxes') / width('steps')).toBeCloseTo(1, 6);
    expect(height('steps') / height('lines')).toBeCloseTo(1.5, 6);
    // The hist panel spans columns 1–2: from the raster panel's left to the boxes panel's right.
    expect(panel('hists').box.left).toBeCloseTo(panel('raster').box.left, 9);
    expect(panel('hists').box.right).toBeCloseTo(panel('boxes').box.right, 9);
    expect(panel('steps').xlim).toEqual(panel('lines').xlim);
    expect(panel('scatter').yticks.map((t) => t.label)).toEqual(['Left', 'Right']);
    expect(panel('raster').xlim).toEqual([0, 100]);
    // Error bars widen the y limits: 0.6 + 0.3 is inside.
    expect(panel('steps').ylim[1]).toBeGreaterThan(0.9);
  });

  it("places every axes where matplotlib 3.6's tight_layout does, to text-metric rounding", () => {
    // Hinted text heights at 100 dpi differ by a pixel or two (titles, suptitle): 0.005 of the figure.
    const mpl = JSON.parse(readFileSync(join(FIXTURES, 'synthetic-matplotlib.json'), 'utf8')) as { axes: Record<string, number[]> };
    for (const g of geometry) {
      const [left, bottom, width, height] = mpl.axes[g.panel.id];
      const ours = [g.box.left / 720, 1 - g.box.bottom / 432, (g.box.right - g.box.left) / 720, (g.box.bottom - g.box.top) / 432];
      ours.forEach((v, k) => expect(Math.abs(v - [left, bottom, width, height][k]), `${g.panel.id} [${k}]`).toBeLessThan(0.005));
    }
  });

  it('draws hist bars with alpha from a sticky 0, the later bars on top', () => {
    const m = mapper(panel('hists'), k);
    expect(panel('hists').ylim[0]).toBe(0);
    expect(near(px.at(m.x(1.5), m.y(4)), over(C0, 0.8))).toBe(true);
    expect(near(px.at(m.x(4.5), m.y(4)), over(C1, 0.8))).toBe(true);
    // Where both bins have bars, 'high' (drawn later) lies over 'low'.
    expect(near(px.at(m.x(2.5), m.y(1)), over(C1, 0.8, over(C0, 0.8)))).toBe(true);
    // No margin under the bars: bar colour two pixels above the bottom spine.
    expect(near(px.at(m.x(0.5), m.box.bottom - 2), over(C0, 0.8))).toBe(true);
  });

  it('puts the best legend where no data is (upper left) and the asked ones where asked', () => {
    const lines = panel('lines');
    const best = panelLegend(lines, k);
    expect(best?.loc).toBe('upper left');
    expect(panelLegend(panel('hists'), k)?.loc).toBe('upper right');
    const lower = panelLegend(panel('bands'), k);
    expect(lower?.loc).toBe('lower right');
    // The legend frame's grey edge is drawn where the layout says.
    const f = best!.frame;
    const edge = px.at(((f.left + f.right) / 2) * k, f.top * k);
    expect(edge[0]).toBeGreaterThan(180);
    expect(edge[0]).toBeLessThan(245);
    // Patch handles: a filled rectangle of the bars' colour.
    const row = panelLegend(panel('hists'), k)!.rows[0];
    const handle = px.at((panelLegend(panel('hists'), k)!.handleLeft + 10) * k, (row.baseline - 3.5) * k);
    expect(near(handle, over(C0, 0.8))).toBe(true);
  });

  it('draws a hollow marker, point markers and the scatter per-point colours and sizes', () => {
    const m = mapper(panel('lines'), k);
    // ms = 10: a 1 pt red ring 10 pt across, white inside.
    expect(near(px.at(m.x(8.5), m.y(2)), WHITE)).toBe(true);
    expect(near(px.at(m.x(8.5), m.y(2) - 2.5 * k), WHITE)).toBe(true);
    const ring = [4, 4.5, 5, 5.5, 6].map((r) => px.at(m.x(8.5), m.y(2) - r * k));
    expect(Math.min(...ring.map((c) => c[1]))).toBeLessThan(100);
    expect(Math.min(...ring.map((c) => c[0]))).toBeGreaterThan(200);
    expect(near(px.at(m.x(8.5), m.y(2) - 8 * k), WHITE)).toBe(true);
    expect(isDark(px.at(m.x(5), m.y(2)))).toBe(true);
    const s = mapper(panel('scatter'), k);
    // s = 100 pt²: 10 pt across; s = 25: 5 pt. 4 pt from the centre is red on the big one, white beside the small one.
    expect(near(px.at(s.x(2), s.y(-1) - 4 * k), [255, 0, 0], 40)).toBe(true);
    expect(isDark(px.at(s.x(1), s.y(1)))).toBe(true);
    expect(near(px.at(s.x(1) - 4 * k, s.y(1) + 4 * k), WHITE, 10)).toBe(true);
  });

  it('draws steps-post, dashed and dotted reference lines and error bars', () => {
    const m = mapper(panel('steps'), k);
    // steps-post: the value 1 holds from x = 2 to 4, and x = 1 is still at 0.
    expect(isBlue(px.at(m.x(3), m.y(1)))).toBe(true);
    expect(isBlue(px.at(m.x(1.5), m.y(0)))).toBe(true);
    expect(near(px.at(m.x(1.5), m.y(1)), WHITE)).toBe(true);
    expect(near(px.at(m.x(3), m.y(0)), WHITE)).toBe(true);
    // The dashed axhline alternates colour and white along its row.
    let changes = 0;
    let last = false;
    for (let x = Math.ceil(m.box.left) + 2; x < m.box.right - 2; x++) {
      const on = near(px.at(x, m.y(0.5)), C1, 60);
      if (on !== last) changes++;
      last = on;
    }
    expect(changes).toBeGreaterThan(10);
    // The error bar of the last point reaches 0.85, in C3.
    expect(near(px.at(m.x(7), m.y(0.85)), hex('#d62728'), 30)).toBe(true);
  });

  it('fills under the raster, draws no frame and no ticks on the frameless panel', () => {
    const m = mapper(panel('raster'), k);
    const LIGHTBLUE = hex('#add8e6');
    // Neuron 53 spikes at t = 37 (i = 1): its marker is over the band.
    expect(isDark(px.at(m.x(37), m.y(53)))).toBe(true);
    // The band (y ≥ 50) is light blue between the markers, white below.
    let blue = 0;
    let white = 0;
    let n = 0;
    for (let x = 5; x < 95; x += 2.5)
      for (let y = 55; y < 95; y += 2.5) {
        n++;
        if (near(px.at(m.x(x), m.y(y)), LIGHTBLUE)) blue++;
        if (near(px.at(m.x(x), m.y(y - 50)), WHITE)) white++;
      }
    expect(blue / n).toBeGreaterThan(0.8);
    expect(white / n).toBeGreaterThan(0.8);
    // The '|' markers: red above and below the centre, 8 pt long.
    expect(px.at(m.x(20), m.y(20) - 3 * k)[0]).toBeGreaterThan(200);
    expect(near(px.at(m.x(20), m.y(20) - 6 * k), WHITE, 10)).toBe(true);
    // No spine: the top edge row is not a dark line.
    let dark = 0;
    for (let x = Math.ceil(m.box.left); x < m.box.right; x++) if (isDark(px.at(x, Math.round(m.box.top)))) dark++;
    expect(dark).toBeLessThan(0.1 * (m.box.right - m.box.left));
    expect(panel('raster').xticks).toEqual([]);
  });

  it('draws annotations in rounded boxes and none whose point is outside the axes', () => {
    const m = mapper(panel('boxes'), k);
    // Inside the box beside the letter: the face colour.
    expect(near(px.at(m.x(1) - 4 * k, m.y(0.5)), hex('#add8e6'))).toBe(true);
    expect(near(px.at(m.x(2) + 4 * k, m.y(-0.5)), hex('#90ee90'))).toBe(true);
    expect(near(px.at(m.x(2) + 8 * k, m.y(-0.5)), WHITE)).toBe(true);
    // 'X' at x = 4 lies right of the axes (xlim 0–3.5): nothing green there.
    for (let x = Math.ceil(m.box.right) + 2; x < panel('bands').box.left * k - 40; x++) expect(near(px.at(x, m.y(0.5)), hex('#90ee90'), 20)).toBe(false);
  });

  it('writes the suptitle above the panels and keeps it out of the top row', () => {
    let dark = 0;
    const top = Math.min(...geometry.map((g) => (g.title ? g.title.y - 12 : g.box.top))) * k;
    for (let y = 0; y < top; y++) for (let x = 400; x < 600; x++) if (isDark(px.at(x, y))) dark++;
    expect(dark).toBeGreaterThan(50);
  });
});

describe('legends', () => {
  const panelWith = (p: Partial<Panel>): FigureData => ({ figure: 'x', params: {}, paramUnits: {}, layout: { rows: 1, cols: 1 }, panels: [{ id: 'p', ...p }] });

  it("'best' follows matplotlib's order on ties and avoids the data", () => {
    const x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    // Nothing anywhere near the corners but the lower left: upper right (code 1) wins the tie.
    const flat = panelWith({
      legend: 'best',
      marks: [
        plot(
          x,
          x.map(() => 0),
          { id: 'a', label: 'a' },
        ),
        plot([5], [5], { id: 'b', ls: 'none', marker: 'o' }),
      ],
    });
    const [g1] = layoutFigure(flat, { figsize: [6, 4], dpi: 72 });
    expect(panelLegend(g1)?.loc).toBe('upper right');
    // A rising line fills the upper right: the upper left is free.
    const rising = panelWith({ legend: 'best', marks: [plot(x, x, { id: 'a', label: 'a' })] });
    expect(panelLegend(layoutFigure(rising, { figsize: [6, 4], dpi: 72 })[0])?.loc).toBe('upper left');
    // A falling line: upper right is free again.
    const falling = panelWith({
      legend: 'best',
      marks: [
        plot(
          x,
          x.map((v) => 10 - v),
          { id: 'a', label: 'a' },
        ),
      ],
    });
    expect(panelLegend(layoutFigure(falling, { figsize: [6, 4], dpi: 72 })[0])?.loc).toBe('upper right');
  });

  it.each(legendFixture.cases)("'best' chooses as matplotlib 3.6 does: $case", ({ marks, loc }) => {
    const data = panelWith({
      legend: 'best',
      marks: marks.map((m, k) => {
        const o = { id: `m${k}`, label: `${m.kind} ${k}` };
        return m.kind === 'plot' ? plot(m.a, m.b, o) : m.kind === 'scatter' ? scatter(m.a, m.b, o) : hist(m.a, m.b, o);
      }),
    });
    expect(panelLegend(layoutFigure(data, { figsize: [6, 4], dpi: 72 }, 1)[0], 1)?.loc).toBe(loc);
  });

  it('lists entries as matplotlib does: plain artists in call order, errorbar containers last', () => {
    const marks = [
      errorbar([1], [1], [0.1], { id: 'e', label: 'errorbar' }),
      plot([1, 2], [1, 2], { id: 'p', label: 'line' }),
      scatter([1], [1], { id: 's', label: 'scatter' }),
      hist([0, 1], [1], { id: 'h', label: 'hist' }),
      plot([1, 2], [2, 1], { id: 'q', label: '_hidden' }),
    ];
    const entries = legendEntries(marks, markColors(marks));
    expect(entries.map((e) => e.label)).toEqual(['line', 'scatter', 'hist', 'errorbar']);
    expect(entries.map((e) => e.handle.type)).toEqual(['line', 'line', 'patch', 'line']);
  });

  it('shrinks on a small figure and is left out when even half size does not fit', () => {
    const marks = [plot([0, 1], [0, 1], { id: 'a', label: 'a rather long label' }), plot([0, 1], [1, 0], { id: 'b', label: 'another' })];
    const at = (figsize: [number, number]) => panelLegend(layoutFigure(panelWith({ legend: true, marks }), { figsize, dpi: 72 })[0]);
    expect(at([6, 4])?.fontsize).toBe(10);
    const small = at([2.2, 1.6]);
    expect(small).toBeDefined();
    expect(small!.fontsize).toBeLessThan(10);
    expect(at([1, 0.8])).toBeUndefined();
    // Whatever its size, a legend shown stays inside its axes.
    for (const size of [
      [6, 4],
      [3, 2],
      [2.2, 1.6],
      [1.6, 1.2],
    ] as [number, number][]) {
      const g = layoutFigure(panelWith({ legend: true, marks }), { figsize: size, dpi: 72 })[0];
      const L = panelLegend(g);
      if (!L) continue;
      expect(L.frame.left).toBeGreaterThanOrEqual(g.box.left);
      expect(L.frame.right).toBeLessThanOrEqual(g.box.right);
      expect(L.frame.top).toBeGreaterThanOrEqual(g.box.top);
      expect(L.frame.bottom).toBeLessThanOrEqual(g.box.bottom);
    }
  });
});

describe('layout', () => {
  const one = (panel: Partial<Panel>, layout: Partial<FigureData['layout']> = {}): FigureData => ({
    figure: 'x',
    params: {},
    paramUnits: {},
    layout: { rows: 1, cols: 1, ...layout },
    panels: [{ id: 'p', xlabel: 'Time (ms)', ylabel: 'v', title: 'title', marks: [plot([0, 1, 2], [0, 1, 0], { id: 'a' })], ...panel }],
  });
  const size = { figsize: [6, 4] as [number, number], dpi: 72 };
  const W = 6 * 72;
  const H = 4 * 72;
  const boxOf = (d: FigureData) => layoutFigure(d, size)[0].box;

  it('keeps the default subplot parameters without tight_layout, after subplots_adjust', () => {
    const b = boxOf(one({}, { tight: false }));
    expect([b.left / W, b.right / W, 1 - b.top / H, 1 - b.bottom / H].map((v) => Number(v.toFixed(9)))).toEqual([0.125, 0.9, 0.88, 0.11]);
    expect(1 - boxOf(one({}, { tight: false, subplotsAdjust: { top: 0.8 } })).top / H).toBeCloseTo(0.8, 9);
  });

  it('fits the panels under the rect of tight_layout(rect) and under a suptitle', () => {
    const plain = boxOf(one({}));
    const rect = boxOf(one({}, { rect: [0, 0, 1, 0.95] }));
    // The second pass keeps the first pass's margins inside the rect: 5 % more on top only.
    expect(rect.top - plain.top).toBeCloseTo(0.05 * H, 9);
    expect([rect.left, rect.right, rect.bottom]).toEqual([plain.left, plain.right, plain.bottom]);
    // A suptitle takes its height and one pad (1.08 font sizes) above the panels.
    const titled = boxOf(one({}, { suptitle: { text: 'Suptitle' } }));
    const lp = 12 * (0.76 + 0.24); // at least the "lp" box of a 12 pt title
    expect(titled.top - plain.top).toBeGreaterThan(10.8 + 0.9 * lp);
    expect(titled.top - plain.top).toBeLessThan(10.8 + 1.3 * lp);
  });

  it('makes room for text outside the axes, not for annotations clipped away', () => {
    const plain = boxOf(one({}));
    const outside = boxOf(one({ marks: [plot([0, 1, 2], [0, 1, 0], { id: 'a' }), text(2.5, 0.5, 'a long note', { id: 'n' })] }));
    expect(outside.right).toBeLessThan(plain.right - 20);
    const clipped = boxOf(one({ marks: [plot([0, 1, 2], [0, 1, 0], { id: 'a' }), annotate('a long note', [2.5, 0.5], { id: 'n' })] }));
    expect(clipped.right).toBe(plain.right);
  });

  it('replays matplotlib lazy autoscaling: axhline/axvline rescale only from outside the view', () => {
    const ylim = (marks: Panel['marks'], extra: Partial<Panel> = {}) => layoutFigure(one({ marks, ...extra }), size)[0].ylim;
    // Alone in an empty axes, inside its 0–1 view: the view stays.
    expect(ylim([axhline(0, { id: 'h' })])).toEqual([0, 1]);
    // Outside the view: the view is rescaled around it.
    expect(ylim([axhline(5, { id: 'h' })])[0]).toBeGreaterThan(4);
    // After a curve, inside its autoscaled view (but outside its data): the curve's view stays.
    const curve = plot([0, 1], [0, 1], { id: 'a' });
    const [lo, hi] = ylim([curve]);
    expect(ylim([curve, axhline(1.02, { id: 'h' })])).toEqual([lo, hi]);
    // A curve added afterwards autoscales over everything, the line's value included.
    expect(ylim([curve, axhline(1.02, { id: 'h' }), plot([0], [0.5], { id: 'b' })])[1]).toBeGreaterThan(hi);
    // Given ticks widen the view to show them (Axis.set_ticks).
    expect(ylim([curve], { yticks: { values: [-5, 5], labels: ['Left', 'Right'] } })).toEqual([-5, 5]);
  });

  it('shares limits across sharex/sharey, explicit limits winning', () => {
    const d: FigureData = {
      figure: 'x',
      params: {},
      paramUnits: {},
      layout: { rows: 1, cols: 2 },
      panels: [
        { id: 'a', col: 0, marks: [plot([0, 10], [0, 1], { id: 'a' })] },
        { id: 'b', col: 1, sharex: 'a', sharey: 'a', ylim: [-2, 2], marks: [plot([5, 20], [0, 1], { id: 'b' })] },
      ],
    };
    const [a, b] = layoutFigure(d, size);
    expect(a.xlim).toEqual(b.xlim);
    expect(a.xlim[0]).toBeCloseTo(-1, 9);
    expect(a.xlim[1]).toBeCloseTo(21, 9);
    expect(a.ylim).toEqual([-2, 2]);
  });
});

describe('single points and the mark table', () => {
  it('draws a curve of one point as a marker', async () => {
    const data: FigureData = {
      figure: 'x',
      params: {},
      paramUnits: {},
      layout: { rows: 1, cols: 1 },
      panels: [{ id: 'p', marks: [plot([3], [2], { id: 's' })] }],
    };
    const opts = { figsize: [3, 2] as [number, number], dpi: 100 };
    const px = await pixelsOf(renderFigure(data, 'png', opts));
    const [g] = layoutFigure(data, opts, 100 / 72);
    const m = mapper(g, 100 / 72);
    expect(near(px.at(m.x(3), m.y(2)), C0, 10)).toBe(true);
  });

  it('has a module for every kind, and builders that refuse mismatched lengths', () => {
    expect(Object.keys(MARKS).sort()).toEqual(['annotate', 'axhline', 'axvline', 'errorbar', 'fill', 'hist', 'plot', 'raster', 'scatter', 'step', 'text']);
    expect(() => plot([1, 2], [1], { id: 'a' })).toThrow(/x has 2 values but y has 1/);
    expect(() => hist([0, 1], [1, 2], { id: 'h' })).toThrow(/2 counts need 3 edges/);
    expect(() => scatter([1, 2], [1, 2], { id: 's', s: [1] })).toThrow(/s has 1/);
  });

  it('writes every mark into JSON with its kind and x / y, and samples into CSV', () => {
    const data = syntheticFigure();
    const json = toJsonObject(data) as { schemaVersion: number; panels: { series: { kind: string; id: string; x: number[]; y: number[] }[] }[] };
    expect(json.schemaVersion).toBe(3);
    const entries = json.panels.flatMap((p) => p.series);
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(Object.keys(MARKS)));
    for (const e of entries) {
      expect(Array.isArray(e.x), `${e.id}.x`).toBe(true);
      expect(Array.isArray(e.y), `${e.id}.y`).toBe(true);
    }
    const rows = new TextDecoder().decode(toCsv(data)).trim().split('\n');
    expect(rows.length - 1).toBe(entries.reduce((n, e) => n + e.x.length, 0));
    expect(rows).toContain('hists,low,1,9,');
    expect(rows).toContain('steps,err,7,0.6,0.3');
    // A reference line is an entry (x: [], y: [value]) without sample rows.
    const zero = entries.find((e) => e.id === 'zero')!;
    expect([zero.kind, zero.x, zero.y]).toEqual(['axhline', [], [0]]);
    expect(toJsonObject({ ...data, panels: [{ id: 'q', marks: [axhline(Number.NaN, { id: 'bad' })] }] })).toBeDefined();
  });
});

describe('values at the limits of float64', () => {
  // 1e-300 is left to the tick formatter's own tests (ticks.ts).
  it.each([1e308, -1e308, Number.MAX_VALUE, 5e-324, -5e-324, 2.2e-308, 0])('every mark kind renders at %s in every format', (v) => {
    const w = [0, v, 2 * v].map((x) => (Number.isFinite(x) ? x : v));
    const data: FigureData = {
      figure: 'x',
      params: {},
      paramUnits: {},
      layout: { rows: 1, cols: 1, suptitle: { text: 's' } },
      panels: [
        {
          id: 'p',
          legend: 'best',
          title: 't',
          xlabel: 'x',
          ylabel: 'y',
          marks: [
            plot(w, w, { id: 'a', label: 'a' }),
            step(w, w, { id: 's' }),
            scatter(w, w, { id: 'c' }),
            raster(w, w, { id: 'r' }),
            hist([0, v, 2 * v || v], [v, 1], { id: 'h', label: 'h' }),
            fill(w, w, { id: 'f' }),
            axhline(v, { id: 'ah' }),
            axvline(v, { id: 'av' }),
            text(v, v, 'x', { id: 't' }),
            annotate('y', [v, v], { id: 'n' }),
            errorbar(w, w, [v, v, v], { id: 'e', capsize: 2 }),
          ],
        },
      ],
    };
    for (const format of ['png', 'svg', 'pdf'] as const) expect(renderFigure(data, format, { figsize: [4, 3], dpi: 72 }).length).toBeGreaterThan(100);
  });

  it('refuses style values no renderer can draw, naming the mark', () => {
    const with_ = (marks: Panel['marks'], extra: Partial<Panel> = {}): FigureData => ({
      figure: 'x',
      params: {},
      paramUnits: {},
      layout: { rows: 1, cols: 1 },
      panels: [{ id: 'p', marks, ...extra }],
    });
    const opts = { figsize: [4, 3] as [number, number], dpi: 72 };
    expect(() => renderFigure(with_([scatter([1], [1], { id: 'c', s: [1e308] })]), 'png', opts)).toThrow(
      /mark 'c': s must be between 0 and 1000000, got 1e\+308/,
    );
    expect(() => renderFigure(with_([plot([1], [1], { id: 'a', lw: Number.NaN })]), 'png', opts)).toThrow(/mark 'a': linewidth/);
    expect(() => renderFigure(with_([plot([1], [1], { id: 'a', ms: 1e6 })]), 'svg', opts)).toThrow(/markersize/);
    expect(() => renderFigure(with_([text(0, 0, 'x', { id: 't', fontsize: 0 })]), 'pdf', opts)).toThrow(/fontsize/);
    expect(() => renderFigure(with_([plot([1], [1], { id: 'a', alpha: 2 })]), 'png', opts)).toThrow(/alpha/);
    expect(() => renderFigure(with_([], { titleSize: 1e300, title: 't' }), 'png', opts)).toThrow(/titleSize/);
  });

  it('refuses grids, cells, limits and fractions no layout can hold, before allocating anything', () => {
    const opts = { figsize: [4, 3] as [number, number], dpi: 72 };
    const fig = (layout: Partial<FigureData['layout']>, panel: Partial<Panel> = {}): FigureData => ({
      figure: 'x',
      params: {},
      paramUnits: {},
      layout: { rows: 1, cols: 1, ...layout },
      panels: [{ id: 'p', marks: [plot([0, 1], [0, 1], { id: 'a' })], ...panel }],
    });
    expect(() => renderFigure(fig({ rows: 1e9 }), 'png', opts)).toThrow(/rows and cols must be whole numbers from 1 to 100/);
    expect(() => renderFigure(fig({}, { row: 1e9 }), 'png', opts)).toThrow(/panel 'p': row and col/);
    expect(() => renderFigure(fig({}, { colSpan: 0.5 }), 'png', opts)).toThrow(/colSpan/);
    expect(() => renderFigure(fig({}, { xlim: [1, 1] }), 'png', opts)).toThrow(/xlim must be two different finite numbers/);
    expect(() => renderFigure(fig({}, { ylim: [0, Number.POSITIVE_INFINITY] }), 'png', opts)).toThrow(/ylim/);
    expect(() => renderFigure(fig({ rect: [0, 0, 1, Number.NaN] }), 'png', opts)).toThrow(/rect must be four figure fractions/);
    expect(() => renderFigure(fig({ suptitle: { text: 's', y: 1e308 } }), 'png', opts)).toThrow(/suptitle y/);
    expect(() => renderFigure(fig({ subplotsAdjust: { top: Number.NaN } }), 'png', opts)).toThrow(/subplotsAdjust top/);
    expect(() => renderFigure(fig({ cols: 2, widthRatios: [1, -1] }), 'png', opts)).toThrow(/ratios must be 2 positive numbers/);
  });
});

describe('imports', () => {
  const src = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

  /** Every module a file loads at run time (type-only imports are erased), following relative imports. */
  function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm)) {
      const spec = m[1];
      if (spec.startsWith('.')) runtimeImports(resolve(dirname(file), spec.replace(/\.js$/, '.ts')), seen);
      else seen.add(spec);
    }
    return seen;
  }

  it('the exporters load neither canvas nor chart.js', () => {
    const loaded = runtimeImports(join(src, 'export', 'index.ts'));
    expect([...loaded].filter((s) => s === 'canvas' || s.startsWith('chart.js'))).toEqual([]);
    expect([...loaded].some((s) => s.endsWith(join('render', 'marks', 'index.ts')))).toBe(true);
  });
});

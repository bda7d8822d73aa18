/**
 * What drawing a figure will cost, counted from its data before it is drawn, for the output-time
 * estimate (src/options/cost-time.ts): the points its lines pass through, the vertices those lines
 * keep once simplified at the output's pixel size (what a line's stroke costs: a noisy trace keeps
 * most of them, a smooth curve a few), and its markers.
 *
 * Simplifying every line costs as much as a good part of the drawing, so a long line is simplified
 * in a few stretches spread along it (SAMPLED_POINTS in all, over the figure's lines by length) and
 * its count scaled up: simplification is local, a stretch keeps the share its neighbourhood keeps.
 *
 * The axes boxes are matplotlib's default subplot parameters over the grid, not the drawing's
 * tight layout (which needs the text measured): within about 20 % of the real boxes, which moves
 * a noisy line's vertex count by about as much, well inside the estimate's 2×.
 */
import type { FigureData, Mark, Panel } from '../data/types.js';
import { SIMPLIFY_MIN_VERTICES, SIMPLIFY_THRESHOLD_PX } from './simplify.js';
import { lineVertices, drawnVertices } from './marks/line-path.js';
import { moduleOf, marksOf } from './marks/index.js';
import type { AxesFrame } from './marks/types.js';

export interface DrawnWork {
  /** Vertices of every line (steps add their corners), before simplification. */
  linePoints: number;
  /** Of those, the vertices stroked: a short line's all, a long one's what simplification keeps. */
  strokedVertices: number;
  /** Of the stroked, those of solid translucent lines (a PNG sums their coverage in plain arithmetic, at a cost of its own). */
  translucentVertices: number;
  /** Markers drawn (a raster's or a scatter's points, a line's markers). */
  markers: number;
  /** Texts and annotations placed in the axes (each laid out, measured, kept clear of the legend). */
  texts: number;
}

/** matplotlib's default subplot parameters: the share of the figure the axes grid covers. */
const AXES_WIDTH_SHARE = 0.9 - 0.125;
const AXES_HEIGHT_SHARE = 0.88 - 0.11;
/** Points simplified to estimate what the figure's long lines keep (a few milliseconds). */
const SAMPLED_POINTS = 40_000;
/** Stretches a long line is sampled in, spread evenly along it. */
const STRETCHES = 8;

interface LineLike {
  x: number[];
  y: number[];
  linestyle?: string;
  alpha?: number;
  marker?: string;
}

function lineOf(m: Mark): (LineLike & { drawstyle?: 'default' | 'steps-pre' | 'steps-post' }) | undefined {
  if (m.kind === 'plot' || m.kind === 'errorbar') return m;
  if (m.kind === 'step') return { ...m, drawstyle: m.where === 'post' ? 'steps-post' : 'steps-pre' };
  return undefined;
}

/** The panel's data range along one axis: its limits, else its marks' extents (an empty one: 0 to 1). */
function range(panel: Panel, axis: 'x' | 'y'): [number, number] {
  const lim = axis === 'x' ? panel.xlim : panel.ylim;
  if (lim) return lim;
  let lo = Infinity;
  let hi = -Infinity;
  for (const m of marksOf(panel)) {
    const e = moduleOf(m).extent(m)[axis];
    if (e && Number.isFinite(e[0]) && Number.isFinite(e[1])) [lo, hi] = [Math.min(lo, e[0]), Math.max(hi, e[1])];
  }
  return lo < hi ? [lo, hi] : [lo === hi && Number.isFinite(lo) ? lo - 1 : 0, lo === hi && Number.isFinite(lo) ? lo + 1 : 1];
}

/** A frame mapping the panel's data to device pixels of an axes box of width × height. */
function frameOf(panel: Panel, width: number, height: number): AxesFrame {
  const [x0, x1] = range(panel, 'x');
  const [y0, y1] = range(panel, 'y');
  return { left: 0, top: 0, right: width, bottom: height, x: (v) => ((v - x0) / (x1 - x0)) * width, y: (v) => height - ((v - y0) / (y1 - y0)) * height };
}

/** The drawing's work at `figsize` inches and `dpi` device pixels per inch (see DrawnWork). */
export function drawnWork(data: FigureData, figsize: readonly [number, number], dpi: number): DrawnWork {
  const work: DrawnWork = { linePoints: 0, strokedVertices: 0, translucentVertices: 0, markers: 0, texts: 0 };
  const { rows, cols } = data.layout;
  const share = Math.min(1, SAMPLED_POINTS / Math.max(1, longLinePoints(data)));
  for (const panel of data.panels) {
    const width = (figsize[0] * dpi * AXES_WIDTH_SHARE * (panel.colSpan ?? 1)) / Math.max(1, cols);
    const height = (figsize[1] * dpi * AXES_HEIGHT_SHARE * (panel.rowSpan ?? 1)) / Math.max(1, rows);
    let frame: AxesFrame | undefined;
    for (const m of marksOf(panel)) {
      const line = lineOf(m);
      if (m.kind === 'scatter' || m.kind === 'raster') work.markers += m.x.length;
      if (m.kind === 'text' || m.kind === 'annotate') work.texts++;
      if (!line) continue;
      if (line.marker !== undefined && line.marker !== 'none') work.markers += line.x.length;
      if (line.linestyle === 'none') continue;
      const n = Math.min(line.x.length, line.y.length) * (line.drawstyle && line.drawstyle !== 'default' ? 2 : 1);
      work.linePoints += n;
      const translucent =
        line.alpha !== undefined && line.alpha < 1 && (line.drawstyle ?? 'default') === 'default' && line.linestyle !== '--' && line.linestyle !== ':';
      let kept = n;
      if (n >= SIMPLIFY_MIN_VERTICES) {
        frame ??= frameOf(panel, width, height);
        kept = keptVertices(line, frame, share);
      }
      work.strokedVertices += kept;
      if (translucent) work.translucentVertices += kept;
    }
  }
  return work;
}

/** Points of the lines long enough to be simplified. */
function longLinePoints(data: FigureData): number {
  let n = 0;
  for (const panel of data.panels)
    for (const m of marksOf(panel)) {
      const line = lineOf(m);
      if (line && line.linestyle !== 'none' && line.x.length >= SIMPLIFY_MIN_VERTICES) n += line.x.length;
    }
  return n;
}

/** The vertices a long line keeps once simplified, from `share` of its points in STRETCHES stretches. */
function keptVertices(line: ReturnType<typeof lineOf> & {}, frame: AxesFrame, share: number): number {
  const n = Math.min(line.x.length, line.y.length);
  const simplified = (from: number, to: number) =>
    drawnVertices(lineVertices(line.x.slice(from, to), line.y.slice(from, to), frame, line.drawstyle), SIMPLIFY_THRESHOLD_PX).length;
  // At least one stretch of SIMPLIFY_MIN_VERTICES points (a shorter one would not be simplified).
  const stretches = Math.min(STRETCHES, Math.max(1, Math.floor((n * share) / SIMPLIFY_MIN_VERTICES)));
  const stretch = Math.max(SIMPLIFY_MIN_VERTICES, Math.ceil((n * share) / stretches));
  if (stretch * stretches >= n) return simplified(0, n);
  let kept = 0;
  for (let k = 0; k < stretches; k++) {
    const from = stretches === 1 ? Math.floor((n - stretch) / 2) : Math.floor(((n - stretch) * k) / (stretches - 1));
    // A stretch's first vertex is where the line already was: not one simplification kept.
    kept += simplified(from, from + stretch) - 1;
  }
  return (kept * n) / (stretch * stretches);
}

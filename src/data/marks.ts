/**
 * Pure data constructors for a panel's marks, named and parametrised like pyplot so a figure
 * module reads like its notebook cell:
 *
 *   marks: [plot(t, v, { id: 'v' }), axhline(1, { id: 'threshold', ls: '--', c: 'g', lw: 2 })]
 *
 * They only shape data (no drawing, no I/O); lengths are checked here so a mismatch fails
 * where the figure builds it.
 */
import type {
  AxLineMark,
  Color,
  DrawStyle,
  ErrorbarMark,
  FillMark,
  HistMark,
  LineStyle,
  MarkerStyle,
  PlotMark,
  RasterMark,
  ScatterMark,
  StepMark,
  TextBox,
  TextMark,
} from './types.js';

interface Common {
  id: string;
  label?: string;
  zorder?: number;
  alpha?: number;
}

export interface LineOptions extends Common {
  c?: Color;
  ls?: LineStyle;
  lw?: number;
  marker?: MarkerStyle;
  ms?: number;
  mfc?: Color | 'none';
}

function sameLength(what: string, a: ArrayLike<number>, b: ArrayLike<number>, names = ['x', 'y']): void {
  if (a.length !== b.length) throw new RangeError(`${what}: ${names[0]} has ${a.length} values but ${names[1]} has ${b.length}`);
}

/** Drops the options left unset, so data files hold only what the figure said. */
function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function common(o: Common) {
  return { id: o.id, label: o.label, zorder: o.zorder, alpha: o.alpha };
}

function lineProps(o: LineOptions) {
  return { color: o.c, linestyle: o.ls, linewidth: o.lw, marker: o.marker, markersize: o.ms, markerfacecolor: o.mfc };
}

/** pyplot.plot(x, y, c=, ls=, lw=, marker=, ms=, mfc=, alpha=, drawstyle=). */
export function plot(x: number[], y: number[], o: LineOptions & { drawstyle?: DrawStyle; yErr?: number[] }): PlotMark {
  sameLength(`plot '${o.id}'`, x, y);
  if (o.yErr) sameLength(`plot '${o.id}'`, y, o.yErr, ['y', 'yErr']);
  return defined({ kind: 'plot', ...common(o), x, y, yErr: o.yErr, ...lineProps(o), drawstyle: o.drawstyle });
}

/** pyplot.step(x, y, where=): 'pre' is pyplot's default. */
export function step(x: number[], y: number[], o: LineOptions & { where?: 'pre' | 'post' }): StepMark {
  sameLength(`step '${o.id}'`, x, y);
  return defined({ kind: 'step', ...common(o), x, y, ...lineProps(o), where: o.where ?? 'pre' });
}

/** pyplot.scatter(x, y, s=, c=, marker=): s in pt², one per point or one for all; c likewise. */
export function scatter(x: number[], y: number[], o: Common & { c?: Color | Color[]; s?: number | number[]; marker?: 'o' | '.' }): ScatterMark {
  sameLength(`scatter '${o.id}'`, x, y);
  if (Array.isArray(o.s)) sameLength(`scatter '${o.id}'`, x, o.s, ['x', 's']);
  if (Array.isArray(o.c))
    sameLength(
      `scatter '${o.id}'`,
      x,
      o.c.map(() => 0),
      ['x', 'c'],
    );
  return defined({ kind: 'scatter', ...common(o), x, y, color: o.c, s: o.s, marker: o.marker });
}

/** A spike raster, plot(t, i, '.k') or plot(t, i, '|'): markers only. */
export function raster(t: number[], i: number[], o: Common & { marker?: '.' | '|'; ms?: number; c?: Color }): RasterMark {
  sameLength(`raster '${o.id}'`, t, i, ['t', 'i']);
  return defined({ kind: 'raster', ...common(o), x: t, y: i, marker: o.marker ?? '.', color: o.c, markersize: o.ms });
}

/** pyplot.hist drawn from numpy.histogram's result: edges (n + 1) and counts (n). */
export function hist(edges: number[], counts: number[], o: Common & { fc?: Color; c?: Color; rwidth?: number }): HistMark {
  if (edges.length !== counts.length + 1) throw new RangeError(`hist '${o.id}': ${counts.length} counts need ${counts.length + 1} edges, got ${edges.length}`);
  return defined({ kind: 'hist', ...common(o), edges, counts, color: o.fc ?? o.c, rwidth: o.rwidth });
}

/** pyplot.fill(x, y): a closed polygon. */
export function fill(x: number[], y: number[], o: Common & { c?: Color }): FillMark {
  sameLength(`fill '${o.id}'`, x, y);
  return defined({ kind: 'fill', ...common(o), x, y, color: o.c });
}

/** pyplot.fill_between(x, y1, y2). */
export function fillBetween(x: number[], y1: number[], y2: number[], o: Common & { c?: Color }): FillMark {
  sameLength(`fill_between '${o.id}'`, x, y1, ['x', 'y1']);
  sameLength(`fill_between '${o.id}'`, x, y2, ['x', 'y2']);
  return defined({ kind: 'fill', ...common(o), x, y: y1, y2, color: o.c });
}

type AxLineOptions = Common & { c?: Color; ls?: LineStyle; lw?: number };

function axline(kind: AxLineMark['kind'], value: number, o: AxLineOptions): AxLineMark {
  return defined({ kind, ...common(o), value, color: o.c, linestyle: o.ls, linewidth: o.lw });
}

/** pyplot.axhline(y, c=, ls=, lw=, zorder=). */
export const axhline = (y: number, o: AxLineOptions): AxLineMark => axline('axhline', y, o);
/** pyplot.axvline(x, c=, ls=, lw=, zorder=). */
export const axvline = (x: number, o: AxLineOptions): AxLineMark => axline('axvline', x, o);

export interface TextOptions extends Common {
  fontsize?: number;
  c?: Color;
  ha?: TextMark['ha'];
  va?: TextMark['va'];
  bbox?: TextBox;
}

function textMark(kind: TextMark['kind'], x: number, y: number, s: string, o: TextOptions): TextMark {
  return defined({ kind, ...common(o), x, y, text: s, fontsize: o.fontsize, color: o.c, ha: o.ha, va: o.va, bbox: o.bbox });
}

/** pyplot.text(x, y, s); ha 'left', va 'baseline' as matplotlib's defaults. */
export const text = (x: number, y: number, s: string, o: TextOptions): TextMark => textMark('text', x, y, s, o);
/** pyplot.annotate(s, xy): the text at xy, not drawn when xy is outside the axes (annotation_clip). */
export const annotate = (s: string, xy: [number, number], o: TextOptions): TextMark => textMark('annotate', xy[0], xy[1], s, o);

/** pyplot.errorbar(x, y, yerr, c=, ls=, lw=, marker=, ms=, capsize=). */
export function errorbar(x: number[], y: number[], yerr: number[], o: LineOptions & { capsize?: number }): ErrorbarMark {
  sameLength(`errorbar '${o.id}'`, x, y);
  sameLength(`errorbar '${o.id}'`, y, yerr, ['y', 'yerr']);
  const { markerfacecolor: _unused, ...line } = lineProps(o);
  return defined({ kind: 'errorbar', ...common(o), x, y, yerr, ...line, capsize: o.capsize });
}

/**
 * FigureData from outside (the library's renderFigure takes any object) checked before it is
 * drawn or written: plain objects, known mark kinds, arrays of finite numbers of equal length,
 * strings where text goes, and sizes a drawing can hold. Each problem names the panel and the
 * mark, so a caller's bug reads as one sentence, not as NaN in a CSV or a stack overflow.
 * What the renderer additionally refuses (styles, grid spans) stays in src/render/check.ts.
 */
import type { FigureData } from './types.js';

export class FigureDataError extends Error {
  override readonly name = 'FigureDataError';
}

/** matplotlib's Locator.MAXTICKS: more ticks than this are refused there too. */
export const MAX_TICKS = 1000;
/** Panels and marks per figure: far beyond any course figure, few enough to lay out. */
const MAX_PANELS = 10_000;
const MAX_MARKS = 100_000;
/** Characters of one text (a title, a label, an annotation). */
const MAX_TEXT = 10_000;

type Fields = Record<string, unknown>;

/** Arrays that must have the x length, by mark kind (the others have rules of their own below). */
const SAME_LENGTH: Record<string, readonly string[]> = {
  plot: ['y', 'yErr'],
  step: ['y', 'yErr'],
  scatter: ['y'],
  raster: ['y'],
  fill: ['y', 'y2'],
  errorbar: ['y', 'yerr'],
};
const KINDS = [...Object.keys(SAME_LENGTH), 'hist', 'axhline', 'axvline', 'text', 'annotate'];

function isPlainObject(v: unknown): v is Fields {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A short, safe description of a value for a message. */
function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return v.length > 40 ? `'${v.slice(0, 40)}…'` : `'${v}'`;
  if (typeof v === 'number') return String(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  return typeof v === 'object' ? 'an object' : typeof v;
}

function fail(where: string, message: string): never {
  throw new FigureDataError(`${where}: ${message}`);
}

/** The index of the first entry that is not a finite number, or -1 (a loop: no spread, any length). */
function firstNonFinite(a: readonly unknown[]): number {
  for (let k = 0; k < a.length; k++) if (typeof a[k] !== 'number' || !Number.isFinite(a[k])) return k;
  return -1;
}

function numbers(where: string, name: string, v: unknown, optional = false): number | undefined {
  if (v === undefined && optional) return undefined;
  if (!Array.isArray(v)) fail(where, `${name} must be an array of numbers, got ${shown(v)}`);
  const bad = firstNonFinite(v);
  if (bad >= 0) fail(where, `${name}[${bad}] must be a finite number, got ${shown(v[bad])}`);
  return v.length;
}

function finite(where: string, name: string, v: unknown, optional = true): void {
  if (v === undefined && optional) return;
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(where, `${name} must be a finite number, got ${shown(v)}`);
}

function text(where: string, name: string, v: unknown, optional = true): void {
  if (v === undefined && optional) return;
  if (typeof v !== 'string') fail(where, `${name} must be a string, got ${shown(v)}`);
  if (v.length > MAX_TEXT) fail(where, `${name} has ${v.length} characters; at most ${MAX_TEXT}`);
}

/** matplotlib's CSS4 colour names (matplotlib.colors.CSS4_COLORS), which canvas also knows. */
const CSS4 = new Set(
  (
    'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood cadetblue ' +
    'chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey ' +
    'darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray ' +
    'darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen ' +
    'fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender ' +
    'lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey ' +
    'lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen ' +
    'magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen ' +
    'mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange ' +
    'orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple ' +
    'rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue ' +
    'slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen'
  ).split(' '),
);

/** A colour the renderer draws as given: the cycle ('C0'), a base letter, a CSS4 name, '#rgb(a)' or '#rrggbb(aa)'. */
function isColor(c: string): boolean {
  return /^C\d{1,3}$/.test(c) || /^[bgrcmykw]$/.test(c) || CSS4.has(c.toLowerCase()) || /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(c);
}

/** An unknown colour would be drawn in whatever colour came before: refused, as matplotlib refuses it. */
function color(where: string, name: string, v: unknown, none = false): void {
  if (v === undefined) return;
  const all = Array.isArray(v) ? v : [v];
  const bad = all.findIndex((c) => typeof c !== 'string' || !(isColor(c) || (none && c === 'none')));
  if (bad < 0) return;
  fail(
    where,
    `${name}${Array.isArray(v) ? `[${bad}]` : ''} must be a colour such as 'C0', 'k', 'lightblue' or '#1f77b4'${none ? " (or 'none')" : ''}, got ${shown(all[bad])}`,
  );
}

function checkTicks(where: string, name: string, v: unknown): void {
  if (v === undefined || typeof v === 'boolean') return;
  if (!isPlainObject(v)) fail(where, `${name} must be true, false or { values, labels }, got ${shown(v)}`);
  const n = numbers(where, `${name}.values`, v.values)!;
  if (n > MAX_TICKS) fail(where, `${name} has ${n} ticks; at most ${MAX_TICKS} (as matplotlib)`);
  if (v.labels !== undefined) {
    if (!Array.isArray(v.labels) || !v.labels.every((l) => typeof l === 'string')) fail(where, `${name}.labels must be an array of strings`);
    if (v.labels.length !== n) fail(where, `${name} has ${n} values but ${v.labels.length} labels`);
  }
}

function checkMark(panel: string, m: unknown, k: number): number {
  if (!isPlainObject(m)) fail(`panel '${panel}', mark ${k}`, `must be an object, got ${shown(m)}`);
  const where = `panel '${panel}', mark '${typeof m.id === 'string' ? m.id.slice(0, 40) : k}'`;
  text(where, 'id', m.id, false);
  text(where, 'label', m.label);
  finite(where, 'zorder', m.zorder);
  finite(where, 'alpha', m.alpha);
  color(where, 'color', m.color);
  color(where, 'markerfacecolor', m.markerfacecolor, true);
  if (isPlainObject(m.bbox)) {
    color(where, 'bbox.facecolor', m.bbox.facecolor);
    color(where, 'bbox.edgecolor', m.bbox.edgecolor, true);
  }
  const kind = m.kind;
  if (typeof kind !== 'string' || !KINDS.includes(kind)) fail(where, `kind must be one of ${KINDS.join(', ')}, got ${shown(kind)}`);
  if (kind in SAME_LENGTH) {
    const n = numbers(where, 'x', m.x)!;
    for (const name of SAME_LENGTH[kind]) {
      const length = numbers(where, name, m[name], name !== 'y' && name !== 'yerr');
      if (length !== undefined && length !== n) fail(where, `x has ${n} values but ${name} has ${length}`);
    }
    if (kind === 'scatter' && Array.isArray(m.s)) {
      const length = numbers(where, 's', m.s)!;
      if (length !== n) fail(where, `x has ${n} values but s has ${length}`);
    } else finite(where, 's', m.s);
    if (kind === 'scatter' && Array.isArray(m.color) && m.color.length !== n) fail(where, `x has ${n} values but color has ${m.color.length}`);
    return n;
  }
  if (kind === 'hist') {
    const edges = numbers(where, 'edges', m.edges)!;
    const counts = numbers(where, 'counts', m.counts)!;
    if (edges !== counts + 1) fail(where, `edges must have one value more than counts, got ${edges} edges and ${counts} counts`);
    return edges;
  }
  if (kind === 'axhline' || kind === 'axvline') {
    finite(where, 'value', m.value, false);
    return 1;
  }
  finite(where, 'x', m.x, false);
  finite(where, 'y', m.y, false);
  text(where, 'text', m.text, false);
  return 1;
}

/** The legacy panel fields (series, hlines, vlines, markers): the same rules. */
function checkLegacy(panel: string, p: Fields): number {
  let points = 0;
  for (const [field, each] of [
    [
      'series',
      (s: Fields, where: string) => {
        text(where, 'id', s.id, false);
        const n = numbers(where, 'x', s.x)!;
        for (const name of ['y', 'yErr']) {
          const length = numbers(where, name, s[name], name === 'yErr');
          if (length !== undefined && length !== n) fail(where, `x has ${n} values but ${name} has ${length}`);
        }
        return n;
      },
    ],
    ['hlines', (s: Fields, where: string) => (finite(where, 'value', s.value, false), 1)],
    ['vlines', (s: Fields, where: string) => (finite(where, 'value', s.value, false), 1)],
    ['markers', (s: Fields, where: string) => (finite(where, 'x', s.x, false), finite(where, 'y', s.y, false), 1)],
  ] as const) {
    const list = p[field];
    if (list === undefined) continue;
    if (!Array.isArray(list)) fail(`panel '${panel}'`, `${field} must be an array, got ${shown(list)}`);
    list.forEach((s, k) => {
      const where = `panel '${panel}', ${field} ${k}`;
      if (!isPlainObject(s)) fail(where, `must be an object, got ${shown(s)}`);
      points += each(s, where);
    });
  }
  return points;
}

/**
 * Checks data shaped as FigureData; returns the number of points it holds (for the caller's
 * memory check). Throws FigureDataError naming the panel and mark of the first problem.
 */
export function checkFigureData(data: unknown): number {
  if (!isPlainObject(data)) fail('figure data', `must be an object (FigureData), got ${shown(data)}`);
  text('figure data', 'figure', data.figure, false);
  if (data.params !== undefined && !isPlainObject(data.params)) fail('figure data', `params must be an object, got ${shown(data.params)}`);
  if (data.layout !== undefined && !isPlainObject(data.layout)) fail('figure data', `layout must be an object, got ${shown(data.layout)}`);
  const layout = (data.layout ?? {}) as Fields;
  for (const name of ['widthRatios', 'heightRatios']) numbers('layout', name, layout[name], true);
  if (!Array.isArray(data.panels) || data.panels.length === 0) fail('figure data', `panels must be a non-empty array, got ${shown(data.panels)}`);
  if (data.panels.length > MAX_PANELS) fail('figure data', `has ${data.panels.length} panels; at most ${MAX_PANELS}`);
  let points = 0;
  data.panels.forEach((p: unknown, k: number) => {
    if (!isPlainObject(p)) fail(`panel ${k}`, `must be an object, got ${shown(p)}`);
    text(`panel ${k}`, 'id', p.id, false);
    const where = `panel '${(p.id as string).slice(0, 40)}'`;
    for (const name of ['title', 'xlabel', 'ylabel']) text(where, name, p[name]);
    for (const name of ['titleSize', 'labelSize', 'row', 'col', 'rowSpan', 'colSpan']) finite(where, name, p[name]);
    for (const name of ['xlim', 'ylim']) if (p[name] !== undefined && numbers(where, name, p[name]) !== 2) fail(where, `${name} must be two numbers`);
    checkTicks(where, 'xticks', p.xticks);
    checkTicks(where, 'yticks', p.yticks);
    if (p.marks !== undefined) {
      if (!Array.isArray(p.marks)) fail(where, `marks must be an array, got ${shown(p.marks)}`);
      if (p.marks.length > MAX_MARKS) fail(where, `has ${p.marks.length} marks; at most ${MAX_MARKS}`);
      p.marks.forEach((m: unknown, j: number) => (points += checkMark(p.id as string, m, j)));
    }
    points += checkLegacy(p.id as string, p);
  });
  return points;
}

/** The data as FigureData once checkFigureData has passed it. */
export function asFigureData(data: unknown): FigureData {
  checkFigureData(data);
  return data as FigureData;
}

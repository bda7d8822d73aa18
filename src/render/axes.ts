/**
 * One panel as matplotlib lays out an Axes around its box: limits, ticks and their labels,
 * axis labels and title, and the tight bounding box of it all (what tight_layout needs).
 * Positions are in points, y down, in figure coordinates.
 *
 * Where matplotlib puts things (defaults):
 * - x tick labels: centred on the tick, box top at tick length + pad (3.5 + 3.5 pt) below;
 * - y tick labels: right edge 7 pt left of the box, 'center_baseline' on the tick;
 * - x label: box top 4 pt (labelpad) below the lower of the tick labels and the bottom spine's
 *   extent; y label: rotated, its descent side 4 pt left of the tick labels / left spine;
 * - title: 12 pt, baseline 6 pt above the box;
 * - a spine's extent includes the outward tick length; where yticks([]) removed the ticks,
 *   see SPINE_EXTENT_COUNTS_REMOVED_TICKS in style.ts. A frameless axes (frameon=False) leaves
 *   its spines out of the tight box.
 */
import type { Mark, Panel, TickSpec } from '../data/types.js';
import { drawOrder, markColors, marksOf, moduleOf } from './marks/index.js';
import type { Extent } from './marks/types.js';
import { TEXT_API } from './text-api.js';
import { layoutText, rotatedTextRect, textRect, type Rect, type TextBlock } from './text.js';

/**
 * A label or title as tight_layout counts it (matplotlib's get_tightbbox(for_layout_only=True)):
 * the x label and the title by their height only, 1 px wide at their centre, the y label by its
 * width only, so a title wider than its axes does not narrow them.
 */
function alongAxis(r: Rect, axis: 'x' | 'y'): Rect {
  if (axis === 'x') {
    const mid = (r.left + r.right) / 2;
    return { ...r, left: mid - 0.5, right: mid + 0.5 };
  }
  const mid = (r.top + r.bottom) / 2;
  return { ...r, top: mid - 0.5, bottom: mid + 0.5 };
}
import { autoLimits, axisTicks, decimalsFor, formatTick, nonsingular } from './ticks.js';
import {
  FONT_SIZE,
  LABEL_PAD,
  LABEL_SIZE,
  ownFontSize,
  TICK_LABEL_SIZE,
  MARGIN,
  SPINE_EXTENT_COUNTS_REMOVED_TICKS,
  TICK_LENGTH,
  TICK_PAD,
  TITLE_PAD,
  TITLE_SIZE,
  X_TICK_SPACE_FONTS,
  Y_TICK_SPACE_FONTS,
} from './style.js';

export interface PlacedTick {
  value: number;
  label: string;
  block: TextBlock;
  /** Position along the axis (x for the x axis, y for the y axis), points. */
  at: number;
}

/** A panel's marks with their resolved colours and drawing order. */
export interface PanelMarks {
  marks: Mark[];
  colors: string[];
  order: number[];
}

export interface PanelGeometry {
  panel: Panel;
  content: PanelMarks;
  box: Rect;
  xlim: [number, number];
  ylim: [number, number];
  xticks: PlacedTick[];
  yticks: PlacedTick[];
  /** Whether tick marks are drawn on each axis. */
  showXTicks: boolean;
  showYTicks: boolean;
  title?: { block: TextBlock; x: number; y: number };
  xlabel?: { block: TextBlock; x: number; y: number };
  ylabel?: { block: TextBlock; x: number; y: number };
  /** Union of the box and everything drawn around it (matplotlib's tight bbox). */
  tight: Rect;
}

export function panelContent(panel: Panel): PanelMarks {
  const marks = marksOf(panel);
  return { marks, colors: markColors(marks), order: drawOrder(marks) };
}

/** Data limits and sticky edges of a set of marks, per axis. */
export interface AxisData {
  range?: [number, number];
  sticky: number[];
}

function merge(into: AxisData, range: [number, number] | undefined, sticky: number[] | undefined): void {
  if (range) into.range = into.range ? [Math.min(into.range[0], range[0]), Math.max(into.range[1], range[1])] : [range[0], range[1]];
  if (sticky) into.sticky.push(...sticky);
}

/**
 * autoscale_view for one axis: the data range padded by 5 %, except that the margin does not
 * cross a sticky edge at the data's own limits (hist bars stand on 0).
 */
export function axisLimits(d: AxisData): [number, number] {
  if (!d.range) return autoLimits([]);
  if (!d.sticky.length) return autoLimits(d.range);
  let [x0, x1] = nonsingular(d.range[0], d.range[1], 0.05, 1e-14);
  const tol = 1e-5 * Math.max(Math.abs(x0), Math.abs(x1), Math.abs(x1 - x0));
  const below = d.sticky.filter((s) => s <= x0 + tol);
  const above = d.sticky.filter((s) => s >= x1 - tol);
  const delta = (x1 - x0) * MARGIN;
  x0 -= delta;
  x1 += delta;
  if (below.length) x0 = Math.max(x0, Math.max(...below));
  if (above.length) x1 = Math.min(x1, Math.min(...above));
  return nonsingular(x0, x1, 0.05, 1e-14);
}

/** One axis of one panel after its marks, in call order: its data, and its view if no autoscale is pending. */
export interface AxisState {
  data: AxisData;
  /** Set when the last autoscale request was answered (matplotlib's view is then no longer stale). */
  view?: [number, number];
}

/**
 * matplotlib's lazy autoscaling, replayed in call order: a data mark marks the view stale; an
 * axhline/axvline first settles the view (autoscaling if stale; an empty axes' view is 0–1),
 * then asks for autoscaling only if its value lies outside that view. Its value joins the data
 * either way, so a later data mark's autoscale includes it.
 */
export function axisState(marks: Mark[], axis: 'x' | 'y'): AxisState {
  const data: AxisData = { sticky: [] };
  let view: [number, number] | undefined = [0, 1];
  for (const m of marks) {
    const e: Extent = moduleOf(m).extent(m);
    const range = axis === 'x' ? e.x : e.y;
    const scales = e.scales ?? 'always';
    if (scales === 'never') continue;
    if (scales === 'outside-view') {
      if (!range) continue;
      const settled: [number, number] = view ?? axisLimits(data);
      merge(data, range, undefined);
      const [lo, hi] = settled[0] <= settled[1] ? settled : [settled[1], settled[0]];
      view = range[0] < lo || range[1] > hi ? undefined : settled;
      continue;
    }
    merge(data, range, axis === 'x' ? e.stickyX : e.stickyY);
    view = undefined;
  }
  return { data, view };
}

export function panelData(marks: Mark[]): { x: AxisData; y: AxisData } {
  return { x: axisState(marks, 'x').data, y: axisState(marks, 'y').data };
}

export interface PanelLimits {
  xlim: [number, number];
  ylim: [number, number];
}

/** Given tick values widen the view to show them (Axis.set_ticks), on every axis sharing it. */
function withTicks(view: [number, number], ticks: TickSpec | undefined): [number, number] {
  if (typeof ticks !== 'object') return view;
  const values = ticks.values.filter(Number.isFinite);
  if (!values.length) return view;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return view[0] <= view[1] ? [Math.min(view[0], lo), Math.max(view[1], hi)] : [Math.max(view[0], hi), Math.min(view[1], lo)];
}

/**
 * Every panel's view limits: explicit ones as given; otherwise autoscaled over the panel and
 * every panel it shares that axis with (sharex / sharey by panel id, followed transitively),
 * then widened to show given ticks.
 */
export function figureLimits(panels: Panel[], contents: PanelMarks[]): PanelLimits[] {
  const index = new Map(panels.map((p, k) => [p.id, k]));
  const groupOf = (key: 'sharex' | 'sharey') => {
    const root = (k: number): number => {
      const seen = new Set<number>();
      let at = k;
      for (;;) {
        const next = index.get(panels[at][key] ?? '');
        if (next === undefined || seen.has(next)) return at;
        seen.add(at);
        at = next;
      }
    };
    return panels.map((_, k) => root(k));
  };
  const limitsOn = (axis: 'x' | 'y') => {
    const groups = groupOf(axis === 'x' ? 'sharex' : 'sharey');
    const states = contents.map((c) => axisState(c.marks, axis));
    const explicit = (p: Panel) => (axis === 'x' ? p.xlim : p.ylim);
    const ticks = (p: Panel) => (axis === 'x' ? p.xticks : p.yticks);
    return panels.map((_, k): [number, number] => {
      const members = panels.map((_, j) => j).filter((j) => groups[j] === groups[k]);
      const given = members.map((j) => explicit(panels[j])).find((l) => l !== undefined);
      if (given) return [given[0], given[1]];
      let view: [number, number];
      if (members.every((j) => states[j].view)) {
        // No autoscale pending anywhere in the group: the settled views, together.
        const views = members.map((j) => states[j].view!);
        view = [Math.min(...views.map((v) => v[0])), Math.max(...views.map((v) => v[1]))];
      } else {
        const d: AxisData = { sticky: [] };
        for (const j of members) merge(d, states[j].data.range, states[j].data.sticky);
        view = axisLimits(d);
      }
      for (const j of members) view = withTicks(view, ticks(panels[j]));
      return view;
    });
  };
  const xs = limitsOn('x');
  const ys = limitsOn('y');
  return panels.map((_, k) => ({ xlim: xs[k], ylim: ys[k] }));
}

/** Ticks of one axis: hidden, given (labels as given or as ScalarFormatter prints them), or AutoLocator's. */
function ticksFor(spec: TickSpec | undefined, view: [number, number], length: number, fontsPerLabel: number) {
  if (spec === false) return [];
  if (spec === undefined || spec === true) return axisTicks(view, length, TICK_LABEL_SIZE, fontsPerLabel);
  const [lo, hi] = view[0] <= view[1] ? view : [view[1], view[0]];
  const tol = 1e-10 * (hi - lo);
  const decimals = decimalsFor(spec.values, view);
  return spec.values
    .map((value, k) => ({ value, label: spec.labels ? (spec.labels[k] ?? '') : formatTick(value, decimals) }))
    .filter((t) => Number.isFinite(t.value) && t.value >= lo - tol && t.value <= hi + tol);
}

function union(a: Rect, b: Rect): Rect {
  return { left: Math.min(a.left, b.left), top: Math.min(a.top, b.top), right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom) };
}

/**
 * Lays a panel out around `box`. `devicePxPerPt` is set for raster output (text metrics are
 * then rounded to device pixels, as matplotlib's hinted ones are).
 */
export function placePanel(panel: Panel, content: PanelMarks, limits: PanelLimits, box: Rect, devicePxPerPt?: number): PanelGeometry {
  const { xlim, ylim } = limits;
  const width = box.right - box.left;
  const height = box.bottom - box.top;
  const text = (s: string, size = FONT_SIZE) => layoutText(s, size, devicePxPerPt);
  const xAt = (v: number) => box.left + ((v - xlim[0]) / (xlim[1] - xlim[0])) * width;
  const yAt = (v: number) => box.bottom - ((v - ylim[0]) / (ylim[1] - ylim[0])) * height;

  const xticks = ticksFor(panel.xticks, xlim, width, X_TICK_SPACE_FONTS).map((t) => ({ ...t, block: text(t.label, TICK_LABEL_SIZE), at: xAt(t.value) }));
  const yticks = ticksFor(panel.yticks, ylim, height, Y_TICK_SPACE_FONTS).map((t) => ({ ...t, block: text(t.label, TICK_LABEL_SIZE), at: yAt(t.value) }));
  const framed = panel.frame !== false;

  const tickOut = TICK_LENGTH + TICK_PAD;
  // The spines' extents: the box plus the outward tick length on the bottom and left.
  const leftTicks = yticks.length > 0 || SPINE_EXTENT_COUNTS_REMOVED_TICKS ? TICK_LENGTH : 0;
  const bottomTicks = xticks.length > 0 || SPINE_EXTENT_COUNTS_REMOVED_TICKS ? TICK_LENGTH : 0;
  let tight: Rect = framed ? { left: box.left - leftTicks, top: box.top, right: box.right, bottom: box.bottom + bottomTicks } : { ...box };
  let belowX = box.bottom + bottomTicks;
  for (const t of xticks) {
    const r = textRect(t.block, t.at, box.bottom + tickOut, 'center', 'top');
    belowX = Math.max(belowX, r.bottom);
    tight = union(tight, r);
  }
  let leftOfY = box.left - leftTicks;
  for (const t of yticks) {
    const r = textRect(t.block, box.left - tickOut, t.at, 'right', 'center_baseline');
    leftOfY = Math.min(leftOfY, r.left);
    tight = union(tight, r);
  }

  const geometry: PanelGeometry = {
    panel,
    content,
    box,
    xlim,
    ylim,
    xticks,
    yticks,
    tight,
    showXTicks: panel.xticks !== false && xticks.length > 0,
    showYTicks: panel.yticks !== false && yticks.length > 0,
  };
  const midX = (box.left + box.right) / 2;
  const midY = (box.top + box.bottom) / 2;
  const labelSize = panel.labelSize !== undefined ? ownFontSize(panel.labelSize) : LABEL_SIZE;
  if (panel.xlabel) {
    const block = text(panel.xlabel, labelSize);
    geometry.xlabel = { block, x: midX, y: belowX + LABEL_PAD };
    tight = union(tight, alongAxis(textRect(block, midX, belowX + LABEL_PAD, 'center', 'top'), 'x'));
  }
  if (panel.ylabel) {
    const block = text(panel.ylabel, labelSize);
    geometry.ylabel = { block, x: leftOfY - LABEL_PAD, y: midY };
    tight = union(tight, alongAxis(rotatedTextRect(block, leftOfY - LABEL_PAD, midY, 'center', 'bottom'), 'y'));
  }
  if (panel.title) {
    const block = text(panel.title, panel.titleSize !== undefined ? ownFontSize(panel.titleSize) : TITLE_SIZE);
    geometry.title = { block, x: midX, y: box.top - TITLE_PAD };
    tight = union(tight, alongAxis(textRect(block, midX, box.top - TITLE_PAD, 'center', 'baseline'), 'x'));
  }
  // Unclipped marks (text) count too, as Axes.get_tightbbox includes them.
  const at = { x: xAt, y: yAt, box };
  for (const m of content.marks) {
    const r = moduleOf(m).bounds?.(m, at, { devicePxPerPt, text: TEXT_API });
    if (r) tight = union(tight, r);
  }
  geometry.tight = tight;
  return geometry;
}

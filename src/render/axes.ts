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
 *   see SPINE_EXTENT_COUNTS_REMOVED_TICKS in style.ts.
 */
import type { Panel } from '../figures/types.js';
import { layoutText, rotatedTextRect, textRect, type Rect, type TextBlock } from './text.js';
import { autoLimits, axisTicks } from './ticks.js';
import {
  FONT_SIZE, LABEL_PAD, SPINE_EXTENT_COUNTS_REMOVED_TICKS, TICK_LENGTH, TICK_PAD, TITLE_PAD, TITLE_SIZE, X_TICK_SPACE_FONTS, Y_TICK_SPACE_FONTS,
} from './style.js';

export interface PlacedTick {
  value: number;
  label: string;
  block: TextBlock;
  /** Position along the axis (x for the x axis, y for the y axis), points. */
  at: number;
}

export interface PanelGeometry {
  panel: Panel;
  box: Rect;
  xlim: [number, number];
  ylim: [number, number];
  xticks: PlacedTick[];
  yticks: PlacedTick[];
  title?: { block: TextBlock; x: number; y: number };
  xlabel?: { block: TextBlock; x: number; y: number };
  ylabel?: { block: TextBlock; x: number; y: number };
  /** Union of the box and everything drawn around it (matplotlib's tight bbox). */
  tight: Rect;
}

/** Every x and y value the panel plots, for autoscaling (axhline/axvline values included). */
function dataValues(panel: Panel): { xs: number[]; ys: number[] } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of panel.series) {
    const n = Math.min(s.x.length, s.y.length);
    for (let i = 0; i < n; i++) {
      // A point is plotted only if both coordinates are finite; limits follow the plotted points.
      if (Number.isFinite(s.x[i]) && Number.isFinite(s.y[i])) {
        xs.push(s.x[i]);
        ys.push(s.y[i]);
      }
    }
  }
  for (const m of panel.markers ?? []) {
    xs.push(m.x);
    ys.push(m.y);
  }
  for (const h of panel.hlines ?? []) ys.push(h.value);
  for (const v of panel.vlines ?? []) xs.push(v.value);
  return { xs, ys };
}

export interface PanelLimits {
  xlim: [number, number];
  ylim: [number, number];
}

export function panelLimits(panel: Panel): PanelLimits {
  const { xs, ys } = dataValues(panel);
  return { xlim: autoLimits(xs), ylim: autoLimits(ys) };
}

function union(a: Rect, b: Rect): Rect {
  return { left: Math.min(a.left, b.left), top: Math.min(a.top, b.top), right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom) };
}

/**
 * Lays a panel out around `box`. `devicePxPerPt` is set for raster output (text metrics are
 * then rounded to device pixels, as matplotlib's hinted ones are).
 */
export function placePanel(panel: Panel, limits: PanelLimits, box: Rect, devicePxPerPt?: number): PanelGeometry {
  const { xlim, ylim } = limits;
  const width = box.right - box.left;
  const height = box.bottom - box.top;
  const text = (s: string, size = FONT_SIZE) => layoutText(s, size, devicePxPerPt);
  const xAt = (v: number) => box.left + ((v - xlim[0]) / (xlim[1] - xlim[0])) * width;
  const yAt = (v: number) => box.bottom - ((v - ylim[0]) / (ylim[1] - ylim[0])) * height;

  const xticks = axisTicks(xlim, width, FONT_SIZE, X_TICK_SPACE_FONTS).map((t) => ({ ...t, block: text(t.label), at: xAt(t.value) }));
  const yticks =
    panel.yticks === false
      ? []
      : axisTicks(ylim, height, FONT_SIZE, Y_TICK_SPACE_FONTS).map((t) => ({ ...t, block: text(t.label), at: yAt(t.value) }));

  const tickOut = TICK_LENGTH + TICK_PAD;
  // The spines' extents: the box plus the outward tick length on the bottom and left.
  const leftTicks = yticks.length > 0 || SPINE_EXTENT_COUNTS_REMOVED_TICKS ? TICK_LENGTH : 0;
  let tight: Rect = { left: box.left - leftTicks, top: box.top, right: box.right, bottom: box.bottom + TICK_LENGTH };
  let belowX = box.bottom + TICK_LENGTH;
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

  const geometry: PanelGeometry = { panel, box, xlim, ylim, xticks, yticks, tight };
  const midX = (box.left + box.right) / 2;
  const midY = (box.top + box.bottom) / 2;
  if (panel.xlabel) {
    const block = text(panel.xlabel);
    geometry.xlabel = { block, x: midX, y: belowX + LABEL_PAD };
    tight = union(tight, textRect(block, midX, belowX + LABEL_PAD, 'center', 'top'));
  }
  if (panel.ylabel) {
    const block = text(panel.ylabel);
    geometry.ylabel = { block, x: leftOfY - LABEL_PAD, y: midY };
    tight = union(tight, rotatedTextRect(block, leftOfY - LABEL_PAD, midY, 'center', 'bottom'));
  }
  if (panel.title) {
    const block = text(panel.title, TITLE_SIZE);
    geometry.title = { block, x: midX, y: box.top - TITLE_PAD };
    tight = union(tight, textRect(block, midX, box.top - TITLE_PAD, 'center', 'baseline'));
  }
  geometry.tight = tight;
  return geometry;
}

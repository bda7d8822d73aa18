/**
 * The one table from mark kind to its module: a kind without a module is a type error.
 * Everything here is plain computation (no canvas, no chart.js), so the exporters share it.
 */
import type { Mark, MarkKind, Panel } from '../../data/types.js';
import { resolveColor } from '../colors.js';
import { TAB10 } from '../style.js';
import { axlineModule } from './axline.js';
import { errorbarModule } from './errorbar.js';
import { fillModule } from './fill.js';
import { histModule } from './hist.js';
import { plotModule } from './plot.js';
import { rasterModule } from './raster.js';
import { scatterModule } from './scatter.js';
import { stepModule } from './step.js';
import { textModule } from './text.js';
import type { LegendHandle, MarkModule } from './types.js';

type ModuleTable = { [K in MarkKind]: MarkModule<Extract<Mark, { kind: K }>> };

export const MARKS = {
  plot: plotModule,
  step: stepModule,
  scatter: scatterModule,
  raster: rasterModule,
  hist: histModule,
  fill: fillModule,
  axhline: axlineModule,
  axvline: axlineModule,
  text: textModule,
  annotate: textModule,
  errorbar: errorbarModule,
} satisfies ModuleTable;

/** The module of a mark, typed for that mark. */
export function moduleOf<M extends Mark>(m: M): MarkModule<M> {
  const table: ModuleTable = MARKS;
  const module = table[m.kind as MarkKind] as unknown as MarkModule<M> | undefined;
  if (!module) throw new Error(`unknown mark kind '${String(m.kind)}' (mark '${m.id}')`);
  return module;
}

/**
 * Each mark's colour: its own, or the next of the axes' colour cycle it draws from (plot-like
 * artists and fills/scatters keep separate cycles in matplotlib, each restarting per axes);
 * artists outside any cycle (axhline) default to rcParams['lines.color'], C0.
 */
export function markColors(marks: Mark[]): string[] {
  const next = { line: 0, patch: 0 };
  return marks.map((m) => {
    const own = (m as { color?: unknown }).color;
    if (typeof own === 'string') return resolveColor(own);
    const cycle = moduleOf(m).cycle;
    if (own !== undefined || !cycle) return TAB10[0];
    return TAB10[next[cycle]++ % TAB10.length];
  });
}

/** Marks in drawing order: by zorder, ties in call order (matplotlib sorts stably). */
export function drawOrder(marks: Mark[]): number[] {
  return marks
    .map((m, k) => ({ k, z: m.zorder ?? moduleOf(m).zorder }))
    .sort((a, b) => a.z - b.z || a.k - b.k)
    .map((e) => e.k);
}

export interface LegendEntry {
  label: string;
  handle: LegendHandle;
}

/** Legend entries as matplotlib collects them: plain artists in call order, then containers. */
export function legendEntries(marks: Mark[], colors: string[]): LegendEntry[] {
  const entries = marks.map((m, k) => {
    const handle = moduleOf(m).legend(m, colors[k]);
    return handle && m.label !== undefined ? { label: m.label, handle, container: moduleOf(m).container === true } : undefined;
  });
  const present = entries.filter((e) => e !== undefined);
  return [...present.filter((e) => !e.container), ...present.filter((e) => e.container)].map(({ label, handle }) => ({ label, handle }));
}

/** A panel's marks in drawing-call order. */
export function marksOf(panel: Panel): Mark[] {
  return panel.marks ?? [];
}

/** The first value of a figure that is not a finite number, with where it is. */
export function findNonFinite(panels: Panel[]): { panel: string; mark: string; field: string; value: number } | undefined {
  for (const panel of panels)
    for (const m of marksOf(panel)) {
      const bad = moduleOf(m).nonFinite(m);
      if (bad) return { panel: panel.id, mark: m.id, ...bad };
    }
  return undefined;
}

/** Style values a renderer can draw: sizes in points (s in pt²), alpha a fraction. Beyond them a figure is refused, never drawn slowly. */
const STYLE_LIMITS: Record<string, [number, number]> = {
  linewidth: [0, 1000],
  markersize: [0, 1000],
  fontsize: [0.1, 1000],
  capsize: [0, 1000],
  s: [0, 1e6],
  alpha: [0, 1],
  rwidth: [0, 1],
  zorder: [-1e6, 1e6],
};

export function checkSize(where: string, value: number | undefined, lo = 0.1, hi = 1000): void {
  if (value !== undefined && !(value >= lo && value <= hi)) throw new RangeError(`${where} must be between ${lo} and ${hi}, got ${String(value)}`);
}

/** Throws a RangeError naming the panel, mark and field of the first style value out of its limits. */
export function checkMarkStyles(panels: Panel[]): void {
  for (const panel of panels) {
    checkSize(`panel '${panel.id}': titleSize`, panel.titleSize);
    checkSize(`panel '${panel.id}': labelSize`, panel.labelSize);
    if (typeof panel.legend === 'object') checkSize(`panel '${panel.id}': legend fontsize`, panel.legend.fontsize);
    for (const m of marksOf(panel))
      for (const [field, [lo, hi]] of Object.entries(STYLE_LIMITS)) {
        const value = (m as unknown as Record<string, unknown>)[field];
        const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
        const bad = values.find((v) => typeof v !== 'number' || !(v >= lo && v <= hi));
        if (bad !== undefined) throw new RangeError(`panel '${panel.id}', mark '${m.id}': ${field} must be between ${lo} and ${hi}, got ${String(bad)}`);
      }
  }
}

/**
 * FigureData as data files: JSON (schema version 3, below) and CSV in long form.
 * Both go through the mark modules' data side (src/render/marks), which loads neither canvas
 * nor chart.js.
 *
 * JSON: `{figure, schemaVersion, params, paramUnits, layout, panels: [{id, …axes options,
 * series: [{kind, id, label?, x, y, …}]}]}` — `series` lists every mark of the panel in call
 * order.
 * Every entry has `x` and `y` arrays: an axhline is `x: [], y: [value]`, an axvline
 * `x: [value], y: []`, a text `x: [x], y: [y]`, a hist `x` = left edges and `y` = counts.
 */
import type { FigureData, MarkKind, Panel } from '../data/types.js';
import { marksOf, moduleOf } from '../render/marks/index.js';

/** 3: ids are unique within a panel (the random walk's boxes are draw-t, no longer R / L each). */
export const SCHEMA_VERSION = 3;

/** One entry of a panel's `series` in the JSON file: a mark, its data as x and y arrays. */
export interface JsonEntry {
  kind: MarkKind;
  id: string;
  label?: string;
  x: number[];
  y: number[];
  yErr?: number[];
  [field: string]: unknown;
}

export type JsonPanel = Omit<Panel, 'marks'> & { series: JsonEntry[] };

/** The JSON file as read back: FigureData with each panel's marks as `series`. */
export interface FigureJson extends Omit<FigureData, 'panels'> {
  schemaVersion: number;
  panels: JsonPanel[];
}

function panelJson(panel: Panel): Record<string, unknown> {
  const { marks: _marks, ...axes } = panel;
  return { ...axes, series: marksOf(panel).map((m) => moduleOf(m).json(m)) };
}

/**
 * How the figure was drawn when its look was not matplotlib's default: its size, dpi, style
 * sheet context (null: matplotlib's sizes), font scale and transparency. Absent in a JSON file:
 * matplotlib's default sizes on an opaque background.
 */
export interface RenderRecord {
  figsize: [number, number];
  dpi: number;
  context: string | null;
  fontScale: number;
  transparent: boolean;
}

export function toJsonObject(data: FigureData, render?: RenderRecord): Record<string, unknown> {
  const { figure, panels, ...rest } = data;
  // The figure's name stays the first key (readers sniff `{"figure":`), the version next.
  return { figure, schemaVersion: SCHEMA_VERSION, ...rest, ...(render ? { render } : {}), panels: panels.map(panelJson) };
}

const utf8 = new TextEncoder();

/** The JSON file's bytes (UTF-8). */
export function toJson(data: FigureData, render?: RenderRecord): Uint8Array {
  return utf8.encode(JSON.stringify(toJsonObject(data, render)) + '\n');
}

function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  const s = String(value);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per sample: panel,series,x,y,y_err (y_err empty where the mark has none). */
export function toCsv(data: FigureData): Uint8Array {
  const rows = ['panel,series,x,y,y_err'];
  for (const panel of data.panels)
    for (const m of marksOf(panel)) for (const row of moduleOf(m).csvRows(m)) rows.push([panel.id, m.id, ...row].map(csvField).join(','));
  return utf8.encode(rows.join('\n') + '\n');
}

export { findNonFinite } from '../render/marks/index.js';

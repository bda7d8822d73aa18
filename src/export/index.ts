/**
 * FigureData as data files: JSON (schema version 2, below) and CSV in long form.
 * Both go through the mark modules' data side (src/render/marks), which loads neither canvas
 * nor chart.js.
 *
 * JSON: `{figure, schemaVersion, params, paramUnits, layout, panels: [{id, …axes options,
 * series: [{kind, id, label?, x, y, …}]}]}` — `series` lists every mark of the panel in call
 * order (the legacy `hlines` / `vlines` / `markers` included, as axhline / axvline / plot).
 * Every entry has `x` and `y` arrays: an axhline is `x: [], y: [value]`, an axvline
 * `x: [value], y: []`, a text `x: [x], y: [y]`, a hist `x` = left edges and `y` = counts.
 */
import type { FigureData, Panel } from '../data/types.js';
import { marksOf, moduleOf } from '../render/marks/index.js';

export const SCHEMA_VERSION = 2;

function panelJson(panel: Panel): Record<string, unknown> {
  const { series: _s, hlines: _h, vlines: _v, markers: _m, marks: _k, ...axes } = panel;
  return { ...axes, series: marksOf(panel).map((m) => moduleOf(m).json(m)) };
}

export function toJsonObject(data: FigureData): Record<string, unknown> {
  const { figure, panels, ...rest } = data;
  // The figure's name stays the first key (readers sniff `{"figure":`), the version next.
  return { figure, schemaVersion: SCHEMA_VERSION, ...rest, panels: panels.map(panelJson) };
}

const utf8 = new TextEncoder();

/** The JSON file's bytes (UTF-8). */
export function toJson(data: FigureData): Uint8Array {
  return utf8.encode(JSON.stringify(toJsonObject(data)) + '\n');
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

/** FigureData as data files: JSON (the object itself) and CSV in long form. */
import type { FigureData } from '../figures/types.js';

export function toJson(data: FigureData): Buffer {
  return Buffer.from(JSON.stringify(data) + '\n');
}

function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  const s = String(value);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per sample: panel,series,x,y,y_err (y_err empty where the series has none). */
export function toCsv(data: FigureData): Buffer {
  const rows = ['panel,series,x,y,y_err'];
  for (const panel of data.panels)
    for (const s of panel.series)
      s.x.forEach((x, k) => rows.push([panel.id, s.id, x, s.y[k], s.yErr?.[k]].map(csvField).join(',')));
  return Buffer.from(rows.join('\n') + '\n');
}

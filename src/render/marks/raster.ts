/**
 * A spike raster: plot(t, i, '.') or '|' — a Line2D with markers and no line. '.' is a circle
 * half the marker size across plus a 1 pt edge; '|' a vertical tick markersize long, 1 pt wide.
 */
import type { RasterMark } from '../../figures/types.js';
import { firstNonFinite, hasLabel, lineDataset, lineHandle, lineStyleOf, pairedExtent, pointsOf, sampleRows } from './shared.js';
import type { MarkModule } from './types.js';

const style = (m: RasterMark, color: string) => lineStyleOf({ ...m, linestyle: 'none' }, color);

export const rasterModule: MarkModule<RasterMark> = {
  zorder: 2,
  cycle: 'line',
  extent: (m) => pairedExtent(m.x, m.y),
  legend: (m, color) => (hasLabel(m.label) ? lineHandle(style(m, color)) : undefined),
  csvRows: (m) => sampleRows(m.x, m.y),
  json: (m) => ({ ...m }),
  nonFinite: (m) => firstNonFinite({ x: m.x, y: m.y }),
  // A line without linestyle still has its vertices: matplotlib's 'best' counts them.
  obstacles: (m) => ({ lines: [pointsOf(m.x, m.y)], boxes: [], offsets: [] }),
  draw: (m, color, env) => [{ dataset: lineDataset(pointsOf(m.x, m.y), style(m, color), env.unitsPerPt) }],
};

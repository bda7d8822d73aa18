/**
 * pyplot.plot: a Line2D. Its line is our own path (line-path.ts: matplotlib's drawstyles and
 * path simplification), its markers Chart.js's points, drawn after the line as Line2D draws them.
 * A curve with a single finite point would be invisible in matplotlib; here it gets an 'o'
 * marker so a one-point run (e.g. `--points 1`) still shows its value.
 */
import type { PlotMark } from '../../data/types.js';
import { linePathOp } from './line-path.js';
import { firstNonFinite, hasLabel, lineHandle, lineStyleOf, markerDataset, pairedExtent, pointsOf, sampleRows } from './shared.js';
import type { DrawOp, MarkModule } from './types.js';

function finiteCount(m: { x: number[]; y: number[] }): number {
  let n = 0;
  for (let i = 0; i < Math.min(m.x.length, m.y.length) && n < 2; i++) if (Number.isFinite(m.x[i]) && Number.isFinite(m.y[i])) n++;
  return n;
}

export const plotModule: MarkModule<PlotMark> = {
  zorder: 2,
  cycle: 'line',
  extent: (m) => pairedExtent(m.x, m.y),
  legend: (m, color) => (hasLabel(m.label) ? lineHandle(lineStyleOf(m, color)) : undefined),
  csvRows: (m) => sampleRows(m.x, m.y, m.yErr),
  json: (m) => ({ ...m }),
  nonFinite: (m) => firstNonFinite({ x: m.x, y: m.y, yErr: m.yErr }),
  obstacles: (m) => ({ lines: [pointsOf(m.x, m.y)], boxes: [], offsets: [] }),
  draw(m, color, env) {
    const style = lineStyleOf(m, color);
    if (style.marker === 'none' && style.linestyle !== 'none' && finiteCount(m) === 1) style.marker = 'o';
    const ops: DrawOp[] = [];
    if (style.linestyle !== 'none') ops.push(linePathOp(m.x, m.y, style, env, m.drawstyle ?? 'default'));
    if (style.marker !== 'none') ops.push({ dataset: markerDataset(pointsOf(m.x, m.y), style, env.unitsPerPt) });
    return ops;
  },
};

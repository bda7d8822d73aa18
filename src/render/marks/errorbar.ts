/**
 * pyplot.errorbar: the data line (as plot) and a vertical bar from y − err to y + err at each
 * point, in the line's colour and width (elinewidth unset); caps are '_' markers 2 × capsize
 * points long (default capsize 0) stroked at markeredgewidth (1 pt). The error range widens the
 * y limits. An ErrorbarContainer: listed after plain artists.
 */
import type { ErrorbarMark } from '../../data/types.js';
import { withAlpha } from '../colors.js';
import { MARKER_EDGE_WIDTH } from '../style.js';
import { linePathOp } from './line-path.js';
import { firstNonFinite, hasLabel, markerDataset, lineHandle, lineStyleOf, pairedExtent, pointsOf, sampleRows } from './shared.js';
import type { DrawOp, MarkModule } from './types.js';

export const errorbarModule: MarkModule<ErrorbarMark> = {
  zorder: 2,
  cycle: 'line',
  container: true,
  extent(m) {
    const lo = m.y.map((v, i) => v - Math.abs(m.yerr[i]));
    const hi = m.y.map((v, i) => v + Math.abs(m.yerr[i]));
    const a = pairedExtent(m.x, lo);
    const b = pairedExtent(m.x, hi);
    if (!a.x || !a.y || !b.y) return {};
    return { x: a.x, y: [Math.min(a.y[0], b.y[0]), Math.max(a.y[1], b.y[1])] };
  },
  legend: (m, color) => (hasLabel(m.label) ? { ...lineHandle(lineStyleOf(m, color)), yerr: true } : undefined),
  csvRows: (m) => sampleRows(m.x, m.y, m.yerr),
  json: (m) => ({ ...m }),
  nonFinite: (m) => firstNonFinite({ x: m.x, y: m.y, yerr: m.yerr }),
  obstacles: (m) => ({ lines: [pointsOf(m.x, m.y)], boxes: [], offsets: [] }),
  draw(m, color, env) {
    const style = lineStyleOf(m, color);
    const u = env.unitsPerPt;
    const bars: DrawOp = {
      clip: true,
      paint(ctx, f) {
        ctx.strokeStyle = withAlpha(color, m.alpha);
        ctx.lineWidth = style.linewidth * u;
        ctx.lineCap = 'square';
        ctx.setLineDash([]);
        const cap = (m.capsize ?? 0) * u;
        const ends: { x: number; y: number }[] = [];
        ctx.beginPath();
        m.x.forEach((x, i) => {
          const px = f.x(x);
          const lo = f.y(m.y[i] - Math.abs(m.yerr[i]));
          const hi = f.y(m.y[i] + Math.abs(m.yerr[i]));
          if (![px, lo, hi].every(Number.isFinite)) return;
          ctx.moveTo(px, lo);
          ctx.lineTo(px, hi);
          ends.push({ x: px, y: lo }, { x: px, y: hi });
        });
        ctx.stroke();
        if (cap <= 0) return;
        ctx.lineWidth = MARKER_EDGE_WIDTH * u;
        ctx.lineCap = 'butt';
        ctx.beginPath();
        for (const e of ends) {
          ctx.moveTo(e.x - cap, e.y);
          ctx.lineTo(e.x + cap, e.y);
        }
        ctx.stroke();
      },
    };
    const ops: DrawOp[] = [bars];
    if (style.linestyle !== 'none') ops.push(linePathOp(m.x, m.y, style, env, 'default'));
    if (style.marker !== 'none') ops.push({ dataset: markerDataset(pointsOf(m.x, m.y), style, u) });
    return ops;
  },
};

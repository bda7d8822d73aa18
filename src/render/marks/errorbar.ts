/**
 * pyplot.errorbar: the data line (as plot) and a vertical bar from y − err to y + err at each
 * point, in the line's colour and width (elinewidth unset), caps capsize points wide (default
 * 0). The error range widens the y limits. An ErrorbarContainer: listed after plain artists.
 */
import type { ErrorbarMark } from '../../figures/types.js';
import { withAlpha } from '../colors.js';
import { firstNonFinite, hasLabel, lineDataset, lineHandle, lineStyleOf, pairedExtent, pointsOf, sampleRows } from './shared.js';
import type { MarkModule } from './types.js';

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
  legend: (m, color) => (hasLabel(m.label) ? lineHandle(lineStyleOf(m, color)) : undefined),
  csvRows: (m) => sampleRows(m.x, m.y, m.yerr),
  json: (m) => ({ ...m }),
  nonFinite: (m) => firstNonFinite({ x: m.x, y: m.y, yerr: m.yerr }),
  obstacles: (m) => ({ lines: [pointsOf(m.x, m.y)], boxes: [], offsets: [] }),
  draw(m, color, env) {
    const style = lineStyleOf(m, color);
    const u = env.unitsPerPt;
    const bars = {
      clip: true,
      paint(ctx: Parameters<import('./types.js').Paint>[0], f: import('./types.js').AxesFrame) {
        ctx.strokeStyle = withAlpha(color, m.alpha);
        ctx.lineWidth = style.linewidth * u;
        ctx.lineCap = 'square';
        ctx.setLineDash([]);
        const cap = ((m.capsize ?? 0) / 2) * u;
        ctx.beginPath();
        m.x.forEach((x, i) => {
          const px = f.x(x);
          const lo = f.y(m.y[i] - Math.abs(m.yerr[i]));
          const hi = f.y(m.y[i] + Math.abs(m.yerr[i]));
          if (![px, lo, hi].every(Number.isFinite)) return;
          ctx.moveTo(px, lo);
          ctx.lineTo(px, hi);
          if (cap > 0) {
            ctx.moveTo(px - cap, lo);
            ctx.lineTo(px + cap, lo);
            ctx.moveTo(px - cap, hi);
            ctx.lineTo(px + cap, hi);
          }
        });
        ctx.stroke();
      },
    };
    return [bars, { dataset: lineDataset(pointsOf(m.x, m.y), style, u) }];
  },
};

/**
 * A spike raster: plot(t, i, '.') or '|' — a Line2D with markers and no line. '.' is a circle
 * half the marker size across plus a 1 pt edge; '|' a vertical tick markersize long, 1 pt wide.
 * Painted here rather than by Chart.js because Agg snaps every marker to the pixel grid (its
 * centre to a pixel centre, a '|' stroke along it), which keeps dense rasters crisp.
 */
import type { RasterMark } from '../../data/types.js';
import { withAlpha } from '../colors.js';
import { snapToPixels } from '../plugins/full-box.js';
import { MARKER_EDGE_WIDTH, MARKER_SIZE } from '../style.js';
import { firstNonFinite, hasLabel, lineHandle, lineStyleOf, pairedExtent, pointsOf, sampleRows } from './shared.js';
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
  draw(m, color, env) {
    const u = env.unitsPerPt;
    const px = env.unitsPerDevicePx;
    const ms = m.markersize ?? MARKER_SIZE;
    const edge = MARKER_EDGE_WIDTH * u;
    const css = withAlpha(color, m.alpha);
    // Agg puts a marker's centre on the centre of the nearest pixel (vector output: where it falls).
    const centre = (v: number) => (px === undefined ? v : (Math.round(v / px) + 0.5) * px);
    return [
      {
        clip: true,
        paint(ctx, f) {
          const n = Math.min(m.x.length, m.y.length);
          const half = (ms / 2) * u;
          const r = (ms / 4) * u;
          const margin = half + edge;
          ctx.strokeStyle = css;
          ctx.fillStyle = css;
          ctx.lineWidth = edge;
          ctx.setLineDash([]);
          ctx.lineCap = 'butt';
          // '|' ticks go in one path; in PNG '.' dots are stamped one by one, as Agg stamps markers,
          // so repeated points darken as they do in matplotlib (vector files keep one path: smaller).
          const stamp = px !== undefined;
          ctx.beginPath();
          for (let i = 0; i < n; i++) {
            const x = f.x(m.x[i]);
            const y = f.y(m.y[i]);
            if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
            if (x < f.left - margin || x > f.right + margin || y < f.top - margin || y > f.bottom + margin) continue;
            const cx = centre(x);
            const cy = centre(y);
            if (m.marker === '|') {
              const sx = snapToPixels(cx, edge, px);
              ctx.moveTo(sx, snapToPixels(cy + half, edge, px));
              ctx.lineTo(sx, snapToPixels(cy - half, edge, px));
            } else if (stamp) {
              ctx.beginPath();
              ctx.arc(cx, cy, r, 0, 2 * Math.PI);
              ctx.fill();
              ctx.stroke();
            } else {
              ctx.moveTo(cx + r, cy);
              ctx.arc(cx, cy, r, 0, 2 * Math.PI);
            }
          }
          if (!stamp && m.marker !== '|') ctx.fill();
          if (!stamp || m.marker === '|') ctx.stroke();
        },
      },
    ];
  },
};

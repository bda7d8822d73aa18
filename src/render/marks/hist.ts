/**
 * pyplot.hist (histtype 'bar') drawn from its result: one filled Rectangle per bin from its
 * left edge, rwidth of the bin wide, from 0 up to the count; no edge (patch.force_edgecolor
 * is off). The bars' sticky edge at 0 keeps the y margin from going below it. Rectangles are
 * snapped to whole device pixels, as Agg snaps rectilinear paths. Colour from the line cycle
 * (hist asks _get_lines for it). The legend entry is the first bar (a plain Patch, listed in call
 * order), not a container.
 */
import type { HistMark } from '../../data/types.js';
import { withAlpha } from '../colors.js';
import { firstNonFinite, hasLabel, rangeOf, sampleRows } from './shared.js';
import type { MarkModule } from './types.js';

function bars(m: HistMark): { x0: number; x1: number; y0: number; y1: number }[] {
  const w = m.rwidth ?? 1;
  return m.counts.map((c, i) => {
    const left = m.edges[i];
    const width = m.edges[i + 1] - left;
    const x0 = left + (width * (1 - w)) / 2;
    return { x0, x1: x0 + width * w, y0: 0, y1: c };
  });
}

export const histModule: MarkModule<HistMark> = {
  zorder: 1,
  cycle: 'line',
  extent(m) {
    const x = rangeOf(m.edges);
    const y = rangeOf([0, ...m.counts]);
    return { x, y, stickyY: [0] };
  },
  legend: (m, color) => (hasLabel(m.label) ? { type: 'patch', color, alpha: m.alpha } : undefined),
  csvRows: (m) => sampleRows(m.edges.slice(0, -1), m.counts),
  json: (m) => ({ ...m, x: m.edges.slice(0, -1), y: m.counts }),
  nonFinite: (m) => firstNonFinite({ edges: m.edges, counts: m.counts }),
  obstacles: (m) => ({ lines: [], boxes: bars(m), offsets: [] }),
  draw(m, color, env) {
    const fill = withAlpha(color, m.alpha);
    const px = env.unitsPerDevicePx;
    const snap = (v: number) => (px === undefined ? v : Math.round(v / px) * px);
    return [
      {
        clip: true,
        paint(ctx, f) {
          ctx.fillStyle = fill;
          for (const b of bars(m)) {
            const x0 = snap(f.x(b.x0));
            const x1 = snap(f.x(b.x1));
            const y0 = snap(f.y(b.y0));
            const y1 = snap(f.y(b.y1));
            ctx.fillRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
          }
        },
      },
    ];
  },
};

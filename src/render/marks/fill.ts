/**
 * pyplot.fill (a closed polygon) and fill_between (the band between y and y2 over x): filled,
 * no edge, alpha applied to the face. Patches and PolyCollections: zorder 1, colour from the
 * patch cycle, a patch handle in the legend.
 */
import type { FillMark } from '../../data/types.js';
import { withAlpha } from '../colors.js';
import { firstNonFinite, hasLabel, pairedExtent, pointsOf, sampleRows } from './shared.js';
import type { MarkModule, Point } from './types.js';

/** The outline: the polygon, or y forwards then y2 backwards. */
function outline(m: FillMark): Point[] {
  const top = pointsOf(m.x, m.y);
  if (!m.y2) return top;
  return [...top, ...pointsOf(m.x, m.y2).reverse()];
}

export const fillModule: MarkModule<FillMark> = {
  zorder: 1,
  cycle: 'patch',
  extent(m) {
    const pts = outline(m);
    return pairedExtent(
      pts.map((p) => p.x),
      pts.map((p) => p.y),
    );
  },
  legend: (m, color) => (hasLabel(m.label) ? { type: 'patch', color, alpha: m.alpha } : undefined),
  csvRows: (m) => sampleRows(m.x, m.y),
  json: (m) => ({ ...m }),
  nonFinite: (m) => firstNonFinite({ x: m.x, y: m.y, y2: m.y2 }),
  // A polygon is a Patch (its box counts); fill_between's PolyCollection has no offsets to count.
  obstacles(m) {
    if (m.y2) return { lines: [], boxes: [], offsets: [] };
    const e = fillModule.extent(m);
    return { lines: [], boxes: e.x && e.y ? [{ x0: e.x[0], x1: e.x[1], y0: e.y[0], y1: e.y[1] }] : [], offsets: [] };
  },
  draw(m, color) {
    const fillStyle = withAlpha(color, m.alpha);
    const pts = outline(m).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    return [
      {
        clip: true,
        paint(ctx, f) {
          if (pts.length < 3) return;
          ctx.beginPath();
          pts.forEach((p, i) => (i === 0 ? ctx.moveTo(f.x(p.x), f.y(p.y)) : ctx.lineTo(f.x(p.x), f.y(p.y))));
          ctx.closePath();
          ctx.fillStyle = fillStyle;
          ctx.fill();
        },
      },
    ];
  },
};

/** What a 'best' legend must avoid in one panel, in figure points (y down) like the legend frame. */
import type { PanelGeometry } from './axes.js';
import { moduleOf } from './marks/index.js';
import type { Obstacles, Point } from './marks/types.js';

/** Far enough off the canvas for any test, small enough that products stay finite. */
const FAR = 1e9;

export function panelObstacles(g: PanelGeometry): Obstacles {
  const { box, xlim, ylim } = g;
  const clamp = (v: number) => Math.max(-FAR, Math.min(FAR, v));
  const px = (v: number) => clamp(box.left + ((v - xlim[0]) / (xlim[1] - xlim[0])) * (box.right - box.left));
  const py = (v: number) => clamp(box.bottom - ((v - ylim[0]) / (ylim[1] - ylim[0])) * (box.bottom - box.top));
  const point = (p: Point): Point => ({ x: px(p.x), y: py(p.y) });
  const finite = (p: Point) => Number.isFinite(p.x) && Number.isFinite(p.y);
  const out: Obstacles = { lines: [], boxes: [], offsets: [] };
  for (const m of g.content.marks) {
    const o = moduleOf(m).obstacles(m);
    for (const line of o.lines) out.lines.push(line.filter(finite).map(point));
    for (const p of o.offsets) if (finite(p)) out.offsets.push(point(p));
    for (const b of o.boxes) {
      const [x0, x1] = [px(b.x0), px(b.x1)].sort((a, c) => a - c);
      const [y0, y1] = [py(b.y0), py(b.y1)].sort((a, c) => a - c);
      // As a y-down rectangle (y0 the top).
      out.boxes.push({ x0, x1, y0, y1 });
    }
  }
  return out;
}

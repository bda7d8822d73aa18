/**
 * Vector output only: each Chart.js line is stroked through the vertices simplifyLine keeps
 * (see simplify.ts), as matplotlib's SVG and PDF backends simplify line paths. Markers are
 * still drawn at every vertex (Chart.js draws them from its point elements, untouched here),
 * and stepped lines are left whole (Chart.js adds their corners itself).
 *
 * Chart.js strokes a line through its element's `points`, from the first visible point
 * (`_drawStart`, `_drawCount` of the controller). For the time of its drawing the element gets
 * the simplified visible points and draws all of them; afterwards it gets its own back.
 */
import type { Plugin } from 'chart.js';
import { SIMPLIFY_MIN_VERTICES, simplifyLine, type XY } from '../simplify.js';

interface LineLike {
  points: XY[];
  options: { stepped?: unknown };
  draw(ctx: unknown, area: unknown, start?: number, count?: number): void;
}

interface ControllerLike {
  _drawStart?: number;
  _drawCount?: number;
}

/** `threshold` in chart units; lines of fewer than SIMPLIFY_MIN_VERTICES vertices are kept whole. */
export function simplifyLinesPlugin(threshold: number): Plugin<'line'> {
  const saved = new Map<number, XY[]>();
  return {
    id: 'mplSimplifyLines',
    beforeDatasetDraw(_chart, args) {
      const line = args.meta.dataset as unknown as LineLike | undefined;
      if (!line || line.options.stepped) return;
      const points = line.points;
      if (!Array.isArray(points) || points.length < SIMPLIFY_MIN_VERTICES) return;
      const controller = args.meta.controller as unknown as ControllerLike;
      const start = controller._drawStart ?? 0;
      const count = controller._drawCount ?? points.length - start;
      const kept = simplifyLine(points.slice(start, start + count), threshold);
      saved.set(args.index, points);
      line.points = kept;
      const draw = Object.getPrototypeOf(line).draw as LineLike['draw'];
      line.draw = (ctx, area) => draw.call(line, ctx, area, 0, kept.length);
    },
    afterDatasetDraw(_chart, args) {
      const points = saved.get(args.index);
      if (!points) return;
      const line = args.meta.dataset as unknown as LineLike;
      Reflect.deleteProperty(line, 'draw');
      line.points = points;
      saved.delete(args.index);
    },
  };
}

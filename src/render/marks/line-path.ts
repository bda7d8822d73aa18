/**
 * A Line2D's line, stroked as matplotlib's backends stroke it: one path through the data's
 * vertices (drawstyle steps add the corners), broken where a value is not finite, simplified
 * when it has at least 128 vertices (path.simplify: vertices that move the line by less than
 * 1/9 of a device pixel are left out, see simplify.ts), with the line's width, dashes, caps
 * and round joins. One stroke for the whole path, so an alpha line does not darken where it
 * crosses itself.
 *
 * Drawn here rather than by Chart.js's line element: Chart.js makes an element per point and,
 * for solid lines, merges the points of each chart unit into vertical strokes (a path matplotlib
 * never draws); for a long trace that per-point work was most of a figure's drawing time.
 */
import type { DrawStyle } from '../../data/types.js';
import { SIMPLIFY_MIN_VERTICES, simplifyLine, type XY } from '../simplify.js';
import { withAlpha } from '../colors.js';
import { dashPattern, type LineStyleOf } from './shared.js';
import { strokeTranslucentLine } from '../translucent-lines.js';
import type { AxesFrame, DrawEnv, DrawOp } from './types.js';

/**
 * The path's vertices in chart units, as matplotlib's drawstyles make them: 'steps-post' holds
 * each value until the next x, 'steps-pre' takes the next value at each x. Unusable vertices
 * (a value that is not finite) are marked skip: the line breaks there.
 */
export function lineVertices(x: ArrayLike<number>, y: ArrayLike<number>, f: AxesFrame, drawstyle: DrawStyle = 'default'): XY[] {
  const n = Math.min(x.length, y.length);
  const vertex = (vx: number, vy: number): XY => {
    const px = f.x(vx);
    const py = f.y(vy);
    return Number.isFinite(px) && Number.isFinite(py) ? { x: px, y: py } : { x: px, y: py, skip: true };
  };
  const out: XY[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0 && drawstyle === 'steps-post') out.push(vertex(x[i], y[i - 1]));
    if (i > 0 && drawstyle === 'steps-pre') out.push(vertex(x[i - 1], y[i]));
    out.push(vertex(x[i], y[i]));
  }
  return out;
}

/** The path drawn: all of a short one, else as simplifyLine draws it at `threshold`. */
export function drawnVertices(vertices: XY[], threshold: number | undefined): XY[] {
  if (threshold === undefined || vertices.length < SIMPLIFY_MIN_VERTICES) return vertices;
  return simplifyLine(vertices, threshold);
}

/** The paint operation stroking a Line2D's line (env: the surface's units, threshold and layers). */
export function linePathOp(x: ArrayLike<number>, y: ArrayLike<number>, s: LineStyleOf, env: DrawEnv, drawstyle: DrawStyle): DrawOp {
  const lw = s.linewidth * env.unitsPerPt;
  const dashes = dashPattern(s.linestyle).map((d) => d * lw);
  const css = withAlpha(s.color, s.alpha);
  const { rasterLayer, unitsPerDevicePx } = env;
  return {
    clip: true,
    paint(ctx, f) {
      const path = drawnVertices(lineVertices(x, y, f, drawstyle), env.lineSimplifyThreshold);
      // PNG: a solid translucent line with Agg's coverage where it overlaps itself.
      if (rasterLayer && unitsPerDevicePx !== undefined && !dashes.length && drawstyle === 'default')
        if (strokeTranslucentLine(ctx, f, path, lw, css, unitsPerDevicePx, rasterLayer)) return;
      ctx.strokeStyle = css;
      ctx.lineWidth = lw;
      // lines.solid_capstyle 'projecting', lines.dash_capstyle 'butt', lines.solid_joinstyle 'round'.
      ctx.lineCap = dashes.length ? 'butt' : 'square';
      ctx.lineJoin = 'round';
      ctx.setLineDash(dashes);
      ctx.beginPath();
      let pen = false;
      for (const p of path) {
        if (p.skip) pen = false;
        else if (pen) ctx.lineTo(p.x, p.y);
        else {
          ctx.moveTo(p.x, p.y);
          pen = true;
        }
      }
      ctx.stroke();
    },
  };
}

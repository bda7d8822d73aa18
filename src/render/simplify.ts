/**
 * Line-path simplification as matplotlib does it (rcParams path.simplify, path.simplify_threshold
 * = 1/9): a line path of at least 128 vertices made of moves and line-tos only (Path.should_simplify;
 * unfilled) loses the vertices that do not change its look, in display units. Markers are drawn at
 * every vertex whatever the path keeps.
 *
 * The rule is matplotlib's PathSimplifier's (its behaviour, written anew here), so that the PNG is
 * drawn through the vertices Agg draws through:
 * - a run starts at the last vertex drawn and takes its direction from its first step;
 * - a further vertex joins the run while its distance from the run's line (through the start, in
 *   that direction) stays below the threshold; the run remembers its furthest vertex forwards
 *   along the line and its furthest backwards (a trace folding back over itself);
 * - a vertex off the line ends the run: the path goes to the furthest vertex forwards (and the
 *   furthest backwards, in the order the run last reached them), then to the run's last vertex if
 *   that was neither, and a new run starts there, its direction the step to the new vertex;
 * - a vertex that is not finite breaks the path (matplotlib's PathNanRemover before it): the run
 *   is drawn out and the next finite vertex starts a new subpath.
 * A vertex left out is within the threshold of the run's line, so within twice the threshold of
 * the segment drawn. One pass, O(n).
 */

/** matplotlib simplifies paths of at least this many vertices (Path.should_simplify). */
export const SIMPLIFY_MIN_VERTICES = 128;
/** rcParams['path.simplify_threshold']: a fraction of a display pixel. */
export const SIMPLIFY_THRESHOLD_PX = 1 / 9;

export interface XY {
  x: number;
  y: number;
  /** A vertex the line cannot pass through (not finite): the line breaks there. */
  skip?: boolean;
}

const usable = (p: XY) => !p.skip && Number.isFinite(p.x) && Number.isFinite(p.y);
const BREAK: XY = { x: NaN, y: NaN, skip: true };

/**
 * The path `points` is drawn as, simplified at `threshold` (same units as the points): vertices
 * in drawing order, a `skip` entry before each vertex that starts a new subpath (after a break).
 * A threshold that is not positive leaves the path as it is.
 */
export function simplifyLine(points: readonly XY[], threshold: number): XY[] {
  if (!(threshold > 0)) return points.slice();
  const limit2 = threshold * threshold;
  const out: XY[] = [];
  /** The next vertex drawn starts a subpath. */
  let moveNext = true;
  const draw = (x: number, y: number) => {
    if (moveNext && out.length > 0) out.push(BREAK);
    moveNext = false;
    out.push({ x, y });
  };

  /** Whether a subpath is open (its first vertex seen). */
  let open = false;
  /** The last vertex seen. */
  let lx = 0;
  let ly = 0;
  /** The run: its start, its direction (d2 = 0: none yet), its furthest vertices either way. */
  let sx = 0;
  let sy = 0;
  let dx = 0;
  let dy = 0;
  let d2 = 0;
  let fx = 0;
  let fy = 0;
  let f2 = 0;
  let bx = 0;
  let by = 0;
  let b2 = 0;
  let lastWasF = false;
  let lastWasB = false;

  /** Draws the run out: its furthest vertices, then its last one unless that was one of them. */
  const drawRun = () => {
    if (b2 > 0 && lastWasF) {
      draw(bx, by);
      draw(fx, fy);
    } else {
      draw(fx, fy);
      if (b2 > 0) draw(bx, by);
    }
    if (!lastWasF && !lastWasB) draw(lx, ly);
  };

  /** A run from the last vertex drawn (or the subpath's first) with its first step to (x, y). */
  const startRun = (fromX: number, fromY: number, x: number, y: number) => {
    sx = fromX;
    sy = fromY;
    dx = x - lx;
    dy = y - ly;
    d2 = dx * dx + dy * dy;
    fx = lx = x;
    fy = ly = y;
    f2 = d2;
    b2 = 0;
    lastWasF = true;
    lastWasB = false;
  };

  let broken = false;
  for (const p of points) {
    if (!usable(p)) {
      broken = true;
      continue;
    }
    const { x, y } = p;
    if (!open || broken) {
      if (open && d2 !== 0) drawRun();
      open = true;
      broken = false;
      moveNext = true;
      lx = x;
      ly = y;
      d2 = 0;
      b2 = 0;
      continue;
    }
    if (d2 === 0) {
      // The subpath's first step (or the first after a step of length zero).
      if (moveNext) draw(lx, ly);
      startRun(lx, ly, x, y);
      continue;
    }
    const vx = x - sx;
    const vy = y - sy;
    const dot = dx * vx + dy * vy;
    const px = (dot * dx) / d2;
    const py = (dot * dy) / d2;
    const ox = vx - px;
    const oy = vy - py;
    if (ox * ox + oy * oy < limit2) {
      const along2 = px * px + py * py;
      lastWasF = false;
      lastWasB = false;
      if (dot > 0) {
        if (along2 > f2) {
          lastWasF = true;
          f2 = along2;
          fx = x;
          fy = y;
        }
      } else if (along2 > b2) {
        lastWasB = true;
        b2 = along2;
        bx = x;
        by = y;
      }
      lx = x;
      ly = y;
      continue;
    }
    drawRun();
    const end = out[out.length - 1];
    startRun(end.x, end.y, x, y);
  }
  if (open) {
    if (d2 !== 0) {
      draw(fx, fy);
      if (b2 > 0) draw(bx, by);
    }
    draw(lx, ly);
  }
  return out;
}

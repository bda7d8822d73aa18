/**
 * Line-path simplification for the vector formats, as matplotlib does it (rcParams
 * path.simplify, path.simplify_threshold = 1/9): vertices that bend the drawn line by less
 * than the threshold, in display units, are left out of the path. matplotlib's SVG and PDF
 * backends simplify unfilled line paths of at least 128 vertices made of moves and line-tos
 * only (Path.should_simplify); markers are drawn at every vertex whatever the path keeps.
 *
 * Our own algorithm (not matplotlib's PathSimplifier): from the last kept vertex (the anchor),
 * the run is extended while one straight segment from the anchor passes within the threshold
 * of every vertex of the run. The directions that do so form an interval of angles (a vertex at
 * distance r allows ±asin(t/r) around its own direction), narrowed vertex by vertex; a vertex
 * can end the run when its direction lies in the interval and no vertex of the run lies further
 * from the anchor. So every vertex left out is within the threshold of the segment that
 * replaces it: the drawn shape moves by less than the threshold. One pass, O(n).
 */

/** matplotlib simplifies paths of at least this many vertices (Path.should_simplify). */
export const SIMPLIFY_MIN_VERTICES = 128;
/** rcParams['path.simplify_threshold']: a fraction of a display pixel. */
export const SIMPLIFY_THRESHOLD_PX = 1 / 9;

export interface XY {
  x: number;
  y: number;
  /** Chart.js marks a vertex it cannot place (NaN) with skip: the line breaks there. */
  skip?: boolean;
}

const usable = (p: XY) => !p.skip && Number.isFinite(p.x) && Number.isFinite(p.y);

/**
 * The vertices of `points` a polyline needs to stay within `threshold` (same units as the
 * points) of the original. Keeps the first and last vertex, every unusable vertex and the
 * vertices on either side of it (the line breaks there). Returns the same objects, in order.
 */
export function simplifyLine<P extends XY>(points: readonly P[], threshold: number): P[] {
  const n = points.length;
  if (n < 3 || !(threshold > 0)) return points.slice();
  const kept: P[] = [];
  let anchor: P | undefined;
  /** The last vertex that could end the run from the anchor: kept when the run breaks. */
  let end: P | undefined;
  let lo = -Math.PI;
  let hi = Math.PI;
  let reach = 0;
  /** The direction angles are measured from: the first vertex of the run beyond the threshold. */
  let refX = 0;
  let refY = 0;
  let hasRef = false;

  const start = (p: P) => {
    anchor = p;
    end = undefined;
    kept.push(p);
    lo = -Math.PI;
    hi = Math.PI;
    reach = 0;
    hasRef = false;
  };

  for (let i = 0; i < n; i++) {
    const p = points[i];
    if (!usable(p)) {
      if (end) kept.push(end);
      kept.push(p);
      anchor = undefined;
      end = undefined;
      continue;
    }
    if (!anchor) {
      start(p);
      continue;
    }
    let fits = tryExtend(p);
    if (!fits && end) {
      // The run ends at its last possible end: that vertex becomes the anchor, p starts anew.
      start(end);
      fits = tryExtend(p);
    }
    if (!fits) start(p);
    else end = p;
  }
  if (end) kept.push(end);
  return kept;

  /** Narrows the run's directions by p; whether p can end it (else the state is left unchanged). */
  function tryExtend(p: P): boolean {
    const a = anchor as P;
    const dx = p.x - a.x;
    const dy = p.y - a.y;
    const r = Math.hypot(dx, dy);
    // Within the threshold of the anchor: any segment from the anchor passes close enough to p,
    // which can end the run unless a vertex before it lies further out.
    if (r <= threshold) {
      if (r < reach) return false;
      reach = r;
      return true;
    }
    if (!hasRef) {
      refX = dx / r;
      refY = dy / r;
    }
    const angle = hasRef ? Math.atan2(refX * dy - refY * dx, refX * dx + refY * dy) : 0;
    const half = Math.asin(threshold / r);
    const nlo = Math.max(lo, angle - half);
    const nhi = Math.min(hi, angle + half);
    // p ends the run only if its own direction is allowed and nothing before it reaches further.
    if (angle < lo || angle > hi || r < reach) return false;
    hasRef = true;
    lo = nlo;
    hi = nhi;
    reach = r;
    return true;
  }
}

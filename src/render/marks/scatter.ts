/**
 * pyplot.scatter: a PathCollection, one marker per point with its own colour and area s
 * (pt², default 36). Edges in the face colour (scatter.edgecolors 'face') at patch.linewidth
 * (1 pt: lines.linewidth applies to unfilled markers only). A collection: zorder 1, colour from
 * the patch cycle.
 */
import type { ScatterMark } from '../../data/types.js';
import { resolveColor, withAlpha } from '../colors.js';
import { MARKER_SIZE, PATCH_LINE_WIDTH } from '../style.js';
import { firstNonFinite, hasLabel, pairedExtent, pointsOf, sampleRows } from './shared.js';
import type { MarkModule } from './types.js';

/** s's default, rcParams['lines.markersize'] ** 2 (read when drawing: a style changes it). */
const defaultArea = () => MARKER_SIZE ** 2;

function colorsOf(m: ScatterMark, color: string): string | string[] {
  return Array.isArray(m.color) ? m.color.map((c) => withAlpha(resolveColor(c), m.alpha)) : withAlpha(color, m.alpha);
}

export const scatterModule: MarkModule<ScatterMark> = {
  zorder: 1,
  cycle: 'patch',
  extent: (m) => pairedExtent(m.x, m.y),
  legend: (m, color) => {
    if (!hasLabel(m.label)) return undefined;
    const first = Array.isArray(m.color) ? resolveColor(m.color[0] ?? color) : color;
    const area = Array.isArray(m.s) ? (m.s[0] ?? defaultArea()) : (m.s ?? defaultArea());
    return {
      type: 'line',
      color: first,
      alpha: m.alpha,
      linestyle: 'none',
      linewidth: PATCH_LINE_WIDTH,
      marker: m.marker ?? 'o',
      markersize: Math.sqrt(area),
      markerfacecolor: first,
    };
  },
  csvRows: (m) => sampleRows(m.x, m.y),
  json: (m) => ({ ...m }),
  nonFinite: (m) => firstNonFinite({ x: m.x, y: m.y, s: m.s }),
  obstacles: (m) => ({ lines: [], boxes: [], offsets: pointsOf(m.x, m.y) }),
  draw(m, color, env) {
    const u = env.unitsPerPt;
    const border = PATCH_LINE_WIDTH * u;
    // The '.' path is a circle of half the marker's extent.
    const core = (s: number) => (Math.sqrt(Math.max(0, s)) / (m.marker === '.' ? 4 : 2)) * u;
    // cairo strokes a circle narrower than its line as a hollow ring; Agg fills it. Such a
    // marker is drawn as the disc its stroke covers, without a stroke.
    const tiny = (s: number) => core(s) < border / 2;
    const radius = (s: number) => (tiny(s) ? core(s) + border / 2 : core(s));
    const borderOf = (s: number) => (tiny(s) ? 0 : border);
    const colors = colorsOf(m, color);
    return [
      {
        dataset: {
          data: pointsOf(m.x, m.y),
          showLine: false,
          pointStyle: 'circle',
          pointRadius: Array.isArray(m.s) ? m.s.map(radius) : radius(m.s ?? defaultArea()),
          pointBorderWidth: Array.isArray(m.s) ? m.s.map(borderOf) : borderOf(m.s ?? defaultArea()),
          pointBackgroundColor: colors,
          pointBorderColor: colors,
          pointHoverRadius: 0,
          clip: 0,
        },
      },
    ];
  },
};

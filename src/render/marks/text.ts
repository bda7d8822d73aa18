/**
 * pyplot.text and annotate: one line of text at a data point, not clipped (Axes.text sets
 * clip_on=False), optionally in a box: bbox=dict(boxstyle='round', fc=…, ec='none') pads the
 * text's box by pad × fontsize (0.3) and rounds its corners by the same amount. An annotation
 * whose point is outside the axes is not drawn (annotation_clip for data coordinates).
 * Texts take no part in autoscaling or in the legend.
 */
import type { TextMark } from '../../figures/types.js';
import { resolveColor } from '../colors.js';
import { FONT_SIZE, TEXT_COLOR } from '../style.js';
import { firstNonFinite } from './shared.js';
import type { MarkModule } from './types.js';

const DEFAULT_PAD = 0.3;

/** BoxStyle.Round: straight sides joined by quadratic Bézier corners of radius r. */
export function roundedRectPath(
  ctx: { moveTo(x: number, y: number): void; lineTo(x: number, y: number): void; quadraticCurveTo(a: number, b: number, x: number, y: number): void; closePath(): void; beginPath(): void },
  left: number, top: number, right: number, bottom: number, r: number,
): void {
  ctx.beginPath();
  ctx.moveTo(left + r, bottom);
  ctx.lineTo(right - r, bottom);
  ctx.quadraticCurveTo(right, bottom, right, bottom - r);
  ctx.lineTo(right, top + r);
  ctx.quadraticCurveTo(right, top, right - r, top);
  ctx.lineTo(left + r, top);
  ctx.quadraticCurveTo(left, top, left, top + r);
  ctx.lineTo(left, bottom - r);
  ctx.quadraticCurveTo(left, bottom, left + r, bottom);
  ctx.closePath();
}

export const textModule: MarkModule<TextMark> = {
  zorder: 3,
  extent: () => ({}),
  legend: () => undefined,
  // Its anchor, like every entry: one CSV row per x value.
  csvRows: (m) => [[m.x, m.y, '']],
  json: (m) => ({ ...m, x: [m.x], y: [m.y] }),
  nonFinite: (m) => firstNonFinite({ x: m.x, y: m.y }),
  obstacles: () => ({ lines: [], boxes: [], offsets: [] }),
  draw(m, _color, env) {
    const size = m.fontsize ?? FONT_SIZE;
    const block = env.text.layout(m.text, size, env.devicePxPerPt);
    const { width, ascent, descent } = env.text.metrics(block);
    const u = env.unitsPerPt;
    const color = m.color !== undefined ? resolveColor(m.color) : TEXT_COLOR;
    return [{
      clip: false,
      paint(ctx, f) {
        const ax = f.x(m.x) / u;
        const ay = f.y(m.y) / u;
        if (m.kind === 'annotate') {
          const px = ax * u;
          const py = ay * u;
          const inside = px >= Math.min(f.left, f.right) && px <= Math.max(f.left, f.right) && py >= f.top && py <= f.bottom;
          if (!inside) return;
        }
        const ha = m.ha ?? 'left';
        const va = m.va ?? 'baseline';
        const left = ha === 'left' ? ax : ha === 'center' ? ax - width / 2 : ax - width;
        const baseline = va === 'baseline' ? ay : va === 'top' ? ay + ascent : va === 'bottom' ? ay - descent : ay + (ascent - descent) / 2;
        ctx.save();
        if (m.bbox) {
          const pad = (m.bbox.pad ?? DEFAULT_PAD) * size;
          const r = m.bbox.boxstyle === 'round' ? pad : 0;
          roundedRectPath(ctx, (left - pad) * u, (baseline - ascent - pad) * u, (left + width + pad) * u, (baseline + descent + pad) * u, r * u);
          ctx.globalAlpha = m.alpha ?? 1;
          ctx.fillStyle = resolveColor(m.bbox.facecolor);
          ctx.fill();
          if (m.bbox.edgecolor !== undefined && m.bbox.edgecolor !== 'none') {
            ctx.strokeStyle = resolveColor(m.bbox.edgecolor);
            ctx.lineWidth = u;
            ctx.stroke();
          }
        }
        env.text.draw(ctx, block, left, baseline, u, color);
        ctx.restore();
      },
    }];
  },
};

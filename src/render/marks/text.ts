/**
 * pyplot.text and annotate: one line of text at a data point, not clipped (Axes.text sets
 * clip_on=False), optionally in a box: bbox=dict(boxstyle='round', fc=…, ec='none') pads the
 * text's box by pad × fontsize (0.3) and rounds its corners by the same amount. An annotation
 * whose point is outside the axes is not drawn (annotation_clip for data coordinates).
 * Texts take no part in autoscaling or in the legend.
 */
import type { TextMark } from '../../data/types.js';
import { resolveColor } from '../colors.js';
import { FONT_SIZE, ownFontSize, TEXT_COLOR } from '../style.js';
import { firstNonFinite } from './shared.js';
import type { MarkModule } from './types.js';

const DEFAULT_PAD = 0.3;

/** The text's font size: its own (scaled by --font-scale) or font.size. */
function sizeOf(m: TextMark): number {
  return m.fontsize !== undefined ? ownFontSize(m.fontsize) : FONT_SIZE;
}

/** BoxStyle.Round: straight sides joined by quadratic Bézier corners of radius r. */
export function roundedRectPath(
  ctx: {
    moveTo(x: number, y: number): void;
    lineTo(x: number, y: number): void;
    quadraticCurveTo(a: number, b: number, x: number, y: number): void;
    closePath(): void;
    beginPath(): void;
  },
  left: number,
  top: number,
  right: number,
  bottom: number,
  r: number,
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

/** Where a text goes for its anchor at (ax, ay) points: its box's left edge and baseline, and the outline (bbox pad included). */
function place(m: TextMark, ax: number, ay: number, metrics: { width: number; ascent: number; descent: number }) {
  const { width, ascent, descent } = metrics;
  const ha = m.ha ?? 'left';
  const va = m.va ?? 'baseline';
  const left = ha === 'left' ? ax : ha === 'center' ? ax - width / 2 : ax - width;
  const baseline = va === 'baseline' ? ay : va === 'top' ? ay + ascent : va === 'bottom' ? ay - descent : ay + (ascent - descent) / 2;
  const pad = m.bbox ? (m.bbox.pad ?? DEFAULT_PAD) * sizeOf(m) : 0;
  const box = { left, top: baseline - ascent, right: left + width, bottom: baseline + descent };
  return { left, baseline, box, outline: { left: box.left - pad, top: box.top - pad, right: box.right + pad, bottom: box.bottom + pad }, pad };
}

/** annotation_clip: an annotation at a data point outside the axes is not drawn. */
function shown(m: TextMark, x: number, y: number, box: { left: number; top: number; right: number; bottom: number }): boolean {
  return m.kind !== 'annotate' || (x >= Math.min(box.left, box.right) && x <= Math.max(box.left, box.right) && y >= box.top && y <= box.bottom);
}

export const textModule: MarkModule<TextMark> = {
  zorder: 3,
  extent: () => ({ scales: 'never' }),
  legend: () => undefined,
  // Its anchor, like every entry: one CSV row per x value.
  csvRows: (m) => [[m.x, m.y, '']],
  json: (m) => ({ ...m, x: [m.x], y: [m.y] }),
  nonFinite: (m) => firstNonFinite({ x: m.x, y: m.y }),
  obstacles: () => ({ lines: [], boxes: [], offsets: [] }),
  // Text is not clipped (clip_on=False), so tight_layout makes room for it: for the text itself,
  // not its bbox patch (Text.get_window_extent leaves the patch out).
  bounds(m, at, env) {
    const x = at.x(m.x);
    const y = at.y(m.y);
    if (!Number.isFinite(x) || !Number.isFinite(y) || !shown(m, x, y, at.box)) return undefined;
    return place(m, x, y, env.text.metrics(env.text.layout(m.text, sizeOf(m), env.devicePxPerPt))).box;
  },
  draw(m, _color, env) {
    const block = env.text.layout(m.text, sizeOf(m), env.devicePxPerPt);
    const metrics = env.text.metrics(block);
    const u = env.unitsPerPt;
    const color = m.color !== undefined ? resolveColor(m.color) : TEXT_COLOR;
    return [
      {
        clip: false,
        paint(ctx, f) {
          const px = f.x(m.x);
          const py = f.y(m.y);
          if (!shown(m, px, py, f)) return;
          const p = place(m, px / u, py / u, metrics);
          ctx.save();
          if (m.bbox) {
            const o = p.outline;
            roundedRectPath(ctx, o.left * u, o.top * u, o.right * u, o.bottom * u, (m.bbox.boxstyle === 'round' ? p.pad : 0) * u);
            ctx.globalAlpha = m.alpha ?? 1;
            ctx.fillStyle = resolveColor(m.bbox.facecolor);
            ctx.fill();
            if (m.bbox.edgecolor !== undefined && m.bbox.edgecolor !== 'none') {
              ctx.strokeStyle = resolveColor(m.bbox.edgecolor);
              ctx.lineWidth = u;
              ctx.stroke();
            }
          }
          env.text.draw(ctx, block, p.left, p.baseline, u, color);
          ctx.restore();
        },
      },
    ];
  },
};

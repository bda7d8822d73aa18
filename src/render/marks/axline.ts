/**
 * axhline / axvline: a Line2D across the whole axes at one value, in axes coordinates along
 * it, so it widens the data limits on its own axis only. Two-point straight lines are snapped
 * to the pixel grid by Agg, like the spines; it rescales the view only when its value is outside
 * the view at the time of the call (a line inside an empty axes' 0–1 view keeps that view); an axvline's path runs from the bottom up, so its
 * dash pattern starts there. Default colour rcParams['lines.color'] (C0), no cycle.
 */
import type { AxLineMark } from '../../data/types.js';
import { resolveColor, withAlpha } from '../colors.js';
import { snapLikeAgg } from '../plugins/full-box.js';
import { firstNonFinite, hasLabel, lineHandle, lineStyleOf } from './shared.js';
import { dashPattern } from './shared.js';
import type { MarkModule } from './types.js';

const horizontal = (m: AxLineMark) => m.kind === 'axhline';

export const axlineModule: MarkModule<AxLineMark> = {
  zorder: 2,
  extent(m) {
    if (!Number.isFinite(m.value)) return { scales: 'never' };
    return horizontal(m) ? { y: [m.value, m.value], scales: 'outside-view' } : { x: [m.value, m.value], scales: 'outside-view' };
  },
  legend: (m, color) => (hasLabel(m.label) ? lineHandle(lineStyleOf(m, color)) : undefined),
  // Not samples: a reference line has no CSV rows; its value is in the JSON entry.
  csvRows: (m) => (horizontal(m) ? [] : [[m.value, '', '']]),
  json: (m) => ({ ...m, x: horizontal(m) ? [] : [m.value], y: horizontal(m) ? [m.value] : [] }),
  nonFinite: (m) => firstNonFinite(horizontal(m) ? { y: m.value } : { x: m.value }),
  obstacles(m) {
    // In data units the line spans the view; ±1e300 stands in for the axes' edges.
    const far = 1e300;
    return {
      lines: [
        horizontal(m)
          ? [
              { x: -far, y: m.value },
              { x: far, y: m.value },
            ]
          : [
              { x: m.value, y: -far },
              { x: m.value, y: far },
            ],
      ],
      boxes: [],
      offsets: [],
    };
  },
  draw(m, color, env) {
    const style = lineStyleOf(m, color);
    const lw = style.linewidth * env.unitsPerPt;
    const s = (v: number) => snapLikeAgg(v, lw, env.unitsPerDevicePx);
    const dashes = dashPattern(style.linestyle);
    return [
      {
        clip: true,
        paint(ctx, f) {
          if (style.linestyle === 'none') return;
          ctx.beginPath();
          if (horizontal(m)) {
            const y = s(f.y(m.value));
            ctx.moveTo(s(f.left), y);
            ctx.lineTo(s(f.right), y);
          } else {
            const x = s(f.x(m.value));
            ctx.moveTo(x, s(f.bottom));
            ctx.lineTo(x, s(f.top));
          }
          ctx.strokeStyle = withAlpha(resolveColor(style.color), style.alpha);
          ctx.lineWidth = lw;
          ctx.lineCap = dashes.length ? 'butt' : 'square';
          ctx.setLineDash(dashes.map((d) => d * lw));
          ctx.stroke();
        },
      },
    ];
  },
};

/**
 * The text around an axes, placed as matplotlib places it (see ../axes.ts): tick labels,
 * axis labels (mathtext allowed: `$\delta t$` is an italic δt) and the title. Chart.js's own
 * tick labels and title centre text on font line boxes; matplotlib aligns ink boxes, which is
 * what makes its labels sit where they do, so the text is drawn here from the computed layout.
 */
import type { Plugin } from 'chart.js';
import type { PanelGeometry } from '../axes.js';
import { TEXT_COLOR, TICK_LENGTH, TICK_PAD } from '../style.js';
import { drawText } from '../text.js';

export function axisTextPlugin(opts: { geometry: PanelGeometry; unitsPerPt: number }): Plugin<'line'> {
  const g = opts.geometry;
  const style = { scale: opts.unitsPerPt, color: TEXT_COLOR };
  const out = TICK_LENGTH + TICK_PAD;
  return {
    id: 'mplAxisText',
    afterDraw(chart) {
      const ctx = chart.ctx;
      for (const t of g.xticks) drawText(ctx, t.block, t.at, g.box.bottom + out, 'center', 'top', style);
      for (const t of g.yticks) drawText(ctx, t.block, g.box.left - out, t.at, 'right', 'center_baseline', style);
      if (g.xlabel) drawText(ctx, g.xlabel.block, g.xlabel.x, g.xlabel.y, 'center', 'top', style);
      if (g.ylabel) drawText(ctx, g.ylabel.block, g.ylabel.x, g.ylabel.y, 'center', 'bottom', { ...style, rotate: true });
      if (g.title) drawText(ctx, g.title.block, g.title.x, g.title.y, 'center', 'baseline', style);
    },
  };
}

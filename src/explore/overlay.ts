/**
 * What a student compares against: pinned figures drawn faintly under the current one, and
 * held axes. Both are FigureData edits made before drawing; the data the page exports are the
 * simulation's own, untouched.
 */
import { marksOf, panelContent, type FigureData, type Mark, type Panel } from './core-imports.js';
import type { Limits } from './protocol.js';

/** Pinned curves are this opaque. */
export const PIN_ALPHA = 0.3;
/** Everything but text is pinned: curves, rasters, bars, reference lines. */
const PINNED = new Set<Mark['kind']>(['plot', 'step', 'raster', 'scatter', 'errorbar', 'hist', 'fill', 'axhline', 'axvline']);

/** A pinned panel's curves in the colours they were drawn in, faint, unlabelled and beneath. */
function pinnedMarks(panel: Panel, pin: number): Mark[] {
  const { marks, colors } = panelContent(panel);
  const out: Mark[] = [];
  marks.forEach((m, k) => {
    if (!PINNED.has(m.kind)) return;
    out.push({ ...m, id: `pin${pin}:${m.id}`, label: undefined, color: colors[k], alpha: PIN_ALPHA * (m.alpha ?? 1), zorder: (m.zorder ?? 2) - 0.5 } as Mark);
  });
  return out;
}

/** The figure to draw: the current one, with each pin's curves added to the panel of the same id, and held limits. */
export function withOverlays(data: FigureData, pins: readonly FigureData[], hold: readonly Limits[] | null): FigureData {
  if (pins.length === 0 && !hold) return data;
  const panels = data.panels.map((panel) => {
    const extra = pins.flatMap((pin, k) => {
      const same = pin.panels.find((p) => p.id === panel.id);
      return same ? pinnedMarks(same, k + 1) : [];
    });
    const held = hold?.find((l) => l.id === panel.id);
    const out: Panel = { ...panel, ...(held ? { xlim: held.xlim, ylim: held.ylim } : {}) };
    if (extra.length === 0) return out;
    // Appended, with their colours given: the current marks keep their places in the colour cycle.
    return { ...out, marks: [...marksOf(panel), ...extra] };
  });
  return { ...data, panels };
}

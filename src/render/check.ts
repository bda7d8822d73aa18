/**
 * What a figure may ask of the renderer, checked before anything is drawn: a grid of sensible
 * size, cells and spans inside it, figure fractions that are numbers, text sizes and mark
 * styles a renderer can draw. Beyond these a figure is refused with a message naming the
 * panel and field, never drawn slowly (a 1e9-row grid or a 1e308 pt marker would be).
 */
import type { FigureData } from '../data/types.js';
import { checkMarkStyles, checkSize } from './marks/index.js';

/** More rows or columns than any figure needs, few enough to lay out at once. */
export const MAX_GRID = 100;

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(message);
}

const whole = (v: unknown, lo: number, hi: number) => typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
const fraction = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 10;

export function checkFigure(data: FigureData): void {
  const layout = data.layout ?? { rows: 1, cols: 1 };
  check(
    whole(layout.rows ?? 1, 1, MAX_GRID) && whole(layout.cols ?? 1, 1, MAX_GRID),
    `layout rows and cols must be whole numbers from 1 to ${MAX_GRID}, got ${layout.rows} × ${layout.cols}`,
  );
  for (const p of data.panels) {
    check(
      whole(p.row ?? 0, 0, MAX_GRID - 1) && whole(p.col ?? 0, 0, MAX_GRID - 1),
      `panel '${p.id}': row and col must be whole numbers from 0 to ${MAX_GRID - 1}`,
    );
    check(
      whole(p.rowSpan ?? 1, 1, MAX_GRID - (p.row ?? 0)) && whole(p.colSpan ?? 1, 1, MAX_GRID - (p.col ?? 0)),
      `panel '${p.id}': rowSpan and colSpan must keep the panel inside a ${MAX_GRID} × ${MAX_GRID} grid`,
    );
    for (const [name, lim] of [
      ['xlim', p.xlim],
      ['ylim', p.ylim],
    ] as const)
      check(
        lim === undefined || (lim.length === 2 && lim.every(Number.isFinite) && lim[0] !== lim[1]),
        `panel '${p.id}': ${name} must be two different finite numbers, got ${String(lim)}`,
      );
  }
  const s = layout.suptitle;
  if (s) {
    checkSize('suptitle fontsize', s.fontsize);
    check(s.y === undefined || fraction(s.y), `suptitle y must be a figure fraction, got ${s.y}`);
  }
  check(
    layout.rect === undefined || (layout.rect.length === 4 && layout.rect.every(fraction)),
    `layout rect must be four figure fractions, got ${String(layout.rect)}`,
  );
  check(layout.fit === undefined || layout.fit === 'centred-crop', `layout fit must be 'centred-crop', got ${String(layout.fit)}`);
  for (const [k, v] of Object.entries(layout.subplotsAdjust ?? {}))
    check(v === undefined || fraction(v), `subplotsAdjust ${k} must be a figure fraction, got ${v}`);
  checkMarkStyles(data.panels);
}

/**
 * matplotlib's tight_layout() for a grid of panels, in points (y down):
 * 1. place the axes with the default subplot parameters (figure.subplot.*);
 * 2. measure how far each panel's decorations (tick labels, labels, title) reach beyond its box;
 * 3. choose left/right/top/bottom so the outermost decorations end `pad` (1.08 font sizes)
 *    from the figure edge, and wspace/hspace so neighbours keep `pad` between them;
 * 4. place the axes again with those parameters.
 * As in matplotlib, the decorations are measured once, at the default placement, and if the
 * margins would leave no room the default placement is kept.
 */
import type { Rect } from './text.js';
import { FONT_SIZE, SUBPLOT_DEFAULTS, TIGHT_PAD } from './style.js';

export interface SubplotParams {
  /** Fractions of the figure, measured from the left and from the bottom, as matplotlib's. */
  left: number;
  right: number;
  bottom: number;
  top: number;
  wspace: number;
  hspace: number;
}

export interface Grid {
  /** Figure size in points. */
  width: number;
  height: number;
  rows: number;
  cols: number;
}

/** GridSpec.get_grid_positions: the box of every cell, [row][col], row 0 at the top. */
export function gridBoxes(grid: Grid, p: SubplotParams): Rect[][] {
  const { width: W, height: H, rows, cols } = grid;
  const cellH = (p.top - p.bottom) / (rows + p.hspace * (rows - 1));
  const cellW = (p.right - p.left) / (cols + p.wspace * (cols - 1));
  const boxes: Rect[][] = [];
  for (let r = 0; r < rows; r++) {
    const top = p.top - r * cellH * (1 + p.hspace);
    const row: Rect[] = [];
    for (let c = 0; c < cols; c++) {
      const left = p.left + c * cellW * (1 + p.wspace);
      row.push({ left: left * W, right: (left + cellW) * W, top: (1 - top) * H, bottom: (1 - (top - cellH)) * H });
    }
    boxes.push(row);
  }
  return boxes;
}

export interface Cell {
  row: number;
  col: number;
}

/**
 * Subplot parameters after tight_layout. `measure(k, box)` gives the tight bounding box of
 * panel k (in `cells[k]`) when its axes box is `box`.
 */
export function tightLayout(grid: Grid, cells: Cell[], measure: (k: number, box: Rect) => Rect): SubplotParams {
  const { width: W, height: H, rows, cols } = grid;
  const initial = gridBoxes(grid, SUBPLOT_DEFAULTS);
  const pad = TIGHT_PAD * FONT_SIZE;
  // hspaces[r][c]: room needed left of column c (c = cols: right of the last), as figure fractions.
  const hspaces = Array.from({ length: rows }, () => new Array<number>(cols + 1).fill(0));
  const vspaces = Array.from({ length: rows + 1 }, () => new Array<number>(cols).fill(0));
  cells.forEach((cell, k) => {
    const box = initial[cell.row][cell.col];
    const tight = measure(k, box);
    hspaces[cell.row][cell.col] += (box.left - tight.left) / W;
    hspaces[cell.row][cell.col + 1] += (tight.right - box.right) / W;
    vspaces[cell.row][cell.col] += (box.top - tight.top) / H;
    vspaces[cell.row + 1][cell.col] += (tight.bottom - box.bottom) / H;
  });
  const maxOf = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), -Infinity);
  const marginLeft = Math.max(maxOf(hspaces.map((r) => r[0])), 0) + pad / W;
  const marginRight = Math.max(maxOf(hspaces.map((r) => r[cols])), 0) + pad / W;
  const marginTop = Math.max(maxOf(vspaces[0]), 0) + pad / H;
  const marginBottom = Math.max(maxOf(vspaces[rows]), 0) + pad / H;
  if (marginLeft + marginRight >= 1 || marginTop + marginBottom >= 1) return { ...SUBPLOT_DEFAULTS };
  const params: SubplotParams = { left: marginLeft, right: 1 - marginRight, bottom: marginBottom, top: 1 - marginTop, wspace: 0, hspace: 0 };
  if (cols > 1) {
    const hspace = maxOf(hspaces.flatMap((r) => r.slice(1, -1))) + pad / W;
    const axesWidth = (1 - marginRight - marginLeft - hspace * (cols - 1)) / cols;
    if (axesWidth < 0) return { ...SUBPLOT_DEFAULTS };
    params.wspace = hspace / axesWidth;
  }
  if (rows > 1) {
    const vspace = maxOf(vspaces.slice(1, -1).flat()) + pad / H;
    const axesHeight = (1 - marginTop - marginBottom - vspace * (rows - 1)) / rows;
    if (axesHeight < 0) return { ...SUBPLOT_DEFAULTS };
    params.hspace = vspace / axesHeight;
  }
  return params;
}

/**
 * matplotlib's GridSpec and tight_layout() for a grid of panels, in points (y down):
 * 1. place the axes with the current subplot parameters (figure.subplot.*, after any
 *    subplots_adjust);
 * 2. measure how far each panel's decorations (tick labels, labels, title) reach beyond its box;
 * 3. choose left/right/top/bottom so the outermost decorations end `pad` (1.08 font sizes)
 *    from the figure edge (the suptitle adds its height and a pad on top), and wspace/hspace
 *    so neighbours keep `pad` between them; a panel spanning cells adds its reach to every
 *    row (column) it spans, as _auto_adjust_subplotpars does;
 * 4. place the axes again with those parameters.
 * As in matplotlib, the decorations are measured once, at the first placement, and if the
 * margins would leave no room the placement is kept. Spacing assumes equal cells even with
 * width/height ratios (matplotlib's approximation); the ratios apply when placing.
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
  widthRatios?: number[];
  heightRatios?: number[];
}

/** One side of GridSpec.get_grid_positions: cell starts and ends along the axis, as fractions. */
function cellEdges(n: number, start: number, total: number, space: number, ratios: number[]): { from: number[]; to: number[] } {
  const cell = total / (n + space * (n - 1));
  const sep = space * cell;
  const norm = (cell * n) / ratios.reduce((a, b) => a + b, 0);
  const from: number[] = [];
  const to: number[] = [];
  let acc = 0;
  for (let k = 0; k < n; k++) {
    acc += k === 0 ? 0 : sep;
    from.push(start + acc);
    acc += ratios[k] * norm;
    to.push(start + acc);
  }
  return { from, to };
}

/** GridSpec.get_grid_positions: the box of every cell, [row][col], row 0 at the top. */
export function gridBoxes(grid: Grid, p: SubplotParams): Rect[][] {
  const { width: W, height: H, rows, cols } = grid;
  if (!grid.widthRatios && !grid.heightRatios) {
    // Equal cells, the arithmetic the week-2 figures were drawn with (pixel for pixel).
    const cellH = (p.top - p.bottom) / (rows + p.hspace * (rows - 1));
    const cellW = (p.right - p.left) / (cols + p.wspace * (cols - 1));
    return Array.from({ length: rows }, (_, r) => {
      const top = p.top - r * cellH * (1 + p.hspace);
      return Array.from({ length: cols }, (_, c) => {
        const left = p.left + c * cellW * (1 + p.wspace);
        return { left: left * W, right: (left + cellW) * W, top: (1 - top) * H, bottom: (1 - (top - cellH)) * H };
      });
    });
  }
  // Rows run down from the top: measure them as distances below `top`.
  const v = cellEdges(rows, 0, p.top - p.bottom, p.hspace, grid.heightRatios ?? new Array<number>(rows).fill(1));
  const h = cellEdges(cols, p.left, p.right - p.left, p.wspace, grid.widthRatios ?? new Array<number>(cols).fill(1));
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => ({
      left: h.from[c] * W,
      right: h.to[c] * W,
      top: (1 - (p.top - v.from[r])) * H,
      bottom: (1 - (p.top - v.to[r])) * H,
    })),
  );
}

export interface Cell {
  row: number;
  col: number;
  rowSpan?: number;
  colSpan?: number;
}

/** The box of a cell range: from its first cell's top-left to its last cell's bottom-right. */
export function spanBox(boxes: Rect[][], cell: Cell): Rect {
  const last = boxes[cell.row + (cell.rowSpan ?? 1) - 1][cell.col + (cell.colSpan ?? 1) - 1];
  const first = boxes[cell.row][cell.col];
  return { left: first.left, top: first.top, right: last.right, bottom: last.bottom };
}

export interface TightOptions {
  /** Subplot parameters the panels sit at when measured (subplots_adjust applied). */
  initial?: SubplotParams;
  /** tight_layout(rect=[left, bottom, right, top]). */
  rect?: [number, number, number, number];
  /** Height of the suptitle in points, when there is one. */
  suptitleHeight?: number;
}

const maxOf = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), -Infinity);

/**
 * Subplot parameters after tight_layout. `measure(k, box)` gives the tight bounding box of
 * panel k (in `cells[k]`) when its axes box is `box`.
 */
export function tightLayout(grid: Grid, cells: Cell[], measure: (k: number, box: Rect) => Rect, opts: TightOptions = {}): SubplotParams {
  const { width: W, height: H, rows, cols } = grid;
  const initial = opts.initial ?? { ...SUBPLOT_DEFAULTS };
  const boxes = gridBoxes(grid, initial);
  // hspaces[r][c]: room needed left of column c (c = cols: right of the last), as figure fractions.
  const hspaces = Array.from({ length: rows }, () => new Array<number>(cols + 1).fill(0));
  const vspaces = Array.from({ length: rows + 1 }, () => new Array<number>(cols).fill(0));
  cells.forEach((cell, k) => {
    const box = spanBox(boxes, cell);
    const tight = measure(k, box);
    const r1 = cell.row + (cell.rowSpan ?? 1);
    const c1 = cell.col + (cell.colSpan ?? 1);
    for (let r = cell.row; r < r1; r++) {
      hspaces[r][cell.col] += (box.left - tight.left) / W;
      hspaces[r][c1] += (tight.right - box.right) / W;
    }
    for (let c = cell.col; c < c1; c++) {
      vspaces[cell.row][c] += (box.top - tight.top) / H;
      vspaces[r1][c] += (tight.bottom - box.bottom) / H;
    }
  });
  const pad = TIGHT_PAD * FONT_SIZE;

  /** _auto_adjust_subplotpars: margins from `rect` where it gives a non-zero one, else from the decorations. */
  const adjust = (rect?: [number, number, number, number]): SubplotParams | undefined => {
    const fromRect = (v: number | undefined) => (v ? v : undefined);
    const marginLeft = fromRect(rect?.[0]) ?? Math.max(maxOf(hspaces.map((r) => r[0])), 0) + pad / W;
    const marginRight = fromRect(rect && rect[2] ? 1 - rect[2] : undefined) ?? Math.max(maxOf(hspaces.map((r) => r[cols])), 0) + pad / W;
    const marginBottom = fromRect(rect?.[1]) ?? Math.max(maxOf(vspaces[rows]), 0) + pad / H;
    let marginTop = fromRect(rect && rect[3] ? 1 - rect[3] : undefined);
    if (marginTop === undefined) {
      marginTop = Math.max(maxOf(vspaces[0]), 0) + pad / H;
      if (opts.suptitleHeight !== undefined) marginTop += (opts.suptitleHeight + pad) / H;
    }
    if (marginLeft + marginRight >= 1 || marginTop + marginBottom >= 1) return undefined;
    const params: SubplotParams = { left: marginLeft, right: 1 - marginRight, bottom: marginBottom, top: 1 - marginTop, wspace: 0, hspace: 0 };
    if (cols > 1) {
      const hspace = maxOf(hspaces.flatMap((r) => r.slice(1, -1))) + pad / W;
      const axesWidth = (1 - marginRight - marginLeft - hspace * (cols - 1)) / cols;
      if (axesWidth < 0) return undefined;
      params.wspace = hspace / axesWidth;
    } else params.wspace = initial.wspace;
    if (rows > 1) {
      const vspace = maxOf(vspaces.slice(1, -1).flat()) + pad / H;
      const axesHeight = (1 - marginTop - marginBottom - vspace * (rows - 1)) / rows;
      if (axesHeight < 0) return undefined;
      params.hspace = vspace / axesHeight;
    } else params.hspace = initial.hspace;
    return params;
  };

  const first = adjust();
  if (!first) return initial;
  if (!opts.rect) return first;
  // get_tight_layout_figure: with a rect, a second pass takes the first pass's margins inside it.
  const [l, b, r, t] = opts.rect;
  return adjust([l + first.left, b + first.bottom, r - (1 - first.right), t - (1 - first.top)]) ?? initial;
}

/**
 * Subplot parameters that move the whole drawing, placed at `initial`, to the middle of the
 * figure without resizing anything: Jupyter's tight crop of a cell that calls no tight_layout,
 * padded back to the figure size. undefined when the drawing does not fit in the figure.
 */
export function centredCrop(grid: Grid, cells: Cell[], measure: (k: number, box: Rect) => Rect, initial: SubplotParams): SubplotParams | undefined {
  const { width: W, height: H } = grid;
  const boxes = gridBoxes(grid, initial);
  const drawn = cells.map((cell, k) => measure(k, spanBox(boxes, cell)));
  const left = Math.min(...drawn.map((r) => r.left));
  const right = Math.max(...drawn.map((r) => r.right));
  const top = Math.min(...drawn.map((r) => r.top));
  const bottom = Math.max(...drawn.map((r) => r.bottom));
  if (!(right - left <= W && bottom - top <= H)) return undefined;
  const dx = (W - left - right) / 2 / W;
  const dy = (H - top - bottom) / 2 / H;
  return { ...initial, left: initial.left + dx, right: initial.right + dx, top: initial.top - dy, bottom: initial.bottom - dy };
}

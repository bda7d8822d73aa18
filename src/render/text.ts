/**
 * Text measured and placed the way matplotlib's Agg backend does it (text.Text._get_layout
 * with FT2Font metrics):
 * - horizontally the box runs from the pen origin over the string's advance width, and the
 *   glyphs are drawn from that origin (so an 'A' starts further left than an 'E');
 * - vertically it spans the ink, but at least the ascent of "l" and the descent of "p"
 *   ("lp"), so labels with and without descenders line up;
 * - alignment is of that box: 'top' puts the box top at the anchor, 'center_baseline' puts
 *   the anchor halfway between the baseline and the box top (y tick labels), 'bottom' the
 *   box bottom (descent included) — the rotated y label uses it on its unrotated frame.
 * Metrics come from one measuring context at a large size, given by the canvas adapter (in
 * Node a vector, SVG, context: exact outline extents, the same for every output format);
 * raster output then rounds the vertical extents up to whole device pixels, as matplotlib's
 * hinted FreeType metrics do.
 */
import type { Context2D as CanvasRenderingContext2D } from './context.js';
import { cssFont } from './fonts.js';
import { parseMathtext, type Run } from './mathtext.js';

export type HAlign = 'left' | 'center' | 'right';
export type VAlign = 'top' | 'bottom' | 'baseline' | 'center_baseline';

export interface PlacedRun extends Run {
  /** Pen position of the run's origin from the block's origin, in points. */
  offset: number;
}

/** A laid-out single-line label; lengths in points. */
export interface TextBlock {
  runs: PlacedRun[];
  size: number;
  /** Advance width of the whole label (FT2Font.get_width_height's width). */
  width: number;
  ascent: number;
  descent: number;
}

/** y-down rectangle in points. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const REF_SIZE = 100;
const cache = new Map<string, TextBlock>();
let measurer: CanvasRenderingContext2D | undefined;

/** The context text is measured with from now on (the fonts registered or loaded first). */
export function useTextMeasurer(ctx: CanvasRenderingContext2D): void {
  measurer = ctx;
  cache.clear();
}

export function hasTextMeasurer(): boolean {
  return measurer !== undefined;
}

function measure(text: string, italic: boolean) {
  if (!measurer) throw new Error('text cannot be measured before a canvas is given (render/node-canvas.ts, or drawFigure)');
  measurer.font = cssFont(REF_SIZE, italic);
  const m = measurer.measureText(text);
  return {
    advance: m.width / REF_SIZE,
    ascent: m.actualBoundingBoxAscent / REF_SIZE,
    descent: m.actualBoundingBoxDescent / REF_SIZE,
  };
}

/**
 * Lays out a label (mathtext allowed) at `size` points. `devicePxPerPt` is given for raster
 * output: ascent and descent are then rounded up to whole device pixels.
 */
export function layoutText(label: string, size: number, devicePxPerPt?: number): TextBlock {
  const key = `${size}\u0000${devicePxPerPt ?? 0}\u0000${label}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const lp = measure('lp', false);
  let ascent = lp.ascent;
  let descent = lp.descent;
  let pen = 0;
  const runs: PlacedRun[] = [];
  for (const run of parseMathtext(label)) {
    const m = measure(run.text, run.italic);
    runs.push({ ...run, offset: pen * size });
    ascent = Math.max(ascent, m.ascent);
    descent = Math.max(descent, m.descent);
    pen += m.advance;
  }
  const snap = (v: number) => (devicePxPerPt ? Math.ceil(v * size * devicePxPerPt - 1e-6) / devicePxPerPt : v * size);
  const block: TextBlock = {
    runs,
    size,
    width: pen * size,
    ascent: snap(ascent),
    descent: snap(descent),
  };
  cache.set(key, block);
  return block;
}

/** Where the block's box left edge and baseline fall for an anchor, in the text's own frame. */
function origin(block: TextBlock, ha: HAlign, va: VAlign): { left: number; baseline: number } {
  const left = ha === 'left' ? 0 : ha === 'center' ? -block.width / 2 : -block.width;
  const baseline = va === 'top' ? block.ascent : va === 'bottom' ? -block.descent : va === 'center_baseline' ? block.ascent / 2 : 0;
  return { left, baseline };
}

/** The box of unrotated text anchored at (x, y); y down. */
export function textRect(block: TextBlock, x: number, y: number, ha: HAlign, va: VAlign): Rect {
  const o = origin(block, ha, va);
  return { left: x + o.left, right: x + o.left + block.width, top: y + o.baseline - block.ascent, bottom: y + o.baseline + block.descent };
}

/**
 * The box of text rotated 90° anticlockwise (reading upwards) about its anchor, aligned in its
 * own frame first (matplotlib's rotation_mode='anchor', as the y label is).
 */
export function rotatedTextRect(block: TextBlock, x: number, y: number, ha: HAlign, va: VAlign): Rect {
  const r = textRect(block, 0, 0, ha, va);
  // Rotating (u, v) → (v, −u) in a y-down frame turns the text to read bottom-to-top.
  return { left: x + r.top, right: x + r.bottom, top: y - r.right, bottom: y - r.left };
}

/** Draws a block; `scale` is context units per point. */
export function drawText(
  ctx: CanvasRenderingContext2D,
  block: TextBlock,
  x: number,
  y: number,
  ha: HAlign,
  va: VAlign,
  opts: { scale: number; color: string; rotate?: boolean },
): void {
  const { scale: s } = opts;
  const o = origin(block, ha, va);
  ctx.save();
  ctx.translate(x * s, y * s);
  if (opts.rotate) ctx.rotate(-Math.PI / 2);
  ctx.fillStyle = opts.color;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  for (const run of block.runs) {
    ctx.font = cssFont(block.size * s, run.italic);
    ctx.fillText(run.text, (o.left + run.offset) * s, o.baseline * s);
  }
  ctx.restore();
}

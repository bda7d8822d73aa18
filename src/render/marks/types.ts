/**
 * What every mark module defines. The data side (extent, legend handle, CSV rows, JSON entry,
 * finiteness, what a legend must avoid) is plain computation; the drawing side returns either
 * a Chart.js dataset (a plain object: Chart.js itself is never imported here) or a paint
 * function over a context. Text layout is passed in (`DrawEnv.text`), so importing a mark
 * module loads neither canvas nor chart.js and the exporters can use the same table.
 */
import type { ChartDataset } from 'chart.js';
import type { Context2D as CanvasRenderingContext2D } from '../context.js';
import type { Mark, MarkerStyle, LineStyle } from '../../data/types.js';
import type { RasterLayerFactory } from '../translucent-lines.js';

export type Point = { x: number; y: number };
export type LineDataset = ChartDataset<'line', Point[]>;

/** Data limits a mark asks autoscaling for; sticky edges stop the 5 % margin (hist bars at 0). */
export interface Extent {
  x?: [number, number];
  y?: [number, number];
  stickyX?: number[];
  stickyY?: number[];
  /**
   * When the mark asks for autoscaling: 'always' (data marks, the default), 'outside-view'
   * (axhline/axvline: only when the value lies outside the view at the time of the call, as
   * matplotlib's axhline checks get_ybound()), 'never' (text).
   */
  scales?: 'always' | 'outside-view' | 'never';
}

export type LegendHandle =
  | {
      type: 'line';
      color: string;
      linestyle: LineStyle;
      linewidth: number;
      marker: MarkerStyle;
      markersize: number;
      markerfacecolor: string;
      alpha?: number;
      /** errorbar's handle: a vertical bar ±0.5 font sizes through the middle (HandlerErrorbar). */
      yerr?: boolean;
    }
  | { type: 'patch'; color: string; alpha?: number };

/** One CSV row after panel and mark ids: x, y, y error ('' where absent). */
export type CsvRow = [number, number | '', number | ''];

/** What a legend placed with loc='best' must avoid, in data coordinates (matplotlib's _auto_legend_data). */
export interface Obstacles {
  /** Polylines: each vertex counts when inside the legend, each polyline once more when it crosses it. */
  lines: Point[][];
  /** Rectangles (patches) counted when they overlap the legend. */
  boxes: { x0: number; x1: number; y0: number; y1: number }[];
  /** Scatter offsets counted when inside. */
  offsets: Point[];
}

/** Where the axes are on the context at drawing time: chart units, y down. */
export interface AxesFrame {
  left: number;
  top: number;
  right: number;
  bottom: number;
  x(v: number): number;
  y(v: number): number;
}

/** y-down rectangle in points. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface TextApi<Block> {
  layout(text: string, size: number, devicePxPerPt?: number): Block;
  /** Draws with the box's left edge at x and the baseline at y (points). */
  draw(ctx: CanvasRenderingContext2D, block: Block, x: number, y: number, scale: number, color: string): void;
  metrics(block: Block): { width: number; ascent: number; descent: number };
}

export interface DrawEnv {
  unitsPerPt: number;
  /** Raster output only: chart units per device pixel (for Agg's pixel snapping). */
  unitsPerDevicePx?: number;
  devicePxPerPt?: number;
  /** How far, in chart units, simplifying a long line path may move it (1/9 device pixel). */
  lineSimplifyThreshold?: number;
  /** Raster output only: scratch rasters (translucent lines are drawn through one). */
  rasterLayer?: RasterLayerFactory;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  text: TextApi<any>;
}

export type Paint = (ctx: CanvasRenderingContext2D, frame: AxesFrame) => void;
export type DrawOp = { dataset: LineDataset } | { paint: Paint; clip: boolean };

export interface MarkModule<M extends Mark> {
  /** matplotlib's default zorder for the artist: patches/collections 1, lines 2, text 3. */
  zorder: number;
  /** Which of the axes' two colour cycles an uncoloured mark takes from (plot's lines or fill's patches). */
  cycle?: 'line' | 'patch';
  /** Containers (hist bars, errorbar) list their legend entry after every plain artist, as matplotlib does. */
  container?: boolean;
  extent(m: M): Extent;
  legend(m: M, color: string): LegendHandle | undefined;
  csvRows(m: M): CsvRow[];
  /** The mark's data-file entry: `kind`, `id` and x / y arrays always present. */
  json(m: M): Record<string, unknown>;
  /** The first value that is not a finite number, if any. */
  nonFinite(m: M): { field: string; value: number } | undefined;
  obstacles(m: M): Obstacles;
  /** What the mark draws outside the axes' clip (text), in points for tight_layout; data mapped by `at`. */
  bounds?(m: M, at: { x(v: number): number; y(v: number): number; box: Rect }, env: Omit<DrawEnv, 'unitsPerPt'>): Rect | undefined;
  draw(m: M, color: string, env: DrawEnv): DrawOp[];
}

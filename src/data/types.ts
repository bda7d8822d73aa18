/**
 * FigureData: the single contract between simulation and output.
 * The renderer and the exporters read nothing else; JSON export is this object, normalised to
 * marks (see README "Data files"). Times on axes are in ms (as the notebook plots them).
 *
 * A panel is a matplotlib Axes: an ordered list of marks (one per pyplot call, in call order),
 * drawn by zorder (patches 1, lines 2, text 3; ties in call order), plus the axes' options.
 * Mark property names are matplotlib's (color, linestyle, linewidth, markersize…); the
 * builders in ./marks.ts take pyplot's short aliases (c, ls, lw, ms…).
 */

/**
 * A colour as matplotlib takes it: 'C0'…'C9' (tab10), one letter (r g b k c m y w), a named
 * colour (lightblue, lightgreen, lightgray, gray…) or CSS hex. Unset: the axes' colour cycle.
 */
export type Color = string;
/** '-' solid, '--' dashed, ':' dotted, 'none' no line (markers only). */
export type LineStyle = '-' | '--' | ':' | 'none';
/** '.' point (a circle 0.5 × markersize across), 'o' circle, '|' vertical tick, 'none'. */
export type MarkerStyle = '.' | 'o' | '|' | 'none';
export type DrawStyle = 'default' | 'steps-pre' | 'steps-post';

interface MarkBase {
  /** Stable within its panel: JSON/CSV name the mark by it. */
  id: string;
  /** Legend text; unset or starting with '_' means no legend entry, as in matplotlib. */
  label?: string;
  /** matplotlib's zorder; unset: the kind's default (patches 1, lines 2, text 3). */
  zorder?: number;
  alpha?: number;
}

/** pyplot.plot: a Line2D (line and/or markers). */
export interface PlotMark extends MarkBase {
  kind: 'plot';
  x: number[];
  y: number[];
  /** Carried into JSON/CSV as data (e.g. the standard error of a mean); not drawn (use errorbar). */
  yErr?: number[];
  color?: Color;
  linestyle?: LineStyle;
  /** Points; default 1.5. */
  linewidth?: number;
  marker?: MarkerStyle;
  /** Points; default 6. */
  markersize?: number;
  /** 'none' makes a hollow marker; default: the line colour. */
  markerfacecolor?: Color | 'none';
  drawstyle?: DrawStyle;
}

/** pyplot.step: a line drawn as steps; where='pre' is pyplot's default, 'post' = drawstyle steps-post. */
export interface StepMark extends Omit<PlotMark, 'kind' | 'drawstyle'> {
  kind: 'step';
  where: 'pre' | 'post';
}

/** pyplot.scatter: a PathCollection with one colour and one size (pt², default 36) per point or for all. */
export interface ScatterMark extends MarkBase {
  kind: 'scatter';
  x: number[];
  y: number[];
  color?: Color | Color[];
  /** Marker area in pt²; default rcParams['lines.markersize']² = 36. */
  s?: number | number[];
  marker?: 'o' | '.';
}

/** A spike raster: plot(t, i, '.') or '|' without a line (x = times, y = neuron indices). */
export interface RasterMark extends MarkBase {
  kind: 'raster';
  x: number[];
  y: number[];
  marker: '.' | '|';
  color?: Color;
  markersize?: number;
}

/** pyplot.hist drawn from its result: bars from edges (n + 1) and counts (n); histtype 'bar'. */
export interface HistMark extends MarkBase {
  kind: 'hist';
  edges: number[];
  counts: number[];
  /** Face colour (pyplot's fc/color); default: the line colour cycle, as hist does. */
  color?: Color;
  /** Bar width as a fraction of the bin (hist's rwidth); default 1. */
  rwidth?: number;
}

/** pyplot.fill (a polygon x, y) or fill_between (x, y, y2). Patch zorder 1. */
export interface FillMark extends MarkBase {
  kind: 'fill';
  x: number[];
  y: number[];
  /** fill_between's second curve; unset: (x, y) is a closed polygon. */
  y2?: number[];
  color?: Color;
}

/** axhline / axvline: a line across the whole axes at one value. */
export interface AxLineMark extends MarkBase {
  kind: 'axhline' | 'axvline';
  value: number;
  color?: Color;
  linestyle?: LineStyle;
  linewidth?: number;
}

/** Text box style: matplotlib's bbox=dict(boxstyle='round', fc=…, ec='none'). */
export interface TextBox {
  boxstyle: 'round' | 'square';
  facecolor: Color;
  /** 'none' (default): no edge. */
  edgecolor?: Color | 'none';
  /** In font sizes; matplotlib's default 0.3. */
  pad?: number;
}

/** pyplot.text (kind 'text') / annotate (kind 'annotate': not drawn when the point is outside the axes). */
export interface TextMark extends MarkBase {
  kind: 'text' | 'annotate';
  x: number;
  y: number;
  text: string;
  /** Points; default 10. */
  fontsize?: number;
  color?: Color;
  ha?: 'left' | 'center' | 'right';
  va?: 'top' | 'center' | 'baseline' | 'bottom';
  bbox?: TextBox;
}

/** pyplot.errorbar: the line (as plot) and vertical error bars ±yerr. */
export interface ErrorbarMark extends MarkBase {
  kind: 'errorbar';
  x: number[];
  y: number[];
  yerr: number[];
  color?: Color;
  linestyle?: LineStyle;
  linewidth?: number;
  marker?: MarkerStyle;
  markersize?: number;
  /** Cap length in points; default 0 (rcParams errorbar.capsize). */
  capsize?: number;
}

export type Mark = PlotMark | StepMark | ScatterMark | RasterMark | HistMark | FillMark | AxLineMark | TextMark | ErrorbarMark;
export type MarkKind = Mark['kind'];

/** Ticks of one axis: false hides ticks and labels (xticks([])), true (default) is AutoLocator; or given values with optional labels. */
export type TickSpec = boolean | { values: number[]; labels?: string[] };

/** matplotlib's legend locations; 'best' is its algorithm (fewest covered data points). */
export type LegendLoc =
  'best' | 'upper right' | 'upper left' | 'lower left' | 'lower right' | 'right' | 'center left' | 'center right' | 'lower center' | 'upper center' | 'center';

export interface Panel {
  id: string;
  /** Axis labels may hold matplotlib mathtext between dollars, e.g. `$\delta t$ (ms)`. */
  title?: string;
  xlabel?: string;
  ylabel?: string;
  /** Points; defaults 12 (title) and 10 (axis labels). */
  titleSize?: number;
  labelSize?: number;
  /** The panel's marks in pyplot call order. */
  marks?: Mark[];
  /** Hidden (false) or given ticks; unset: matplotlib's AutoLocator. */
  xticks?: TickSpec;
  yticks?: TickSpec;
  /** Explicit view limits (pyplot.xlim / ylim); unset: autoscaled with 5 % margins. */
  xlim?: [number, number];
  ylim?: [number, number];
  /** true = 'upper right' (the week-2 figures); a location; or with a font size. */
  legend?: boolean | LegendLoc | { loc: LegendLoc; fontsize?: number };
  /** false: no spines (frameon=False); ticks are set apart with xticks/yticks. */
  frame?: boolean;
  /** Grid cell (0-based) of the top-left corner, and how many rows/cols the panel spans. */
  row?: number;
  col?: number;
  rowSpan?: number;
  colSpan?: number;
  /** Id of a panel whose x (y) limits this one shares; shared axes autoscale together. */
  sharex?: string;
  sharey?: string;
}

export interface Layout {
  rows: number;
  cols: number;
  /** GridSpec width_ratios (cols entries) and height_ratios (rows entries). */
  widthRatios?: number[];
  heightRatios?: number[];
  /** fig.suptitle: centred at figure fraction y (default 0.98, top-aligned), fontsize default 12. */
  suptitle?: { text: string; y?: number; fontsize?: number };
  /** subplots_adjust(...) before tight_layout (or instead of it with tight: false); figure fractions. */
  subplotsAdjust?: { left?: number; right?: number; bottom?: number; top?: number; wspace?: number; hspace?: number };
  /** tight_layout(rect=[left, bottom, right, top]) in figure fractions. */
  rect?: [number, number, number, number];
  /** false: no tight_layout (matplotlib's default subplot parameters). Default true. */
  tight?: boolean;
  /**
   * 'centred-crop', for a cell without tight_layout whose labels fall off its canvas: what
   * Jupyter's crop (savefig bbox_inches='tight') published, on the figsize canvas — the axes
   * keep the subplot parameters' size and the whole drawing (boxes and their text) is moved to
   * the middle of the canvas. A drawing larger than the canvas gets tight_layout instead.
   */
  fit?: 'centred-crop';
}

export type ParamValue = number | string | number[] | string[] | boolean;

export interface FigureData {
  figure: string;
  /** Parameters as the user sees them: times in ms, see `paramUnits`. */
  params: Record<string, ParamValue>;
  paramUnits: Record<string, string>;
  /** Panel grid; 1 × 1 unless said. */
  layout: Layout;
  panels: Panel[];
}

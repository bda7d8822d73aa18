/**
 * The matplotlib look, in one place: matplotlib 3's default rcParams as the notebook drew
 * with them. Every length is in points (1/72 inch) and every text size is a font size in
 * points, so a figure at another dpi scales as a whole, as matplotlib's does.
 *
 * The sizes a style sheet changes (fonts, line and tick widths, marker sizes) are `let`: like
 * matplotlib's rcParams they are module state, set for one drawing by withStyle (as
 * `with plt.style.context('seaborn-v0_8-talk'):` does) and restored after it. Drawing is
 * synchronous, so no other drawing can see them.
 */

/** font.size: text marks (annotations) and the tight_layout padding. */
export let FONT_SIZE = 10;
/** axes.labelsize, xtick/ytick.labelsize and legend.fontsize ('medium' = font.size by default). */
export let LABEL_SIZE = 10;
export let TICK_LABEL_SIZE = 10;
export let LEGEND_FONT_SIZE = 10;
/** How much a figure's own explicit font sizes are scaled (--font-scale). */
export let FONT_SCALE = 1;
/** axes.titlesize ('large' = 1.2 × font.size) and axes.titlepad. */
export let TITLE_SIZE = 12;
export const TITLE_PAD = 6;
/** axes.labelpad: gap between the tick labels (or the spine) and the axis label. */
export const LABEL_PAD = 4;

/** xtick/ytick.major: size, width and pad; direction 'out'. Ticks on the bottom and left only. */
export const TICK_LENGTH = 3.5;
export let TICK_WIDTH = 0.8;
export let TICK_PAD = 3.5;

/**
 * Whether the left/bottom spine's extent (which tight_layout and the axis-label position use)
 * includes the outward tick length even where yticks([]) removed every tick. The matplotlib
 * that drew the reference figures (brian2-matplotlib/) does: psp-forms' box sits exactly
 * pad + 3.5 pt from the left edge. Newer matplotlib (≥ 3.7, Spine.get_window_extent counts
 * drawn ticks only) does not, and the notebook's own slide PNGs show that: their y labels sit
 * 3.5 pt closer to the box. Set to false to draw like those.
 */
export const SPINE_EXTENT_COUNTS_REMOVED_TICKS = true;

/** axes.linewidth (the spines) and axes.edgecolor. */
export const SPINE_WIDTH = 0.8;
export const SPINE_COLOR = '#000000';
export const TEXT_COLOR = '#000000';
/** figure.facecolor and axes.facecolor. */
export const BACKGROUND = '#ffffff';

/** lines.linewidth; lines.dashed_pattern is in multiples of the line width. */
export let LINE_WIDTH = 1.5;
export const DASH_PATTERN = [3.7, 1.6];
/** lines.markersize ('o' is a circle this many points across) and lines.markeredgewidth. */
export let MARKER_SIZE = 6;
export const MARKER_EDGE_WIDTH = 1;

/** patch.linewidth: edges of patches and collections (scatter's filled markers take it too). */
export let PATCH_LINE_WIDTH = 1.0;

/** axes.xmargin / axes.ymargin: data limits padded by this fraction of the span on each side. */
export const MARGIN = 0.05;

/** axes.prop_cycle: tab10, restarting in each axes. */
export const TAB10 = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'] as const;

/** The tick locator (AutoLocator = MaxNLocator(nbins='auto', steps=[1, 2, 2.5, 5, 10])). */
export const TICK_STEPS = [1, 2, 2.5, 5, 10];
export const MAX_BINS = 9;
export const MIN_TICKS = 2;
/** Axis.get_tick_space: room for one tick label per 3 font sizes on x, per 2 on y. */
export const X_TICK_SPACE_FONTS = 3;
export const Y_TICK_SPACE_FONTS = 2;

/** Legend (loc='upper right'); lengths in font sizes of the legend text, as matplotlib's. */
export const LEGEND = {
  borderPad: 0.4,
  labelSpacing: 0.5,
  handleLength: 2.0,
  handleHeight: 0.7,
  handleTextPad: 0.8,
  borderAxesPad: 0.5,
  /** FancyBboxPatch 'round', rounding_size 0.2 font sizes. */
  roundingSize: 0.2,
  frameAlpha: 0.8,
  faceColor: '#ffffff',
  edgeColor: '#cccccc',
} as const;

/** figure.subplot.*: where the axes sit before tight_layout moves them. */
export const SUBPLOT_DEFAULTS = { left: 0.125, right: 0.9, bottom: 0.11, top: 0.88, wspace: 0.2, hspace: 0.2 } as const;
/** Figure.suptitle's default y (figure fraction, text top-aligned there); its size is 'large' (12 pt). */
export const SUPTITLE_Y = 0.98;
/** Suptitle: figure.titlesize 'large' = 1.2 × font.size. */
export let SUPTITLE_SIZE = 12;
/** tight_layout(pad=1.08): padding at the figure edge and between panels, in font sizes. */
export const TIGHT_PAD = 1.08;

/** The rcParams a style sheet sets, as we draw with them. */
export interface RcSizes {
  fontSize: number;
  labelSize: number;
  titleSize: number;
  tickLabelSize: number;
  legendFontSize: number;
  lineWidth: number;
  patchLineWidth: number;
  markerSize: number;
  tickWidth: number;
  tickPad: number;
}

/** matplotlib's defaults: the notebooks' look, and what no --context draws. */
const DEFAULTS: RcSizes = {
  fontSize: 10,
  labelSize: 10,
  titleSize: 12,
  tickLabelSize: 10,
  legendFontSize: 10,
  lineWidth: 1.5,
  patchLineWidth: 1.0,
  markerSize: 6,
  tickWidth: 0.8,
  tickPad: 3.5,
};

/**
 * matplotlib's style sheets seaborn-v0_8-paper|notebook|talk|poster (mpl-data/stylelib): what
 * each sets of the above (axes.labelsize, axes.titlesize, x/ytick.labelsize, legend.fontsize,
 * lines.linewidth, patch.linewidth, lines.markersize, x/ytick.major.width, x/ytick.major.pad).
 * They leave font.size, the tick lengths and the spines at matplotlib's defaults. Not taken:
 * lines.markeredgewidth 0, which would hide the unfilled markers of the course's spike rasters
 * ('|'), as it did in seaborn until 0.9; and figure.figsize, which every course figure sets.
 */
export const CONTEXTS = {
  paper: {
    labelSize: 8.8,
    titleSize: 9.6,
    tickLabelSize: 8,
    legendFontSize: 8,
    lineWidth: 1.4,
    patchLineWidth: 0.24,
    markerSize: 5.6,
    tickWidth: 0.8,
    tickPad: 5.6,
  },
  notebook: {
    labelSize: 11,
    titleSize: 12,
    tickLabelSize: 10,
    legendFontSize: 10,
    lineWidth: 1.75,
    patchLineWidth: 0.3,
    markerSize: 7,
    tickWidth: 1,
    tickPad: 7,
  },
  talk: {
    labelSize: 14.3,
    titleSize: 15.6,
    tickLabelSize: 13,
    legendFontSize: 13,
    lineWidth: 2.275,
    patchLineWidth: 0.39,
    markerSize: 9.1,
    tickWidth: 1.3,
    tickPad: 9.1,
  },
  poster: {
    labelSize: 17.6,
    titleSize: 19.2,
    tickLabelSize: 16,
    legendFontSize: 16,
    lineWidth: 2.8,
    patchLineWidth: 0.48,
    markerSize: 11.2,
    tickWidth: 1.6,
    tickPad: 11.2,
  },
} as const satisfies Record<string, Partial<RcSizes>>;
export type Context = keyof typeof CONTEXTS;
export const CONTEXT_NAMES = Object.keys(CONTEXTS) as Context[];

export interface StyleSettings {
  /** A seaborn-v0_8 style sheet's sizes; none: matplotlib's defaults. */
  context?: Context;
  /** Multiplies every font size (the style's and a figure's own), as seaborn's font_scale does the style's. */
  fontScale?: number;
}

function apply(rc: RcSizes, fontScale: number): void {
  FONT_SIZE = rc.fontSize * fontScale;
  LABEL_SIZE = rc.labelSize * fontScale;
  TITLE_SIZE = rc.titleSize * fontScale;
  TICK_LABEL_SIZE = rc.tickLabelSize * fontScale;
  LEGEND_FONT_SIZE = rc.legendFontSize * fontScale;
  SUPTITLE_SIZE = 1.2 * rc.fontSize * fontScale;
  FONT_SCALE = fontScale;
  LINE_WIDTH = rc.lineWidth;
  PATCH_LINE_WIDTH = rc.patchLineWidth;
  MARKER_SIZE = rc.markerSize;
  TICK_WIDTH = rc.tickWidth;
  TICK_PAD = rc.tickPad;
}

/** Runs a synchronous drawing with a style's sizes in place, then restores matplotlib's defaults. */
export function withStyle<T>(settings: StyleSettings, draw: () => T): T {
  apply({ ...DEFAULTS, ...(settings.context ? CONTEXTS[settings.context] : {}) }, settings.fontScale ?? 1);
  try {
    return draw();
  } finally {
    apply(DEFAULTS, 1);
  }
}

/** A figure's own font size (an explicit fontsize, labelSize, …) under --font-scale. */
export function ownFontSize(size: number): number {
  return size * FONT_SCALE;
}

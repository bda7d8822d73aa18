/**
 * The matplotlib look, in one place: matplotlib 3's default rcParams as the notebook drew
 * with them. Every length is in points (1/72 inch) and every text size is a font size in
 * points, so a figure at another dpi scales as a whole, as matplotlib's does.
 */

/** font.size: tick labels, axis labels and legend text. */
export const FONT_SIZE = 10;
/** axes.titlesize ('large' = 1.2 × font.size) and axes.titlepad. */
export const TITLE_SIZE = 12;
export const TITLE_PAD = 6;
/** axes.labelpad: gap between the tick labels (or the spine) and the axis label. */
export const LABEL_PAD = 4;

/** xtick/ytick.major: size, width and pad; direction 'out'. Ticks on the bottom and left only. */
export const TICK_LENGTH = 3.5;
export const TICK_WIDTH = 0.8;
export const TICK_PAD = 3.5;

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
export const LINE_WIDTH = 1.5;
export const DASH_PATTERN = [3.7, 1.6];
/** lines.markersize ('o' is a circle this many points across) and lines.markeredgewidth. */
export const MARKER_SIZE = 6;
export const MARKER_EDGE_WIDTH = 1;

/** patch.linewidth: edges of patches and collections (scatter's filled markers take it too). */
export const PATCH_LINE_WIDTH = 1.0;

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
  /** patch.linewidth */
  frameWidth: 1.0,
} as const;

/** figure.subplot.*: where the axes sit before tight_layout moves them. */
export const SUBPLOT_DEFAULTS = { left: 0.125, right: 0.9, bottom: 0.11, top: 0.88, wspace: 0.2, hspace: 0.2 } as const;
/** Figure.suptitle's default y (figure fraction, text top-aligned there); its size is 'large' (12 pt). */
export const SUPTITLE_Y = 0.98;
/** tight_layout(pad=1.08): padding at the figure edge and between panels, in font sizes. */
export const TIGHT_PAD = 1.08;

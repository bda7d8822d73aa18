/**
 * FigureData: the single contract between simulation and output.
 * The renderer and the exporters read nothing else; JSON export is this object serialised.
 * Times on axes are in ms (as the notebook plots them).
 */

/**
 * A curve. `color` is set only where the notebook names a colour (a CSS colour, or matplotlib's
 * 'C0'…'C9' for a place in the cycle); otherwise the panel's tab10 cycle applies.
 */
export interface Series {
  id: string;
  label?: string;
  x: number[];
  y: number[];
  /** Standard error (or other error) of each y, same length as y. */
  yErr?: number[];
  color?: string;
}

/** A dashed reference line across the whole axes (matplotlib's axhline / axvline). */
export interface RefLine {
  value: number;
  color: string;
  /** Drawn behind the curves (zorder=-1 in the notebook). */
  behind?: boolean;
  dashed?: boolean;
}

/** A filled circle marker ('o'). */
export interface Marker {
  x: number;
  y: number;
  color?: string;
  /** The series whose colour (and cycle position) the marker shares. */
  seriesId?: string;
}

export interface Panel {
  id: string;
  /** Axis labels may hold matplotlib mathtext between dollars, e.g. `$\delta t$ (ms)`. */
  title?: string;
  xlabel?: string;
  ylabel?: string;
  /** false where the notebook calls yticks([]). */
  yticks?: boolean;
  /** true where the notebook calls legend(loc='upper right'). */
  legend?: boolean;
  series: Series[];
  hlines?: RefLine[];
  vlines?: RefLine[];
  markers?: Marker[];
  /** Grid cell (0-based) in the figure's layout; defaults to 0,0. */
  row?: number;
  col?: number;
}

export type ParamValue = number | string | number[] | string[] | boolean;

export interface FigureData {
  figure: string;
  /** Parameters as the user sees them: times in ms, see `paramUnits`. */
  params: Record<string, ParamValue>;
  paramUnits: Record<string, string>;
  /** Panel grid; 1 × 1 unless said. */
  layout: { rows: number; cols: number };
  panels: Panel[];
}

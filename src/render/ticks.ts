/**
 * Axis limits and tick labels as matplotlib computes them by default:
 * - autoscaled limits: the data range padded by axes.xmargin/ymargin (5 %) on each side,
 *   after `nonsingular` widens an empty range;
 * - AutoLocator = MaxNLocator(nbins='auto', steps=[1, 2, 2.5, 5, 10]): the number of bins
 *   follows the axis length (one label per 3 font sizes on x, per 2 on y, at most 9);
 * - ScalarFormatter: the same number of decimals on every label, just enough to tell them
 *   apart, and a real minus sign (axes.unicode_minus).
 */
import { LinearScale, type Tick as ChartTick } from 'chart.js';
import { MARGIN, MAX_BINS, MIN_TICKS, TICK_STEPS } from './style.js';

/** numpy's finfo(float).tiny, the smallest normal double, as matplotlib's nonsingular uses it. */
const SMALLEST_NORMAL = 2.2250738585072014e-308;
/** No axis ever gets more ticks than this, whatever the numbers do (MaxNLocator makes ≤ 2·9+1). */
const MAX_TICKS = 100;
/** ScalarFormatter's axes.formatter.limits: outside 10^-5 … 10^6 labels go to exponent form. */
const FIXED_OOM = [-5, 6] as const;
/**
 * Where positions are clamped, in chart units (1/8 pixel or 1/20 point): 2^24 lies far beyond
 * the largest figure (a PNG side of at most 120 000 pixels, a page side of 7 200 points) and
 * well within Cairo's fixed-point device space (±2^23 pixels or points).
 */
const MAX_CHART_UNITS = 2 ** 24;

export interface Tick {
  value: number;
  label: string;
}

/**
 * mtransforms.nonsingular: widen a zero-width (or non-finite) range so an axis can exist.
 * Beyond matplotlib, a range whose width overflows a double (-1e308 … 1e308) is narrowed to
 * one that does not, so that every later `hi - lo` stays finite.
 */
export function nonsingular(lo: number, hi: number, expander = 0.05, tiny = 1e-15): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [-expander, expander];
  let swapped = false;
  if (hi < lo) {
    [lo, hi] = [hi, lo];
    swapped = true;
  }
  if (!Number.isFinite(hi - lo)) [lo, hi] = [lo / 2, hi / 2];
  const maxAbs = Math.max(Math.abs(lo), Math.abs(hi));
  if (maxAbs < (1e6 / tiny) * SMALLEST_NORMAL) {
    lo = -expander;
    hi = expander;
  } else if (hi - lo <= maxAbs * tiny) {
    if (hi === 0 && lo === 0) {
      lo = -expander;
      hi = expander;
    } else {
      lo = Math.max(-Number.MAX_VALUE, lo - expander * Math.abs(lo));
      hi = Math.min(Number.MAX_VALUE, hi + expander * Math.abs(hi));
    }
  }
  return swapped ? [hi, lo] : [lo, hi];
}

/** Autoscaled view limits of the values on one axis (curves, markers, reference lines). */
export function autoLimits(values: Iterable<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  // matplotlib's empty axes run from 0 to 1, unpadded.
  if (lo > hi) return [0, 1];
  [lo, hi] = nonsingular(lo, hi, 0.05, 1e-14);
  // hi·m − lo·m, not (hi − lo)·m: the difference of two huge values would overflow.
  const delta = hi * MARGIN - lo * MARGIN;
  return nonsingular(Math.max(-Number.MAX_VALUE, lo - delta), Math.min(Number.MAX_VALUE, hi + delta), 0.05, 1e-14);
}

/** Axis.get_tick_space → MaxNLocator's nbins for 'auto'. */
export function autoBins(axisLengthPt: number, fontSizePt: number, fontsPerLabel: number): number {
  const space = Math.floor(axisLengthPt / (fontSizePt * fontsPerLabel));
  return Math.min(Math.max(space, Math.max(1, MIN_TICKS - 1)), MAX_BINS);
}

function scaleRange(vmin: number, vmax: number, n: number, threshold = 100): { scale: number; offset: number } {
  const dv = Math.abs(vmax - vmin);
  const meanv = (vmax + vmin) / 2;
  const offset = Math.abs(meanv) / dv < threshold ? 0 : Math.sign(meanv) * 10 ** Math.floor(Math.log10(Math.abs(meanv)));
  const scale = 10 ** Math.floor(Math.log10(dv / n));
  return { scale, offset };
}

/** Python's divmod for floats (floor division, remainder with the divisor's sign). */
function divmod(x: number, y: number): [number, number] {
  const m = ((x % y) + y) % y;
  return [Math.round((x - m) / y), m];
}

/** ticker._Edge_integer: floor/ceil of x/step that forgives floating-point noise. */
function edgeInteger(step: number, offset: number) {
  const closeto = (ms: number, edge: number) => {
    let tol = 1e-10;
    if (offset > 0) {
      const digits = Math.log10(offset / step);
      tol = Math.min(0.4999, Math.max(1e-10, 10 ** (digits - 12)));
    }
    return Math.abs(ms - edge) < tol;
  };
  return {
    le(x: number) {
      const [d, m] = divmod(x, step);
      return closeto(m / step, 1) ? d + 1 : d;
    },
    ge(x: number) {
      const [d, m] = divmod(x, step);
      return closeto(m / step, 0) ? d : d + 1;
    },
  };
}

/** MaxNLocator._raw_ticks: tick positions (some may lie just outside the view). */
export function maxNLocator(vmin: number, vmax: number, nbins: number): number[] {
  [vmin, vmax] = nonsingular(vmin, vmax, 1e-13, 1e-14);
  if (vmax < vmin) [vmin, vmax] = [vmax, vmin];
  const { scale, offset } = scaleRange(vmin, vmax, nbins);
  const lo = vmin - offset;
  const hi = vmax - offset;
  const extended = [...TICK_STEPS.slice(0, -1).map((s) => 0.1 * s), ...TICK_STEPS, 10 * TICK_STEPS[1]];
  const steps = extended.map((s) => s * scale);
  const rawStep = (hi - lo) / nbins;
  let istep = steps.findIndex((s) => s >= rawStep);
  if (istep < 0) istep = steps.length - 1;
  let ticks: number[] = [];
  for (let k = istep; k >= 0; k--) {
    const step = steps[k];
    const bestVmin = Math.floor(lo / step) * step;
    const edge = edgeInteger(step, offset);
    const low = edge.le(lo - bestVmin);
    const high = edge.ge(hi - bestVmin);
    ticks = [];
    // Rounding at the limits of a double can make low..high absurd or NaN: no ticks then.
    if (!(high - low <= MAX_TICKS)) continue;
    for (let i = low; i <= high; i++) ticks.push(i * step + bestVmin);
    const shown = ticks.filter((t) => t <= hi && t >= lo).length;
    if (shown >= MIN_TICKS) break;
  }
  return ticks.map((t) => t + offset).filter(Number.isFinite);
}

/** numpy.round(x, decimals): round half to even on the scaled value. */
function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const y = x * f;
  const r = Math.round(y);
  const even = Math.abs(y % 1) === 0.5 ? 2 * Math.round(y / 2) : r;
  return even / f;
}

/** ScalarFormatter._set_format: decimals shared by every label of the axis. */
export function decimalsFor(locs: number[], view: [number, number]): number {
  const values = locs.length < 2 ? [...locs, ...view] : locs;
  let range = Math.max(...values) - Math.min(...values);
  if (range === 0) range = Math.max(...values.map(Math.abs));
  if (range === 0) range = 1;
  const oom = Math.floor(Math.log10(range));
  let sigfigs = Math.max(0, 3 - oom);
  const thresh = 1e-3 * 10 ** oom;
  while (sigfigs >= 0) {
    if (Math.max(...values.map((v) => Math.abs(v - roundTo(v, sigfigs)))) < thresh) sigfigs--;
    else break;
  }
  return sigfigs + 1;
}

/** '%1.Nf' with matplotlib's unicode minus; values within 1e-8 of zero print as zero. */
export function formatTick(value: number, decimals: number): string {
  const v = Math.abs(value) < 1e-8 ? 0 : value;
  return v.toFixed(decimals).replace('-', '\u2212');
}

/**
 * Labels for ticks of a magnitude outside axes.formatter.limits. matplotlib would print the
 * mantissas and a '1e−300' offset text by the axis; here each label carries its exponent
 * ('2.5e−301'), every label with the digits the most precise one needs. Always bounded:
 * toFixed with 300 decimals would throw.
 */
function exponentLabels(values: number[]): string[] {
  const step = values.length > 1 ? Math.abs(values[1] - values[0]) : Math.abs(values[0]);
  const exact = (v: number, digits: number) => Math.abs(Number(v.toExponential(digits)) - v) <= step * 1e-6;
  let digits = 0;
  for (const v of values) while (digits < 16 && !exact(v, digits)) digits++;
  return values.map((v) => (v === 0 ? '0' : v.toExponential(digits).replace(/e\+?/, 'e').replace(/-/g, '\u2212')));
}

/** The order of magnitude of the largest tick, as ScalarFormatter._compute_offset sees it. */
function magnitude(values: number[]): number {
  const largest = Math.max(...values.map(Math.abs));
  return largest === 0 ? 0 : Math.floor(Math.log10(largest));
}

/** Visible ticks with their labels for a view interval and an axis length. */
export function axisTicks(view: [number, number], axisLengthPt: number, fontSizePt: number, fontsPerLabel: number): Tick[] {
  const locs = maxNLocator(view[0], view[1], autoBins(axisLengthPt, fontSizePt, fontsPerLabel));
  const [lo, hi] = view[0] <= view[1] ? view : [view[1], view[0]];
  // Axis._update_ticks keeps the ticks inside the view, give or take rounding.
  const tol = 1e-10 * (hi - lo);
  const shown = locs.filter((v) => v >= lo - tol && v <= hi + tol);
  if (shown.length === 0) return [];
  const oom = magnitude(shown);
  if (oom <= FIXED_OOM[0] || oom >= FIXED_OOM[1]) {
    const labels = exponentLabels(shown);
    return shown.map((value, k) => ({ value, label: labels[k] }));
  }
  const decimals = decimalsFor(locs, view);
  return shown.map((value) => ({ value, label: formatTick(value, decimals) }));
}

/**
 * A linear Chart.js scale that takes the ticks computed above (afterBuildTicks sets them)
 * and never computes its own: Chart.js's generateTicks counts decimal places with a loop
 * (`_decimalPlaces`) that never ends for a step below about 1e-292, so a figure of tiny
 * values hung at 100 % CPU. Its tick labels are never drawn, so none are made.
 */
export class FixedTicksScale extends LinearScale {
  static override id = 'fixedTicks';
  static override defaults: typeof LinearScale.defaults = LinearScale.defaults;
  override buildTicks() {
    // What LinearScaleBase.buildTicks sets besides the ticks (start, end: not in the typings).
    Object.assign(this, { start: this.min, end: this.max });
    return [];
  }
  override generateTickLabels(ticks: ChartTick[]) {
    for (const t of ticks) t.label = '';
  }
  /**
   * Chart.js clamps every position to a 16-bit integer's range (±32768 chart units), which at
   * 8 units per pixel cut PNGs wider or taller than 4096 pixels: every vertex beyond piled up at
   * pixel 4096. The clamp here only keeps far-off data within what Cairo's 24.8 fixed-point
   * device coordinates hold, far outside the largest figure.
   */
  override getPixelForDecimal(decimal: number) {
    const pixel = super.getPixelForDecimal(decimal);
    if (pixel > -32768 && pixel < 32767) return pixel;
    const self = this as unknown as { _reversePixels: boolean; _startPixel: number; _length: number };
    const exact = self._startPixel + (self._reversePixels ? 1 - decimal : decimal) * self._length;
    return Math.min(Math.max(exact, -MAX_CHART_UNITS), MAX_CHART_UNITS);
  }
}

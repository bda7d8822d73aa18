/**
 * numpy's linspace and histogram (equal bins) with numpy 1.24's arithmetic, so that grids, bin
 * edges and counts come out bit for bit as the course's numpy computes them.
 */

/** Largest number of samples or bins accepted (bounds memory and loops). */
export const MAX_SAMPLES = 2 ** 28;

function checkCount(n: number, what: string, min: number): void {
  if (!Number.isInteger(n) || n < min || n > MAX_SAMPLES) {
    throw new RangeError(`${what} must be an integer in [${min}, 2**28], got ${n}`);
  }
}

/**
 * numpy.linspace(start, stop, num) (endpoint=True): k·step + start with step = (stop − start)/(num − 1),
 * the last value set to stop; with a zero step (denormal range), k/(num − 1)·delta instead.
 */
export function linspace(start: number, stop: number, num: number): Float64Array {
  checkCount(num, 'linspace: num', 0);
  const out = new Float64Array(num);
  const div = num - 1;
  const delta = stop - start;
  if (div > 0) {
    const step = delta / div;
    for (let k = 0; k < num; k++) out[k] = (step === 0 ? (k / div) * delta : k * step) + start;
    out[num - 1] = stop;
  } else if (num === 1) {
    out[0] = 0 * delta + start;
  }
  return out;
}

export interface Histogram {
  /** bins + 1 edges; the last bin is closed. */
  edges: Float64Array;
  counts: Float64Array;
}

/**
 * numpy.histogram(a, bins) with an integer number of equal bins over [min(a), max(a)]
 * (widened by ±0.5 when min = max; [0, 1] for an empty a): edges by linspace, each value's bin
 * by (a − first)·(bins / (last − first)), truncated, then corrected against the edges.
 */
export function histogram(values: ArrayLike<number>, bins: number): Histogram {
  checkCount(bins, 'histogram: bins', 1);
  let first = 0;
  let last = 1;
  if (values.length > 0) {
    first = Infinity;
    last = -Infinity;
    for (let k = 0; k < values.length; k++) {
      const v = values[k];
      if (v !== v) first = last = NaN;
      if (v < first) first = v;
      if (v > last) last = v;
    }
    if (!Number.isFinite(first) || !Number.isFinite(last)) {
      throw new RangeError(`histogram: autodetected range of [${first}, ${last}] is not finite`);
    }
  }
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const edges = linspace(first, last, bins + 1);
  const counts = new Float64Array(bins);
  const norm = bins / (last - first);
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    let index = Math.trunc((v - first) * norm);
    if (index === bins) index--;
    if (v < edges[index]) index--;
    else if (v >= edges[index + 1] && index !== bins - 1) index++;
    counts[index]++;
  }
  return { edges, counts };
}

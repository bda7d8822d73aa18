/**
 * The statistics of the reliable-spike-timing comparison with Brian2: the spike-time
 * reliability of scripts/fixtures/week1_reliable.py (same definition), Welch's z for two
 * means, and the two-sample Kolmogorov–Smirnov test.
 */

/**
 * The fraction of (spike of trial a, trial b ≠ a) pairs in which b has a spike within
 * `window` steps: 1 when every spike recurs in every trial, near 0 for unrelated trials.
 * undefined without spikes.
 */
export function reliability(steps: readonly number[], trial: readonly number[], trials: number, window: number): number | undefined {
  const perTrial: number[][] = Array.from({ length: trials }, () => []);
  steps.forEach((s, k) => perTrial[trial[k]].push(s));
  perTrial.forEach((s) => s.sort((a, b) => a - b));
  if (steps.length === 0 || trials < 2) return undefined;
  let hits = 0;
  for (let a = 0; a < trials; a++)
    for (let b = 0; b < trials; b++) {
      if (a === b) continue;
      for (const s of perTrial[a]) if (hasWithin(perTrial[b], s - window, s + window)) hits++;
    }
  return hits / ((trials - 1) * steps.length);
}

/** Whether the sorted array holds a value in [lo, hi]. */
function hasWithin(sorted: readonly number[], lo: number, hi: number): boolean {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (sorted[m] < lo) a = m + 1;
    else b = m;
  }
  return a < sorted.length && sorted[a] <= hi;
}

export function meanAndVariance(x: readonly number[]): { mean: number; variance: number } {
  const mean = x.reduce((s, v) => s + v, 0) / x.length;
  const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1);
  return { mean, variance };
}

/** Welch's statistic: the difference of the means in combined standard errors. */
export function welchZ(a: readonly number[], b: readonly number[]): number {
  const [A, B] = [meanAndVariance(a), meanAndVariance(b)];
  const se = Math.sqrt(A.variance / a.length + B.variance / b.length);
  return se === 0 ? (A.mean === B.mean ? 0 : Infinity) : (A.mean - B.mean) / se;
}

/**
 * Two-sample Kolmogorov–Smirnov: the largest distance D between the empirical distribution
 * functions and its asymptotic p-value, Q_KS((√nₑ + 0.12 + 0.11/√nₑ)·D) with nₑ = nm/(n+m)
 * (Stephens' correction). With ties (spike counts) the test is conservative.
 */
export function kolmogorovSmirnov(a: readonly number[], b: readonly number[]): { d: number; p: number } {
  const [x, y] = [[...a].sort((p, q) => p - q), [...b].sort((p, q) => p - q)];
  let [i, j, d] = [0, 0, 0];
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  const ne = (x.length * y.length) / (x.length + y.length);
  const lambda = (Math.sqrt(ne) + 0.12 + 0.11 / Math.sqrt(ne)) * d;
  return { d, p: kolmogorovQ(lambda) };
}

/** Q_KS(λ) = 2 Σ_{k≥1} (−1)^{k−1} exp(−2k²λ²), 1 for small λ. */
function kolmogorovQ(lambda: number): number {
  if (lambda < 0.2) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = 2 * (k % 2 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-12) break;
  }
  return Math.min(1, Math.max(0, sum));
}

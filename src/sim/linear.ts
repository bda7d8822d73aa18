/** Small dense linear algebra for the `exact` integrator: the matrix exponential. */
import { exp } from './libm/index.js';

export type Matrix = number[][];

export function identity(n: number): Matrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

export function multiply(a: Matrix, b: Matrix): Matrix {
  const n = a.length;
  const m = b[0].length;
  const out = Array.from({ length: n }, () => new Array<number>(m).fill(0));
  for (let i = 0; i < n; i++)
    for (let k = 0; k < b.length; k++) {
      const aik = a[i][k];
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) out[i][j] += aik * b[k][j];
    }
  return out;
}

function norm1(a: Matrix): number {
  let best = 0;
  for (let j = 0; j < a.length; j++)
    best = Math.max(
      best,
      a.reduce((s, row) => s + Math.abs(row[j]), 0),
    );
  return best;
}

/**
 * exp(A) by scaling and squaring with a Taylor series: A is scaled until its norm is below 1/8,
 * where 20 terms leave an error far below double precision, then squared back.
 * A diagonal matrix takes exp directly, so decoupled equations are as exact as Brian's.
 */
export function expm(a: Matrix): Matrix {
  const n = a.length;
  const diagonal = a.every((row, i) => row.every((x, j) => i === j || x === 0));
  if (diagonal) return a.map((row, i) => row.map((x, j) => (i === j ? exp(x) : 0)));
  const norm = norm1(a);
  // Halve until the norm is at most 1/8 (exact: powers of two; at most ~1030 halvings).
  let squarings = 0;
  let scale = 1;
  while (norm * scale > 0.125 && squarings < 1100) {
    scale /= 2;
    squarings++;
  }
  const scaled = a.map((row) => row.map((x) => x * scale));
  let term = identity(n);
  let sum = identity(n);
  for (let k = 1; k <= 20; k++) {
    term = multiply(term, scaled).map((row) => row.map((x) => x / k));
    sum = sum.map((row, i) => row.map((x, j) => x + term[i][j]));
  }
  for (let s = 0; s < squarings; s++) sum = multiply(sum, sum);
  return sum;
}

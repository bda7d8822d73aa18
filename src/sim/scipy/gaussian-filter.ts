/**
 * scipy.ndimage.gaussian_filter for 1-D float64 input, as scipy 1.10 computes it (order 0,
 * mode 'reflect', truncate 4 by default).
 *
 *  - Kernel: radius = int(truncate·σ + 0.5); φ(x) = exp((−0.5/σ²)·x²) for x = −radius…radius,
 *    divided by its numpy (pairwise) sum.
 *  - Boundary 'reflect' (half-sample symmetric, d c b a | a b c d | d c b a), extended
 *    exactly as scipy's line buffer does, also when the radius exceeds the signal.
 *  - correlate1d with a symmetric kernel: out = in[i]·w0 + Σ_{j=radius…1} (in[i−j] + in[i+j])·w_j,
 *    the outermost pair first, each step rounded as scipy's C loop rounds it.
 *  - σ ≤ 1e-15 returns a copy, as scipy skips such an axis.
 *
 * Bit for bit with scipy on the machine of the course references: numpy's float64 exp there is
 * Intel's SVML (AVX-512), reproduced by numpyExp. A numpy without AVX-512 uses glibc's exp
 * instead (pass `exp` from ../numpy/libm.js for that); the weights then differ in the last bit
 * for about a quarter of them.
 */
import { numpyExp } from '../numpy/svml.js';
import { pairwiseSum } from '../numpy/pairwise-sum.js';

/** Largest kernel radius accepted (bounds memory and the loops). */
export const MAX_RADIUS = 10_000_000;
/** Largest input accepted. */
export const MAX_LENGTH = 2 ** 28;

export interface GaussianOptions {
  truncate?: number;
  /** The exponential used for the kernel; numpy's AVX-512 one (SVML) by default. */
  exp?: (x: number) => number;
}

/** The kernel radius scipy uses: int(truncate·σ + 0.5). */
export function gaussianRadius(sigma: number, truncate = 4): number {
  checkParameters(sigma, truncate);
  const radius = Math.trunc(truncate * sigma + 0.5);
  if (radius > MAX_RADIUS) {
    throw new RangeError(`gaussian_filter: kernel radius ${radius} exceeds ${MAX_RADIUS} (sigma ${sigma}, truncate ${truncate})`);
  }
  return radius;
}

function checkParameters(sigma: number, truncate: number): void {
  if (!Number.isFinite(sigma)) throw new RangeError(`gaussian_filter: sigma must be finite, got ${sigma}`);
  if (!Number.isFinite(truncate) || truncate < 0) {
    throw new RangeError(`gaussian_filter: truncate must be finite and non-negative, got ${truncate}`);
  }
}

/** scipy's _gaussian_kernel1d(σ, 0, radius): normalised weights, index 0 at x = −radius. */
export function gaussianKernel(sigma: number, radius: number, exp: (x: number) => number = numpyExp): Float64Array {
  if (!Number.isInteger(radius) || radius < 0 || radius > MAX_RADIUS) {
    throw new RangeError(`gaussian_filter: radius must be an integer in [0, ${MAX_RADIUS}], got ${radius}`);
  }
  const factor = -0.5 / (sigma * sigma);
  const phi = new Float64Array(2 * radius + 1);
  for (let k = 0; k < phi.length; k++) {
    const x = k - radius;
    phi[k] = exp(factor * (x * x));
  }
  const total = pairwiseSum(phi);
  for (let k = 0; k < phi.length; k++) phi[k] /= total;
  return phi;
}

/** gaussian_filter(input, σ, mode='reflect', truncate) of a 1-D signal. */
export function gaussianFilter1d(input: ArrayLike<number>, sigma: number, options: GaussianOptions = {}): Float64Array {
  const truncate = options.truncate ?? 4;
  checkParameters(sigma, truncate);
  if (input.length > MAX_LENGTH) throw new RangeError(`gaussian_filter: input longer than ${MAX_LENGTH}`);
  if (sigma <= 1e-15 || input.length === 0) return Float64Array.from(input);
  const radius = gaussianRadius(sigma, truncate);
  return correlateReflect(input, gaussianKernel(sigma, radius, options.exp));
}

/**
 * scipy.ndimage.correlate1d(input, weights, mode='reflect') for an odd, symmetric kernel (such
 * as a Gaussian), in scipy's symmetric summation order.
 */
export function correlateReflect(input: ArrayLike<number>, weights: Float64Array): Float64Array {
  const radius = (weights.length - 1) / 2;
  if (!Number.isInteger(radius) || radius > MAX_RADIUS) {
    throw new RangeError(`correlate: the kernel must have an odd length up to ${2 * MAX_RADIUS + 1}, got ${weights.length}`);
  }
  for (let j = 1; j <= radius; j++) {
    if (Math.abs(weights[radius + j] - weights[radius - j]) > Number.EPSILON) {
      throw new RangeError('correlate: the kernel must be symmetric');
    }
  }
  if (input.length > MAX_LENGTH) throw new RangeError(`correlate: input longer than ${MAX_LENGTH}`);
  return correlateSymmetric(reflectExtended(input, radius), input.length, weights, radius);
}

/**
 * The signal with `pad` values on each side, mode 'reflect', filled as scipy's NI_ExtendLine:
 * the first copy is the signal reversed, and further values repeat what is already written.
 */
function reflectExtended(input: ArrayLike<number>, pad: number): Float64Array {
  const n = input.length;
  const line = new Float64Array(n + 2 * pad);
  const first = pad;
  const last = pad + n;
  for (let k = 0; k < n; k++) line[first + k] = input[k];
  let dst = first - 1;
  let src = first;
  let left = pad;
  while (left > 0 && src < last) {
    line[dst--] = line[src++];
    left--;
  }
  src = last - 1;
  while (left-- > 0) line[dst--] = line[src--];
  dst = last;
  src = last - 1;
  left = pad;
  while (left > 0 && src >= first) {
    line[dst++] = line[src--];
    left--;
  }
  src = first;
  while (left-- > 0) line[dst++] = line[src++];
  return line;
}

function correlateSymmetric(line: Float64Array, n: number, weights: Float64Array, radius: number): Float64Array {
  const out = new Float64Array(n);
  const centre = weights[radius];
  for (let i = 0; i < n; i++) {
    const c = i + radius;
    let acc = line[c] * centre;
    for (let j = radius; j >= 1; j--) acc += (line[c - j] + line[c + j]) * weights[radius - j];
    out[i] = acc;
  }
  return out;
}

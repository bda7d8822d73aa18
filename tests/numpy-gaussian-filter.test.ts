/**
 * gaussian_filter against scipy 1.10: the correlation and the 'reflect' boundary bit for bit
 * (fed scipy's own kernel), the kernel and the whole filter to within the last bits of numpy's
 * exp (which on an AVX-512 machine is Intel's SVML, not glibc).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  correlateReflect,
  gaussianFilter1d,
  gaussianKernel,
  gaussianRadius,
} from '../src/sim/scipy/gaussian-filter.js';
import { readNumpyFixture } from './helpers/numpy-fixtures.js';

interface Fixture {
  signals: string[];
  kernels: { sigma: number; truncate: number; weights: string }[];
  sha256: string[][];
  full: { signal: number; kernel: number; output: string }[];
}
const fixture = readNumpyFixture<Fixture>('gaussian-filter.json');

function fromHex(hex: string): Float64Array {
  if (hex === '') return new Float64Array(0);
  const words = hex.split(' ');
  const view = new DataView(new ArrayBuffer(8));
  return Float64Array.from(words, (w) => {
    view.setBigUint64(0, BigInt('0x' + w));
    return view.getFloat64(0);
  });
}
const sha256 = (x: Float64Array) => createHash('sha256').update(new Uint8Array(x.buffer)).digest('hex');
const signals = fixture.signals.map(fromHex);
const kernels = fixture.kernels.map((k) => ({ ...k, weights: fromHex(k.weights) }));

/** Largest |a − b| over the largest |b|. */
function relativeError(a: Float64Array, b: Float64Array): number {
  let peak = 0;
  let worst = 0;
  for (let k = 0; k < b.length; k++) {
    peak = Math.max(peak, Math.abs(b[k]));
    worst = Math.max(worst, Math.abs(a[k] - b[k]));
  }
  return peak === 0 ? worst : worst / peak;
}

describe('correlate1d, mode reflect, equals scipy bit for bit given scipy’s kernel', () => {
  it.each(signals.map((s, i) => [i, s.length] as const))('signal %i (%i samples), every kernel', (i) => {
    kernels.forEach((kernel, k) => {
      const ours = kernel.sigma <= 1e-15 ? Float64Array.from(signals[i]) : correlateReflect(signals[i], kernel.weights);
      expect(sha256(ours), `signal ${i}, sigma ${kernel.sigma}, truncate ${kernel.truncate}`).toBe(fixture.sha256[i][k]);
    });
  });
});

describe('the Gaussian kernel and the whole filter', () => {
  it.each(kernels.map((k) => [k.sigma, k.truncate, k] as const))('kernel sigma %s truncate %s', (sigma, truncate, k) => {
    const radius = gaussianRadius(sigma, truncate);
    expect(2 * radius + 1).toBe(k.weights.length);
    expect(relativeError(gaussianKernel(sigma, radius), k.weights)).toBeLessThan(4e-16);
  });

  it.each(fixture.full.map((f) => [f.signal, kernels[f.kernel].sigma, f] as const))(
    'signal %i, sigma %s: within 1e-15 of scipy',
    (i, sigma, f) => {
      const ours = gaussianFilter1d(signals[i], sigma, { truncate: kernels[f.kernel].truncate });
      const theirs = fromHex(f.output);
      expect(ours.length).toBe(theirs.length);
      expect(relativeError(ours, theirs)).toBeLessThan(1e-15);
    },
  );

  it('a spike at the edge is mirrored: its smoothed peak is higher than one inside', () => {
    const x = new Float64Array(100);
    x[0] = 1;
    x[50] = 1;
    const y = gaussianFilter1d(x, 3);
    expect(y[0]).toBeGreaterThan(y[50]);
  });
});

describe('gaussian_filter refuses bad parameters', () => {
  it.each([NaN, Infinity, -Infinity])('sigma %s', (sigma) => {
    expect(() => gaussianFilter1d([1, 2, 3], sigma)).toThrow(/sigma must be finite/);
  });
  it.each([NaN, Infinity, -1])('truncate %s', (truncate) => {
    expect(() => gaussianFilter1d([1, 2, 3], 1, { truncate })).toThrow(/truncate/);
  });
  it('a radius beyond the bound', () => {
    expect(() => gaussianFilter1d([1, 2, 3], 1e300)).toThrow(/radius/);
  });
  it('sigma ≤ 1e-15 (negative too) returns a copy, as scipy skips the axis', () => {
    expect(Array.from(gaussianFilter1d([1, 2, 3], -2))).toEqual([1, 2, 3]);
  });
  it('an even or asymmetric kernel', () => {
    expect(() => correlateReflect([1, 2], Float64Array.of(0.5, 0.5))).toThrow(/odd length/);
    expect(() => correlateReflect([1, 2], Float64Array.of(0.2, 0.5, 0.3))).toThrow(/symmetric/);
  });
});

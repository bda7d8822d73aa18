/**
 * gaussian_filter against scipy 1.10, bit for bit: the correlation and the 'reflect' boundary
 * (fed scipy's own kernel), the kernel (numpy's exp here is Intel's SVML, reproduced by
 * numpyExp), and the whole filter.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { correlateReflect, gaussianFilter1d, gaussianKernel, gaussianRadius } from '../../src/sim/scipy/gaussian-filter.js';
import { exp } from '../../src/sim/numpy/libm.js';
import { fromHex, hexesOf, readNumpyFixture, relativeError } from '../helpers/numpy-fixtures.js';

interface Fixture {
  signals: string[];
  kernels: { sigma: number; truncate: number; weights: string }[];
  sha256: string[][];
  full: { signal: number; kernel: number; output: string }[];
}
const fixture = readNumpyFixture<Fixture>('gaussian-filter.json');

const sha256 = (x: Float64Array) => createHash('sha256').update(new Uint8Array(x.buffer)).digest('hex');
const signals = fixture.signals.map(fromHex);
const kernels = fixture.kernels.map((k) => ({ ...k, weights: fromHex(k.weights) }));

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
    expect(hexesOf(gaussianKernel(sigma, radius))).toBe(hexesOf(k.weights));
    // with glibc's exp instead (a numpy without AVX-512), the last bits differ
    expect(relativeError(gaussianKernel(sigma, radius, exp), k.weights)).toBeLessThan(4e-16);
  });

  it.each(signals.map((s, i) => [i, s.length] as const))('whole filter, signal %i (%i samples), every kernel', (i) => {
    kernels.forEach((kernel, k) => {
      const ours = gaussianFilter1d(signals[i], kernel.sigma, { truncate: kernel.truncate });
      expect(sha256(ours), `signal ${i}, sigma ${kernel.sigma}, truncate ${kernel.truncate}`).toBe(fixture.sha256[i][k]);
    });
  });

  it.each(fixture.full.map((f) => [f.signal, kernels[f.kernel].sigma, f] as const))('signal %i, sigma %s: every value as scipy', (i, sigma, f) => {
    const ours = gaussianFilter1d(signals[i], sigma, { truncate: kernels[f.kernel].truncate });
    expect(hexesOf(ours)).toBe(f.output);
  });

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

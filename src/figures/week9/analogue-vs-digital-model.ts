/**
 * Week 9, digital versus analogue transmission: a chirp and a binary signal through the same
 * Gaussian noise, with their reconstructions and errors (the notebook's cell, after
 * numpy.random.seed(seed)).
 *
 * t = linspace(0, 1, points); analogue = sin(2π·t²·chirp); digital = bits[int(t·(len(bits) − 1))]·2 − 1;
 * noise = randn(points)·noise (one vector, both rows); the analogue reconstruction is the noisy
 * signal itself, the digital one (digital + noise > cutoff)·2 − 1.
 *
 * Everything is numpy's to the bit, the sine included: numpy's float64 sin on the references'
 * AVX-512 machine is Intel's SVML (numpySin); V8's Math.sin differs in the last bit for 60 % of
 * these values.
 */
import { linspace } from '../../sim/numpy/arrays.js';
import { RandomState } from '../../sim/numpy/random-state.js';
import { numpySin } from '../../sim/numpy/svml.js';

export interface AnalogueDigitalOptions {
  points: number;
  noise: number;
  /** The digital signal, 0s and 1s. */
  bits: readonly number[];
  chirp: number;
  cutoff: number;
  seed: number;
  /** Draw from this generator instead of RandomState(seed) (snn-figs' --rng fast). */
  random?: RandomState;
}

/** The eight panels, row by row: the signal, with noise, reconstructed, the error. */
export interface AnalogueDigital {
  t: Float64Array;
  noise: Float64Array;
  analogue: { original: Float64Array; noisy: Float64Array; reconstructed: Float64Array; error: Float64Array };
  digital: { original: Float64Array; noisy: Float64Array; reconstructed: Float64Array; error: Float64Array };
}

/** Both rows for parameters the figure's declaration has checked (./analogue-vs-digital.ts). */
export function analogueVsDigital(options: AnalogueDigitalOptions): AnalogueDigital {
  const { points, bits, chirp, cutoff, seed } = options;
  const rs = options.random ?? new RandomState(seed);
  const t = linspace(0, 1, points);
  const twoPi = 2 * Math.PI;
  const analogue = t.map((tk) => numpySin(twoPi * (tk * tk) * chirp));
  const noise = rs.randn(points).map((z) => z * options.noise);
  const digital = t.map((tk) => bits[Math.trunc(tk * (bits.length - 1))] * 2 - 1);
  const analogueNoisy = analogue.map((a, k) => a + noise[k]);
  const digitalNoisy = digital.map((d, k) => d + noise[k]);
  const digitalReconstructed = digitalNoisy.map((v) => (v > cutoff ? 1 : 0) * 2 - 1);
  return {
    t,
    noise,
    analogue: { original: analogue, noisy: analogueNoisy, reconstructed: analogueNoisy.slice(), error: noise.slice() },
    digital: {
      original: digital,
      noisy: digitalNoisy,
      reconstructed: digitalReconstructed,
      error: digitalReconstructed.map((r, k) => r - digital[k]),
    },
  };
}

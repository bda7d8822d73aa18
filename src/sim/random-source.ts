/**
 * Where a group's random numbers come from. Generated code draws vectorised, as Brian's
 * numpy target does: one array per call site per step (`xi` → randn(N) per noise per group,
 * `rand()` in a threshold → rand(N), `rand()` in a string initialisation → rand(N)), in
 * Brian's schedule order. Element k of every array belongs to element k of the loop (neuron,
 * or the k-th selected neuron/synapse), so a source may assign streams by element — never by
 * how many times it was called.
 */

export interface RandomSource {
  /** Fills `out` with standard normal deviates; out[k] is element k's draw. */
  fillNormal(out: Float64Array): void;
  /** Fills `out` with uniform deviates in [0, 1); out[k] is element k's draw. */
  fillUniform(out: Float64Array): void;
}

/** A generator with scalar draws (e.g. Rng): every array is drawn in element order. */
export interface ScalarRandom {
  normal(): number;
  uniform?(): number;
  nextDouble?(): number;
}

/** numpy's legacy RandomState as Brian's numpy target calls it: randn(n) and rand(n). */
export interface VectorRandom {
  rand(n: number): Float64Array;
  randn(n: number): Float64Array;
}

/** One sequential stream: element after element, call site after call site. */
export function sequentialSource(rng: ScalarRandom): RandomSource {
  const uniform = rng.uniform?.bind(rng) ?? rng.nextDouble?.bind(rng);
  return {
    fillNormal(out) {
      for (let k = 0; k < out.length; k++) out[k] = rng.normal();
    },
    fillUniform(out) {
      if (!uniform) throw new RangeError('this random generator draws no uniform numbers (rand())');
      for (let k = 0; k < out.length; k++) out[k] = uniform();
    },
  };
}

/**
 * numpy's RandomState plugged in as Brian's numpy target uses it: ONE stream shared by every
 * group, one `randn(n)` / `rand(n)` per call site, in schedule order.
 */
export function numpySource(state: VectorRandom): RandomSource {
  return {
    fillNormal(out) {
      const draws = state.randn(out.length);
      if (draws.length !== out.length) throw new RangeError(`randn(${out.length}) returned ${draws.length} values`);
      out.set(draws);
    },
    fillUniform(out) {
      const draws = state.rand(out.length);
      if (draws.length !== out.length) throw new RangeError(`rand(${out.length}) returned ${draws.length} values`);
      out.set(draws);
    },
  };
}

/** Accepts a RandomSource or a scalar generator (drawn sequentially). */
export function asRandomSource(r: RandomSource | ScalarRandom): RandomSource {
  return 'fillNormal' in r && typeof r.fillNormal === 'function' && 'fillUniform' in r ? (r as RandomSource) : sequentialSource(r as ScalarRandom);
}

/** The source of a network or group that draws nothing: a model that draws gets a clear error. */
export const NO_RANDOM: RandomSource = {
  fillNormal() {
    throw new RangeError("this model draws random numbers (xi, randn()) but no random source was given (Network option rng, or the group's random)");
  },
  fillUniform() {
    throw new RangeError("this model draws random numbers (rand()) but no random source was given (Network option rng, or the group's random)");
  },
};

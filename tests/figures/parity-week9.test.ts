/**
 * Week 9 against numpy 1.24 and scipy 1.10 (scripts/fixtures/week9_coding.py): with
 * `--rng numpy` (the default) every plotted value of analogue-vs-digital, spike-vs-rate and
 * coincidence-rank-code equals the notebook's cells run after numpy.random.seed(s), bit for bit:
 * the chirp's sin and the Gaussian kernel's exp are numpy's own (SVML on this machine's numpy,
 * ported in src/sim/numpy), the uniforms, normals, Poisson counts and shuffles numpy's legacy
 * RandomState, the histogram edges numpy's linspace.
 */
import { describeExactParity } from '../helpers/figure-parity.js';

await describeExactParity('week 9 equals numpy/scipy value for value', ['analogue-vs-digital', 'spike-vs-rate', 'coincidence-rank-code']);

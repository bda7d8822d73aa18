/**
 * Week 7 against numpy 1.24 (scripts/fixtures/week7_decision.py): with `--rng numpy` (the
 * default) the walks (draws, evidence, thresholds, reaction time) and the reaction-time
 * histograms (counts and edges) equal the notebook's cells run after seed(s), bit for bit, for
 * the defaults, the published walks given with --draws, and other seeds and parameters.
 * (Python's `**.5` is libm's pow, ours a correctly rounded sqrt: they may differ in the last bit
 * for about 0.08 % of n, see src/figures/week7/walk-model.ts; none of these n.)
 */
import { describeExactParity } from '../helpers/figure-parity.js';

await describeExactParity('week 7 equals numpy draw for draw', ['decision-random-walk', 'reaction-times']);

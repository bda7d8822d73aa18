/**
 * Week 4 against Brian2 2.5.1 on its numpy target with seed(s) (scripts/fixtures/week4_stdp.py):
 * with `--rng numpy` (the default) every spike of stdp-latency and stdp-correlated, time and
 * index, equals Brian2's — the onsets, run lengths and rates drawn from numpy's RandomState in
 * the cell's order, every rand() of the thresholds in Brian's, and the spike times step·dt/ms as
 * Brian computes them: identical, not close.
 */
import { describeExactParity } from '../helpers/figure-parity.js';

await describeExactParity('week 4 equals Brian2 spike for spike (numpy RandomState, Brian draw order)', ['stdp-latency', 'stdp-correlated']);

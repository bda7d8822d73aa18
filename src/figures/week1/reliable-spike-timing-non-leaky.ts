/**
 * Notebook section "Reliable spike timing", non-leaky (cell 13): the same trials with a
 * perfect integrator, dx/dt = gain·I/tau + noise, whose spike times stay unreliable.
 */
import { reliableFigure } from './reliable-figure.js';

export const reliableSpikeTimingNonLeaky = reliableFigure({
  name: 'reliable-spike-timing-non-leaky',
  section: 'Reliable spike timing (non-leaky)',
  summary: 'the reliable-spike-timing trials with a non-leaky integrator',
  drive: '(gain*I) / tau',
  leaky: false,
  gain: '0.15',
  gainHelp: 'gain of the input: dx/dt = gain*I/tau + noise (no leak)',
});

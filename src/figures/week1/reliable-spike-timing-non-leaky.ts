/**
 * Notebook section "Reliable spike timing", non-leaky (cell 13): the same trials with a
 * perfect integrator, dx/dt = gain·I/tau + noise, whose spike times stay unreliable.
 */
import { figure } from '../figure.js';
import { plotReliable, reliableParams, simulateReliable } from './reliable-model.js';

export const reliableSpikeTimingNonLeaky = figure({
  name: 'reliable-spike-timing-non-leaky',
  section: 'Reliable spike timing (non-leaky)',
  summary: 'the reliable-spike-timing trials with a non-leaky integrator',
  figsize: [10, 6],
  dpi: 100,
  method: 'euler',
  params: reliableParams('0.15', 'gain of the input: dx/dt = gain*I/tau + noise (no leak)'),
  cost: (p, steps) => ({ neuronSteps: 2 * (p.trials + 1) * steps, samples: 2 * 2 * p.trials * steps }),
  simulate: (p) => simulateReliable('(gain*I) / tau', p),
  plot: plotReliable,
});

/**
 * Notebook section "Reliable spike timing" (cell 11): noisy leaky integrate-and-fire neurons
 * fire at unreliable times under a constant input and at reliable times under a noisy one.
 */
import { figure } from '../figure.js';
import { plotReliable, reliableParams, simulateReliable } from './reliable-model.js';

export const reliableSpikeTiming = figure({
  name: 'reliable-spike-timing',
  section: 'Reliable spike timing',
  summary: 'noisy LIF trials: unreliable spike times under a constant input, reliable under a noisy one',
  figsize: [10, 6],
  dpi: 100,
  method: 'euler',
  params: reliableParams('0.65', 'gain of the input: dx/dt = (gain*I - x)/tau + noise'),
  cost: (p, steps) => ({ neuronSteps: 2 * (p.trials + 1) * steps, samples: 2 * 2 * p.trials * steps }),
  simulate: (p) => simulateReliable('(gain*I - x) / tau', p),
  plot: plotReliable,
});

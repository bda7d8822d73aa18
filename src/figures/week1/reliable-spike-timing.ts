/**
 * Notebook section "Reliable spike timing" (cell 11): noisy leaky integrate-and-fire neurons
 * fire at unreliable times under a constant input and at reliable times under a noisy one.
 */
import { reliableFigure } from './reliable-figure.js';

export const reliableSpikeTiming = reliableFigure({
  name: 'reliable-spike-timing',
  section: 'Reliable spike timing',
  summary: 'noisy LIF trials: unreliable spike times under a constant input, reliable under a noisy one',
  drive: '(gain*I - x) / tau',
  leaky: true,
  gain: '0.65',
  gainHelp: 'gain of the input: dx/dt = (gain*I - x)/tau + noise',
});

/** The nine figures of week 1 ("neurons"), in the notebook's order. */
export { biologicalNeuron } from './biological-neuron.js';
export { biologicalNeuronWebsite } from './biological-neuron-website.js';
export { integrateAndFire } from './integrate-and-fire.js';
export { lif } from './lif.js';
export { reliableSpikeTiming } from './reliable-spike-timing.js';
export { reliableSpikeTimingNonLeaky } from './reliable-spike-timing-non-leaky.js';
export { lifSynapses } from './lif-synapses.js';
export { adaptiveThreshold } from './adaptive-threshold.js';
export { hodgkinHuxley } from './hodgkin-huxley.js';

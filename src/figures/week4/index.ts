/** The two figures of week 4 (STDP input patterns), in the notebook's order. */
export { stdpLatency } from './stdp-latency.js';
export { stdpCorrelated } from './stdp-correlated.js';

/** The simulation core: pure, no I/O. Figures build models from these pieces. */
export { NeuronGroup, SpikeGeneratorGroup } from './groups.js';
export { Synapses } from './synapses.js';
export { StateMonitor, SpikeMonitor } from './monitors.js';
export { Network, timestepOf, type NormalSource } from './network.js';
export { METHODS, IntegrationError, type Method } from './integrators.js';
export { ExpressionError } from './expr.js';

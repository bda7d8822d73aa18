/** The simulation core: pure, no I/O. Figures build models from these pieces. */
export { NeuronGroup, type NeuronGroupOptions } from './neuron-group.js';
export { SpikeGeneratorGroup } from './spike-generator.js';
export { Synapses } from './synapses.js';
export { StateMonitor, SpikeMonitor } from './monitors.js';
export { Network, timestepOf, type NetworkOptions } from './network.js';
export { withNameScope, type NetworkMember, type Scheduled } from './schedule.js';
export { METHODS, DEFAULT_METHODS, integrator, type Method } from './integrators/registry.js';
export { IntegrationError } from './integrators/types.js';
export { ExpressionError } from './expr.js';
export { quantity, UnitError, type Quantity } from './units.js';
export { numpySource, sequentialSource, type RandomSource, type VectorRandom } from './random-source.js';
export type { SpikeSource } from './spike-source.js';

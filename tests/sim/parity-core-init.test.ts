/** Per-neuron initial values, string initialisation with i and rand(), against Brian2. */
import { describeFeatureParity } from '../helpers/core-model.js';

describeFeatureParity('init');

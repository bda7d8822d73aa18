/** NeuronGroup → NeuronGroup synapses with units, against Brian2. */
import { describeFeatureParity } from '../helpers/core-model.js';

describeFeatureParity('synapses');

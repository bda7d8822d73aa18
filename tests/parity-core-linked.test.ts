/** linked_var to a subexpression or a state variable of a 1-neuron group, against Brian2. */
import { describeFeatureParity } from './helpers/core-model.js';

describeFeatureParity('linked');

/** A group with its own dt; several runs with state changes and float network time, against Brian2. */
import { describeFeatureParity } from '../helpers/core-model.js';

describeFeatureParity('clocks');

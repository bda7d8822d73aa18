/** Thresholds against state variables and multi-statement resets reading i, against Brian2. */
import { describeFeatureParity } from '../helpers/core-model.js';

describeFeatureParity('reset');

/** The week-1 and week-4 course models (../shared/reference/course-scripts), two networks in one figure, numpy's draws replayed, against Brian2. */
import { describeFeatureParity } from '../helpers/core-model.js';

describeFeatureParity('course');

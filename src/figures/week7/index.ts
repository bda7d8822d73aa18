/** The figures of week 7 (decision making), in the notebook's order; the four published walks are variants. */
export { decisionRandomWalkFigure } from './decision-random-walk.js';
export { reactionTimesFigure } from './reaction-times.js';

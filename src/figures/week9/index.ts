/** The three figures of week 9 (neural coding), in the notebook's order. */
export { analogueVsDigitalFigure } from './analogue-vs-digital.js';
export { spikeVsRateFigure } from './spike-vs-rate.js';
export { coincidenceRankCodeFigure } from './coincidence-rank-code.js';

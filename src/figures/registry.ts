/** Every course figure, in the notebook's order. Adding a figure means adding it here. */
import { coincidence } from './week2/coincidence.js';
import { population } from './week2/population.js';
import { pspAbstraction } from './week2/psp-abstraction.js';
import { pspForms } from './week2/psp-forms.js';
import type { FigureModule } from './spec.js';
import { stp } from './week2/stp.js';
import { tuningCurve } from './week2/tuning-curve.js';
import { stdpCorrelated, stdpLatency } from './week4/index.js';
import { decisionRandomWalkFigure, reactionTimesFigure } from './week7/index.js';
import { analogueVsDigitalFigure, coincidenceRankCodeFigure, spikeVsRateFigure } from './week9/index.js';
import { adaptiveThreshold, biologicalNeuron, biologicalNeuronWebsite, hodgkinHuxley, integrateAndFire, lif, lifSynapses, reliableSpikeTiming, reliableSpikeTimingNonLeaky } from './week1/index.js';

/** Week 1 (neurons), in its notebook's order. */
const WEEK1: readonly FigureModule[] = [
  biologicalNeuron, biologicalNeuronWebsite, integrateAndFire, lif, reliableSpikeTiming, reliableSpikeTimingNonLeaky, lifSynapses, adaptiveThreshold, hodgkinHuxley,
];

/** Weeks 4 (STDP inputs), 7 (decision making) and 9 (coding), in their notebooks' order. */
const WEEKS479: readonly FigureModule[] = [
  stdpLatency, stdpCorrelated, decisionRandomWalkFigure, reactionTimesFigure, analogueVsDigitalFigure, spikeVsRateFigure, coincidenceRankCodeFigure,
];

// Week 2 first: it was the first course week snn-figs drew, and lists and `all` keep its order.
export const FIGURES: readonly FigureModule[] = [pspAbstraction, pspForms, stp, coincidence, tuningCurve, population, ...WEEK1, ...WEEKS479];

export function findFigure(name: string): FigureModule | undefined {
  return FIGURES.find((f) => f.name === name);
}

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

/** Week 2 (synapses), in its notebook's order. */
const WEEK2: readonly FigureModule[] = [pspAbstraction, pspForms, stp, coincidence, tuningCurve, population];

/** The course's weeks that have figures, with their topics (for `list` and the help). */
export const WEEKS: readonly { week: number; topic: string; figures: readonly FigureModule[] }[] = [
  { week: 1, topic: 'Neuron models', figures: WEEK1 },
  { week: 2, topic: 'Synapses', figures: WEEK2 },
  { week: 4, topic: 'STDP input patterns', figures: [stdpLatency, stdpCorrelated] },
  { week: 7, topic: 'Decision making', figures: [decisionRandomWalkFigure, reactionTimesFigure] },
  { week: 9, topic: 'Neural codes', figures: [analogueVsDigitalFigure, spikeVsRateFigure, coincidenceRankCodeFigure] },
];

// Week 2 first: it was the first course week snn-figs drew, and `all` keeps its order.
export const FIGURES: readonly FigureModule[] = [...WEEK2, ...WEEK1, ...WEEKS.slice(2).flatMap((w) => w.figures)];

export function findFigure(name: string): FigureModule | undefined {
  return FIGURES.find((f) => f.name === name);
}

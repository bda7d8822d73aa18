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
const WEEK1 = [
  biologicalNeuron, biologicalNeuronWebsite, integrateAndFire, lif, reliableSpikeTiming, reliableSpikeTimingNonLeaky, lifSynapses, adaptiveThreshold, hodgkinHuxley,
] as const;

/** Week 2 (synapses), in its notebook's order. */
const WEEK2 = [pspAbstraction, pspForms, stp, coincidence, tuningCurve, population] as const;
/** Weeks 4 (STDP inputs), 7 (decision making) and 9 (coding), in their notebooks' order. */
const WEEK4 = [stdpLatency, stdpCorrelated] as const;
const WEEK7 = [decisionRandomWalkFigure, reactionTimesFigure] as const;
const WEEK9 = [analogueVsDigitalFigure, spikeVsRateFigure, coincidenceRankCodeFigure] as const;

// Week 2 first: it was the first course week snn-figs drew, and lists and `all` keep its order.
export const FIGURES: readonly FigureModule[] = [...WEEK2, ...WEEK1, ...WEEK4, ...WEEK7, ...WEEK9];

/** Every course figure with its declaration's types (its literal name, its parameters' kinds): the library's types come from these. */
export type CourseFigure = (typeof WEEK1 | typeof WEEK2 | typeof WEEK4 | typeof WEEK7 | typeof WEEK9)[number];
/** The figures' names: 'lif' | 'stp' | …. */
export type FigureName = CourseFigure['name'];

/** The course weeks with their figures, in the course's order (what `list` shows and `all --week` selects). */
export const WEEKS: readonly { week: number; topic: string; figures: readonly FigureModule[] }[] = [
  { week: 1, topic: 'neurons', figures: WEEK1 },
  { week: 2, topic: 'synapses', figures: WEEK2 },
  { week: 4, topic: 'learning (STDP)', figures: WEEK4 },
  { week: 7, topic: 'decision making', figures: WEEK7 },
  { week: 9, topic: 'neural coding', figures: WEEK9 },
];

/** The week a figure belongs to. */
export function weekOf(fig: FigureModule): number {
  return WEEKS.find((w) => w.figures.includes(fig))!.week;
}

export function findFigure(name: string): FigureModule | undefined {
  return FIGURES.find((f) => f.name === name);
}

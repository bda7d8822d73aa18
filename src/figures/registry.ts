/** Every course figure, in the notebook's order. Adding a figure means adding it here. */
import { coincidence } from './coincidence.js';
import { population } from './population.js';
import { pspAbstraction } from './psp-abstraction.js';
import { pspForms } from './psp-forms.js';
import type { FigureModule } from './spec.js';
import { stp } from './stp.js';
import { tuningCurve } from './tuning-curve.js';
import { stdpCorrelated, stdpLatency } from './week4/index.js';
import { decisionRandomWalkFigure, reactionTimesFigure } from './week7/index.js';
import { analogueVsDigitalFigure, coincidenceRankCodeFigure, spikeVsRateFigure } from './week9/index.js';

export const FIGURES: readonly FigureModule[] = [pspAbstraction, pspForms, stp, coincidence, tuningCurve, population, stdpLatency, stdpCorrelated, decisionRandomWalkFigure,
  reactionTimesFigure,
  analogueVsDigitalFigure,
  spikeVsRateFigure,
  coincidenceRankCodeFigure,
];

export function findFigure(name: string): FigureModule | undefined {
  return FIGURES.find((f) => f.name === name);
}

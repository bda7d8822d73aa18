/**
 * Week 7, "Decision making" (cells 3–6, drift_diffusion_figure): a biased random walk of n
 * steps of +1 (R), 0 or −1 (L), drawn as boxes above and as the accumulated evidence below,
 * with the decision thresholds and the reaction time. The walk itself is
 * ./decision-random-walk-model.ts; `--draws` plots a given walk instead.
 */
import { completeDraws, decisionRandomWalk, PUBLISHED_DRAWS } from './decision-random-walk-model.js';
import { figure } from '../figure.js';
import { annotate, axhline, axvline, step } from '../../data/marks.js';
import { int, num, text } from '../../options/params.js';
import { randomState, rng, seed } from '../randomness.js';
import type { Mark } from '../../data/types.js';

/** The renderer draws one box per step: beyond this the strip is a solid band anyway. */
export const MAX_STEPS = 100_000;

const DRAW = /^\s*none\s*$|^\s*([+-]?1|0|[LR])(\s*,\s*([+-]?1|0|[LR]))*\s*$/i;

/** `-1,1,0` or `L,R,0` → [−1, 1, 0]; `none` → undefined (draw the walk). */
export function parseDraws(list: string): number[] | undefined {
  if (list.trim().toLowerCase() === 'none') return undefined;
  return list.split(',').map((d) => ({ l: -1, r: 1 })[d.trim().toLowerCase() as 'l' | 'r'] ?? Number(d));
}

/**
 * The walk to plot: the given draws, whose number is n; with --n other than its default, n − 1
 * draws are completed by the invisible last 0, as the course script does.
 */
function givenWalk(draws: string, n: number): number[] | undefined {
  const given = parseDraws(draws);
  return given && (n === DEFAULT_N ? given : completeDraws(given, n));
}

const DEFAULT_N = 10;

/** bias_p(bias) needs all three probabilities ≥ 0. */
export function biasProblem(bias: number) {
  return { param: 'bias', message: `must be from -1/3 to 2/3 (all three probabilities ≥ 0), got ${bias}` };
}
const letters = (draws: readonly number[]) => draws.map((d) => (d === -1 ? 'L' : d === 1 ? 'R' : '0')).join(',');
/** The walks read off the published n = 10 and 30 images, with their invisible last draw (0). */
const published = (n: 10 | 30) => letters(completeDraws(PUBLISHED_DRAWS[n], n));

export const decisionRandomWalkFigure = figure({
  name: 'decision-random-walk',
  section: 'Decision making',
  summary: 'a biased random walk of evidence towards a left/right decision threshold',
  figsize: [7, 2],
  dpi: 250,
  params: {
    n: int(String(DEFAULT_N), 'number of draws (time points)').min(1).max(MAX_STEPS),
    bias: num('0.01', 'p = (1/3 + bias, 1/3 − bias/2, 1/3 − bias/2) for R, 0, L; from −1/3 to 2/3'),
    threshFrac: num('0.95', 'decision threshold as a fraction of √(2n/π)').min(0),
    seed: seed('21303', "seed(s) before the draws: the walk function's own default"),
    rng: rng(),
    draws: text('none', 'plot this walk instead of drawing one: -1/0/1 or L/0/R, comma-separated (its length sets n)', DRAW, 'draws such as -1,1,0 or L,R,0'),
  },
  variants: [
    { name: 'decision-random-walk-10', description: 'the published n = 10 walk (draws read off the image)', set: { draws: published(10) } },
    { name: 'decision-random-walk-30', description: 'the published n = 30 walk (draws read off the image)', set: { draws: published(30) } },
    { name: 'decision-random-walk-100', description: 'n = 100 with seed 21303', set: { n: '100' } },
    { name: 'decision-random-walk-1000', description: 'n = 1000 with seed 21303', set: { n: '1000' } },
  ],
  // Per draw: the draw, the sum, a box and its letter (measured: 50 operations' time).
  cost: ({ n, draws }) => {
    const steps = parseDraws(draws)?.length ?? n;
    return { neuronSteps: 0, samples: 4 * steps, work: { operations: 50 * steps } };
  },
  check({ n, bias, draws }) {
    if (!(bias >= -1 / 3 && bias <= 2 / 3)) return [biasProblem(bias)];
    const given = parseDraws(draws);
    if (!given) return [];
    if (given.length > MAX_STEPS) return [{ param: 'draws', message: `gives ${given.length} draws; at most ${MAX_STEPS}` }];
    if (n !== DEFAULT_N && given.length !== n && given.length !== n - 1)
      return [{ param: 'n', message: `is ${n} but --draws gives ${given.length} draws (n or n − 1; or leave --n out and their number is n)` }];
    return [];
  },

  simulate({ n, bias, threshFrac, seed, rng, draws }) {
    const given = givenWalk(draws, n);
    return decisionRandomWalk({ n: given?.length ?? n, bias, threshFrac, seed, draws: given, random: randomState(rng, seed) });
  },

  plot({ draws, y, ymean, threshold, rt }) {
    const n = draws.length;
    // annotate(txt, xy=(t+1, 0)) for every non-zero draw: letters up to n = 30, blank boxes beyond.
    // Each box is named by its draw (draw-t), so ids stay unique in the panel.
    const boxes: Mark[] = [];
    draws.forEach((d, t) => {
      if (d === 0) return;
      const letter = d === -1 ? 'L' : 'R';
      const bbox = { boxstyle: 'round' as const, facecolor: d === -1 ? 'lightblue' : 'lightgreen', edgecolor: 'none' as const };
      boxes.push(annotate(n <= 30 ? letter : ' ', [t + 1, 0], { id: `draw-${t}`, ha: 'center', va: 'center', bbox }));
    });
    return {
      layout: { heightRatios: [1, 6] },
      panels: [
        {
          id: 'draws',
          title: `Biased Random Walk With ${n} Time Points`,
          frame: false,
          xticks: false,
          yticks: false,
          sharex: 'evidence',
          marks: [axhline(0, { id: 'axis', ls: '-', c: 'k', lw: 2 }), ...boxes],
        },
        {
          id: 'evidence',
          row: 1,
          xlabel: 'Time',
          ylabel: 'Evidence',
          xlim: [0, n - 0.5],
          ylim: [-2 * ymean, 2 * ymean],
          xticks: false,
          yticks: { values: [-2 * ymean, 2 * ymean], labels: ['Left', 'Right'] },
          legend: 'lower right',
          marks: [
            step(Array.from(y.keys()), Array.from(y), { id: 'evidence', where: 'post', c: 'C0' }),
            axhline(-threshold, { id: 'threshold-lower', ls: '--', c: 'C1', label: 'Decision threshold' }),
            axhline(threshold, { id: 'threshold-upper', ls: '--', c: 'C1' }),
            axvline(rt, { id: 'reaction-time', ls: ':', c: 'C2', label: 'Reaction time' }),
          ],
        },
      ],
    };
  },
  // The data says how many steps were drawn: a given walk's length, not --n's default.
  shown: ({ draws }) => ({ n: draws.length }),
});

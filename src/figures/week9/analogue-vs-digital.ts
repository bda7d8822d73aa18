/**
 * Week 9, "Digital versus analogue transmission" (cell 3): a chirp and a 10-bit signal through
 * the same Gaussian noise; the analogue reconstruction keeps the noise, the digital one
 * (thresholded) removes it (./analogue-vs-digital-model.ts). The cell puts its
 * suptitle at y = 1.05, above the canvas, where only Jupyter's tight crop showed it, 0.10 of the
 * height above its tight_layout(rect=[0, 0, 1, 0.95]): here it sits inside the canvas, at
 * suptitle's default y = 0.98, and the rect's top keeps the cell's distance below it (0.88), so
 * the title stands as far above the column titles as in the published figure.
 */
import { analogueVsDigital } from './analogue-vs-digital-model.js';
import { figure } from '../figure.js';
import { plot } from '../../data/marks.js';
import { int, num, text } from '../../options/params.js';
import { randomState, rng, seed } from '../randomness.js';
import type { Panel } from '../../data/types.js';

/**
 * The cell's suptitle(y=1.05) stands 0.10 of the height above its tight_layout rect (top 0.95);
 * here the suptitle keeps its default y = 0.98 and the rect's top keeps the distance: 0.88.
 */
const RECT_TOP = 0.88;

const COLUMNS = [
  ['original', 'Original signal'],
  ['noisy', 'Signal + noise'],
  ['reconstructed', 'Reconstructed signal'],
  ['error', 'Error'],
] as const;

/** Bounds of the signal: the time and memory of a run. */
const MAX_POINTS = 10_000_000;
const MAX_BITS = 100_000;

export const analogueVsDigitalFigure = figure({
  name: 'analogue-vs-digital',
  section: 'Digital versus analogue transmission',
  summary: 'an analogue and a digital signal through the same noise, reconstructed',
  figsize: [10, 4],
  dpi: 150,
  params: {
    points: int('200', 'samples of t = linspace(0, 1, points)').min(2).max(MAX_POINTS),
    noise: num('0.15', 'standard deviation of the noise (one vector for both rows)').min(0),
    bits: text('0110101011', 'the digital signal; sample t shows bit int(t·(len − 1))', /^[01]{1,100000}$/, 'binary digits such as 0110101011'),
    chirp: num('5', 'the analogue signal is sin(2π·chirp·t²)'),
    cutoff: num('0.5', 'digital reconstruction: (signal + noise > cutoff)·2 − 1'),
    seed: seed('1'),
    rng: rng(),
  },
  // Eight panels of one curve over all the points (x and y each).
  // Per sample: the signals, a normal draw, the reconstructions (measured: 20 operations' time).
  cost: ({ points }) => ({ neuronSteps: 0, samples: 16 * points, work: { operations: 20 * points } }),
  check: ({ bits }) => (bits.length > MAX_BITS ? [{ param: 'bits', message: `has ${bits.length} digits; at most ${MAX_BITS}` }] : []),

  simulate: ({ bits, seed, rng, ...rest }) =>
    analogueVsDigital({ ...rest, bits: [...bits].map(Number), seed, random: randomState(rng, seed) }),

  plot({ t, analogue, digital }) {
    const x = Array.from(t);
    const panels: Panel[] = [];
    for (const [row, [name, signals]] of ([['analogue', analogue], ['digital', digital]] as const).entries())
      COLUMNS.forEach(([key, title], col) =>
        panels.push({
          id: `${name}-${key}`,
          row,
          col,
          title: row === 0 ? title : undefined,
          ylabel: col === 0 ? (row === 0 ? 'Analogue' : 'Digital') : undefined,
          frame: false,
          xticks: false,
          yticks: false,
          ylim: [-1.5, 1.5],
          marks: [plot(x, Array.from(signals[key]), { id: 'signal' })],
        }),
      );
    return { layout: { suptitle: { text: 'Digital vs Analogue Transmission' }, rect: [0, 0, 1, RECT_TOP] }, panels };
  },
});

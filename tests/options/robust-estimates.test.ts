/**
 * The cost model's time estimates against measured times: every figure at two sizes (its
 * simulation), and the drawing of line, marker and data-file output, each within 2×. Refusals
 * ("roughly 6 min") and the worker-thread decision rest on these numbers.
 *
 * Measured as CPU seconds (user + system) in a child process running the build (dist/, as the
 * CLI), the faster of two runs: wall time would measure the other load on the machine.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateOutputSeconds, estimateSeconds } from '../../src/options/cost-time.js';
import { parseParams } from '../../src/options/parse.js';
import { FIGURES } from '../../src/figures/registry.js';

type Format = 'png' | 'svg' | 'pdf' | 'json' | 'csv';
interface Case {
  figure: string;
  params: Record<string, string>;
  format?: Format;
  /** Smooth lines, mostly simplified away: the estimate must bound the time from above, within 10×. */
  smooth?: boolean;
}

/** Two sizes per figure, each taking 0.1–2 s: large enough that the model's rates, not noise, decide. */
const SIMULATIONS: Record<string, [Record<string, string>, Record<string, string>]> = {
  'psp-abstraction': [
    { duration: '2000ms', dt: '0.01ms' },
    { duration: '8000ms', dt: '0.01ms' },
  ],
  'psp-forms': [
    { duration: '2000ms', dt: '0.01ms' },
    { duration: '8000ms', dt: '0.01ms' },
  ],
  stp: [{ duration: '20000ms' }, { duration: '100000ms' }],
  coincidence: [
    { duration: '6000ms', dt: '0.01ms' },
    { duration: '15000ms', dt: '0.01ms' },
  ],
  'tuning-curve': [
    { n: '1000', points: '10' },
    { n: '4000', points: '10' },
  ],
  population: [
    { n: '1000', points: '2000' },
    { n: '1000', points: '10000' },
  ],
  'biological-neuron': [{ duration: '20000ms' }, { duration: '60000ms' }],
  'biological-neuron-website': [{ duration: '20000ms' }, { duration: '60000ms' }],
  'integrate-and-fire': [
    { duration: '5000ms', dt: '0.01ms' },
    { duration: '20000ms', dt: '0.01ms' },
  ],
  lif: [
    { duration: '5000ms', dt: '0.01ms' },
    { duration: '20000ms', dt: '0.01ms' },
  ],
  'reliable-spike-timing': [{}, { trials: '100' }],
  'reliable-spike-timing-non-leaky': [{}, { trials: '100' }],
  'lif-synapses': [
    { duration: '5000ms', dt: '0.01ms' },
    { duration: '20000ms', dt: '0.01ms' },
  ],
  'adaptive-threshold': [
    { duration: '5000ms', dt: '0.01ms' },
    { duration: '20000ms', dt: '0.01ms' },
  ],
  'hodgkin-huxley': [{ duration: '1000ms' }, { duration: '4000ms' }],
  'stdp-latency': [
    { neurons: '10000', duration: '200ms' },
    { neurons: '20000', duration: '500ms' },
  ],
  'stdp-correlated': [{}, { neurons: '2000', duration: '5000ms' }],
  'decision-random-walk': [{ n: '20000' }, { n: '100000' }],
  'reaction-times': [{ repeats: '2000' }, {}],
  'analogue-vs-digital': [{ points: '200000' }, { points: '2000000' }],
  'spike-vs-rate': [
    { points: '10000', widths: '10,20' },
    { points: '20000', widths: '5,10,20' },
  ],
  'coincidence-rank-code': [{ neurons: '10000' }, { neurons: '40000' }],
};

/** The tuning curve's other engine: the generic core, one network per δt. */
const EXTRA: Case[] = [
  { figure: 'tuning-curve', params: { n: '200', points: '5', rng: 'numpy' } },
  { figure: 'tuning-curve', params: { n: '400', points: '10', rng: 'numpy' } },
];

/** Drawing and writing: lines, many markers (SVG and PDF draw each as a path), data files. */
const OUTPUTS: Case[] = [
  { figure: 'reliable-spike-timing', params: {}, format: 'png' },
  { figure: 'reliable-spike-timing', params: {}, format: 'svg' },
  { figure: 'reliable-spike-timing', params: {}, format: 'csv' },
  { figure: 'stdp-correlated', params: {}, format: 'svg' },
  { figure: 'stdp-correlated', params: {}, format: 'pdf' },
  { figure: 'spike-vs-rate', params: { points: '100000' }, format: 'pdf' },
  // Smooth curves: simplification strokes a fraction of their points, so the estimate is an upper bound.
  { figure: 'population', params: { n: '100', points: '10000' }, format: 'png', smooth: true },
  { figure: 'population', params: { n: '100', points: '10000' }, format: 'json' },
];

const CASES: Case[] = [...Object.entries(SIMULATIONS).flatMap(([figure, sizes]) => sizes.map((params) => ({ figure, params }))), ...EXTRA, ...OUTPUTS];

interface Measured extends Case {
  simulate: number;
  output?: number;
}

function measure(cases: Case[]): Measured[] {
  const r = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'helpers', 'measure-cost.mjs'), JSON.stringify(cases)], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Measured);
}

function costOf(c: Case) {
  const fig = FIGURES.find((f) => f.name === c.figure)!;
  return { fig, cost: fig.cost!(parseParams(fig, c.params).params) };
}

describe('time estimates within 2× of measured times', () => {
  it('covers every figure', () => expect(Object.keys(SIMULATIONS).sort()).toEqual(FIGURES.map((f) => f.name).sort()));

  // One child for all cases: its start-up and each figure's first (compiling) run are left out.
  let measured: Measured[] | undefined;
  const results = () => (measured ??= measure(CASES));

  for (const c of CASES) {
    const label = `${c.figure} ${JSON.stringify(c.params)}${c.format ? ` as ${c.format.toUpperCase()}` : ''}`;
    it(
      label,
      () => {
        const m = results().find((r) => r.figure === c.figure && JSON.stringify(r.params) === JSON.stringify(c.params) && r.format === c.format)!;
        const { fig, cost } = costOf(c);
        const [seconds, estimate] = c.format
          ? [m.output!, estimateOutputSeconds(cost, c.format, fig.figsize[0] * fig.figsize[1] * fig.dpi ** 2)]
          : [m.simulate, estimateSeconds(cost, { threads: 1 })];
        const [low, high] = c.smooth ? [1, 10] : [0.5, 2];
        expect(estimate / seconds, `estimated ${estimate.toFixed(3)} s, measured ${seconds.toFixed(3)} s`).toBeGreaterThan(low);
        expect(estimate / seconds, `estimated ${estimate.toFixed(3)} s, measured ${seconds.toFixed(3)} s`).toBeLessThan(high);
      },
      600_000,
    );
  }
});

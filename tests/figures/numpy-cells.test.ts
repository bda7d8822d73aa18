/**
 * The week-7 and week-9 numpy cells against the course reference scripts' JSON (run by
 * scripts/numpy_fixtures.py cells with snn-figs' option names): the default seed and other
 * seeds/parameter sets. Integers exactly, floats bit for bit (numpy's sin and exp are Intel
 * SVML's on the references' machine; src/sim/numpy/svml.ts reproduces them).
 */
import { describe, expect, it } from 'vitest';
import type { FigureModule } from '../../src/figures/spec.js';
import { decisionRandomWalkFigure } from '../../src/figures/week7/decision-random-walk.js';
import { completeDraws, decisionRandomWalk, PUBLISHED_DRAWS } from '../../src/figures/week7/decision-random-walk-model.js';
import { reactionTimesFigure } from '../../src/figures/week7/reaction-times.js';
import { reactionTimes } from '../../src/figures/week7/reaction-times-model.js';
import { analogueVsDigitalFigure } from '../../src/figures/week9/analogue-vs-digital.js';
import { analogueVsDigital } from '../../src/figures/week9/analogue-vs-digital-model.js';
import { coincidenceRankCodeFigure } from '../../src/figures/week9/coincidence-rank-code.js';
import { coincidenceRankCode } from '../../src/figures/week9/coincidence-rank-code-model.js';
import { pythonFloat } from '../../src/figures/week9/python-format.js';
import { spikeVsRateFigure } from '../../src/figures/week9/spike-vs-rate.js';
import { spikeVsRate } from '../../src/figures/week9/spike-vs-rate-model.js';
import { parseParams } from '../../src/options/parse.js';
import { ProblemError } from '../../src/options/problems.js';
import { hexesOf, readNumpyFixture } from '../helpers/numpy-fixtures.js';

/** `--name value` pairs as the course scripts take them. */
function optionMap(options: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (let k = 0; k < options.length; k += 2) map.set(options[k].slice(2), options[k + 1]);
  return map;
}
const num = (map: Map<string, string>, key: string, fallback: number) => (map.has(key) ? Number(map.get(key)) : fallback);

/** A figure's declared defaults, camelCased as its model takes them: the one place they are written. */
function defaultsOf(fig: FigureModule): Record<string, number> & { bits: string; widths: number[] } {
  const { params } = parseParams(fig, {});
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), v])) as never;
}

/** The parameter a figure refuses `given` for (its declaration holds the bounds), or undefined when it takes them. */
function refusal(fig: FigureModule, given: Record<string, string>): string | undefined {
  try {
    parseParams(fig, given);
    return undefined;
  } catch (e) {
    if (e instanceof ProblemError) return e.problem.param;
    throw e;
  }
}

describe('decision-random-walk equals the course script', () => {
  const WALK = defaultsOf(decisionRandomWalkFigure);
  interface Case {
    options: string[];
    n: number;
    draws: number[];
    y: number[];
    ymean: string;
    threshold: string;
    rt: number;
  }
  const { cases } = readNumpyFixture<{ cases: Case[] }>('cell-decision-random-walk.json');
  it.each(cases.map((c) => [c.options.join(' ') || '(defaults)', c] as const))('%s', (_, c) => {
    const o = optionMap(c.options);
    const given = o.has('draws') ? o.get('draws')!.split(',').map(Number) : undefined;
    const draws = given && completeDraws(given, o.has('n') ? Number(o.get('n')) : undefined);
    const n = draws?.length ?? num(o, 'n', WALK.n);
    const walk = decisionRandomWalk({
      n,
      bias: num(o, 'bias', WALK.bias),
      threshFrac: num(o, 'thresh-frac', WALK.threshFrac),
      seed: num(o, 'seed', WALK.seed),
      draws,
    });
    expect(Array.from(walk.draws)).toEqual(c.draws);
    expect(Array.from(walk.y)).toEqual(c.y);
    expect(walk.rt).toBe(c.rt);
    // Python's (2n/π)**.5 is glibc's pow, reproduced (n = 1251 and 5004 are where it is not the square root).
    expect(hexesOf([walk.ymean])).toBe(c.ymean);
    expect(hexesOf([walk.threshold])).toBe(c.threshold);
  });
  it('the published n = 10 walk crosses at step 8, the n = 30 walk never (course-figures.md)', () => {
    const ten = decisionRandomWalk({ bias: WALK.bias, threshFrac: WALK.threshFrac, seed: WALK.seed, n: 10, draws: completeDraws(PUBLISHED_DRAWS[10], 10) });
    expect(ten.rt).toBe(8);
    const thirty = decisionRandomWalk({ bias: WALK.bias, threshFrac: WALK.threshFrac, seed: WALK.seed, n: 30, draws: completeDraws(PUBLISHED_DRAWS[30], 30) });
    expect(thirty.rt).toBe(31);
    expect(() => completeDraws([1, 0], 5)).toThrow(/2 draws given but n is 5/);
  });
  it('its declaration refuses bad options', () => {
    const fig = decisionRandomWalkFigure;
    for (const n of ['0', '2.5', '1e300']) expect(refusal(fig, { n })).toBe('n');
    expect(refusal(fig, { bias: '0.7' })).toBe('bias');
    expect(refusal(fig, { bias: 'NaN' })).toBe('bias');
    expect(refusal(fig, { 'thresh-frac': 'Infinity' })).toBe('thresh-frac');
    expect(refusal(fig, { seed: String(2 ** 32) })).toBe('seed');
    expect(refusal(fig, { n: '5', draws: '1,0' })).toBe('n');
    expect(refusal(fig, { draws: '1,2' })).toBe('draws');
  });
});

describe('reaction-times equals the course script', () => {
  interface Side {
    edges: string;
    counts: number[];
  }
  const { cases } = readNumpyFixture<{ cases: { options: string[]; low: Side; high: Side }[] }>('cell-reaction-times.json');
  it.each(cases.map((c) => [c.options.join(' ') || '(defaults)', c] as const))(
    '%s',
    (_, c) => {
      const o = optionMap(c.options);
      const d = defaultsOf(reactionTimesFigure);
      const result = reactionTimes({
        n: num(o, 'n', d.n),
        repeats: num(o, 'repeats', d.repeats),
        bias: num(o, 'bias', d.bias),
        low: num(o, 'low', d.low),
        high: num(o, 'high', d.high),
        bins: num(o, 'bins', d.bins),
        seed: num(o, 'seed', d.seed),
      });
      for (const side of ['low', 'high'] as const) {
        expect(hexesOf(result[side].histogram.edges), side).toBe(c[side].edges);
        expect(Array.from(result[side].histogram.counts), side).toEqual(c[side].counts);
      }
    },
    60_000,
  );
  it('its declaration refuses bad options', () => {
    const fig = reactionTimesFigure;
    expect(refusal(fig, { repeats: '0' })).toBe('repeats');
    expect(refusal(fig, { n: '1000000', repeats: '1000000' })).toBe('repeats');
    expect(refusal(fig, { bins: '0' })).toBe('bins');
    expect(refusal(fig, { low: 'NaN' })).toBe('low');
    expect(refusal(fig, { high: '-Infinity' })).toBe('high');
    expect(refusal(fig, { bias: '-0.5' })).toBe('bias');
  });
});

describe('analogue-vs-digital equals the course script', () => {
  const { cases } = readNumpyFixture<{ cases: ({ options: string[]; t: string } & Record<string, string>)[] }>('cell-analogue-vs-digital.json');
  it.each(cases.map((c) => [c.options.join(' ') || '(defaults)', c] as const))('%s', (_, c) => {
    const o = optionMap(c.options);
    const d = defaultsOf(analogueVsDigitalFigure);
    const r = analogueVsDigital({
      points: num(o, 'points', d.points),
      noise: num(o, 'noise', d.noise),
      bits: [...(o.get('bits') ?? d.bits)].map(Number),
      chirp: num(o, 'chirp', d.chirp),
      cutoff: num(o, 'cutoff', d.cutoff),
      seed: num(o, 'seed', d.seed),
    });
    expect(hexesOf(r.t)).toBe(c.t);
    for (const row of ['analogue', 'digital'] as const) {
      for (const key of ['original', 'noisy', 'reconstructed', 'error'] as const) {
        expect(hexesOf(r[row][key]), `${row}-${key}`).toBe(c[`${row}-${key}`]);
      }
    }
  });
  it('its declaration refuses bad options', () => {
    const fig = analogueVsDigitalFigure;
    expect(refusal(fig, { points: '0' })).toBe('points');
    expect(refusal(fig, { bits: '' })).toBe('bits');
    expect(refusal(fig, { bits: '02' })).toBe('bits');
    expect(refusal(fig, { noise: 'NaN' })).toBe('noise');
    expect(refusal(fig, { chirp: 'Infinity' })).toBe('chirp');
    expect(refusal(fig, { cutoff: '-Infinity' })).toBe('cutoff');
  });
});

describe('spike-vs-rate equals the course script', () => {
  interface Case {
    options: string[];
    t: string;
    spike_times: string;
    spike_indices: number[];
    panels: { id: string; title: string; spikes: string; rate: string }[];
  }
  const { cases } = readNumpyFixture<{ cases: Case[] }>('cell-spike-vs-rate.json');
  it.each(cases.map((c) => [c.options.join(' ') || '(defaults)', c] as const))('%s', (_, c) => {
    const o = optionMap(c.options);
    const d = defaultsOf(spikeVsRateFigure);
    const r = spikeVsRate({
      spikes: num(o, 'spikes', d.spikes),
      points: num(o, 'points', d.points),
      widths: o.has('widths') ? o.get('widths')!.split(',').map(Number) : d.widths,
      seed: num(o, 'seed', d.seed),
    });
    expect(hexesOf(r.t)).toBe(c.t);
    expect(hexesOf(r.spikeTimes)).toBe(c.spike_times);
    expect(Array.from(r.spikeIndices)).toEqual(c.spike_indices);
    expect(r.rates.map((p) => p.id)).toEqual(c.panels.map((p) => p.id));
    expect(r.rates.map((p) => p.title)).toEqual(c.panels.map((p) => p.title));
    c.panels.forEach((p, k) => {
      expect(hexesOf(r.spikes), p.id).toBe(p.spikes);
      expect(hexesOf(r.rates[k].rate), p.id).toBe(p.rate);
    });
  });
  it('its declaration refuses bad options', () => {
    const fig = spikeVsRateFigure;
    expect(refusal(fig, { points: '1' })).toBe('points');
    expect(refusal(fig, { spikes: '-1' })).toBe('spikes');
    for (const widths of ['', '0', 'NaN', '1e300']) expect(refusal(fig, { widths })).toBe('widths');
  });
});

describe('coincidence-rank-code equals the course script', () => {
  type Case = { options: string[] } & Record<string, { times?: string; neurons?: number[]; permutation?: number[]; edges?: string; counts?: number[] }>;
  const { cases } = readNumpyFixture<{ cases: Case[] }>('cell-coincidence-rank-code.json');
  it.each(cases.map((c) => [c.options.join(' ') || '(defaults)', c] as const))('%s', (_, c) => {
    const o = optionMap(c.options as unknown as string[]);
    const d = defaultsOf(coincidenceRankCodeFigure);
    const r = coincidenceRankCode({
      neurons: num(o, 'neurons', d.neurons),
      active: num(o, 'active', d.active),
      meanSpikes: num(o, 'mean-spikes', d.meanSpikes),
      jitter: num(o, 'jitter', d.jitter),
      seed: num(o, 'seed', d.seed),
    });
    for (const [key, code] of [
      ['coincidence', r.coincidence],
      ['rank-order', r.rankOrder],
    ] as const) {
      const before = c[`${key}-before`];
      const after = c[`${key}-after`];
      const hist = c[`${key}-hist`];
      expect(hexesOf(code.times), key).toBe(before.times);
      expect(Array.from(code.neurons), key).toEqual(before.neurons);
      expect(Array.from(code.permutation), key).toEqual(after.permutation);
      expect(Array.from(code.shuffledNeurons), key).toEqual(after.neurons);
      expect(hexesOf(code.histogram.edges), key).toBe(hist.edges);
      expect(Array.from(code.histogram.counts), key).toEqual(hist.counts);
    }
  });
  it('its declaration refuses bad options', () => {
    const fig = coincidenceRankCodeFigure;
    expect(refusal(fig, { neurons: '0' })).toBe('neurons');
    expect(refusal(fig, { active: '31' })).toBe('active');
    for (const meanSpikes of ['-1', 'NaN', '1e300']) expect(refusal(fig, { 'mean-spikes': meanSpikes })).toBe('mean-spikes');
    expect(refusal(fig, { jitter: 'Infinity' })).toBe('jitter');
  });
});

describe('pythonFloat formats as Python str(float)', () => {
  it.each([
    [5, '5.0'],
    [0.1, '0.1'],
    [100 * 0.05, '5.0'],
    [100 * 0.001, '0.1'],
    [1e-5, '1e-05'],
    [0.0001, '0.0001'],
    [1e16, '1e+16'],
    [1.5e300, '1.5e+300'],
    [-0, '-0.0'],
    [123456789.5, '123456789.5'],
  ])('%s → %s', (x, text) => {
    expect(pythonFloat(x)).toBe(text);
  });
});

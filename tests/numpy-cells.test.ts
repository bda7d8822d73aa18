/**
 * The week-7 and week-9 numpy cells against the course reference scripts' JSON (run by
 * scripts/numpy_fixtures.py cells with snn-figs' option names): the default seed and other
 * seeds/parameter sets. Integers exactly, floats bit for bit (numpy's sin and exp are Intel
 * SVML's on the references' machine; src/sim/numpy/svml.ts reproduces them).
 */
import { describe, expect, it } from 'vitest';
import { analogueVsDigital, ANALOGUE_DIGITAL_DEFAULTS } from '../src/figures/week9/analogue-vs-digital-model.js';
import { coincidenceRankCode, CODE_DEFAULTS } from '../src/figures/week9/coincidence-rank-code-model.js';
import { completeDraws, decisionRandomWalk, PUBLISHED_DRAWS, WALK_DEFAULTS } from '../src/figures/week7/decision-random-walk-model.js';
import { pythonFloat } from '../src/figures/week9/python-format.js';
import { reactionTimes, REACTION_TIMES_DEFAULTS } from '../src/figures/week7/reaction-times-model.js';
import { spikeVsRate, SPIKE_RATE_DEFAULTS } from '../src/figures/week9/spike-vs-rate-model.js';
import { hexesOf, readNumpyFixture } from './helpers/numpy-fixtures.js';

/** `--name value` pairs as the course scripts take them. */
function optionMap(options: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (let k = 0; k < options.length; k += 2) map.set(options[k].slice(2), options[k + 1]);
  return map;
}
const num = (map: Map<string, string>, key: string, fallback: number) => (map.has(key) ? Number(map.get(key)) : fallback);

describe('decision-random-walk equals the course script', () => {
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
    const n = draws?.length ?? num(o, 'n', WALK_DEFAULTS.n);
    const walk = decisionRandomWalk({
      n,
      bias: num(o, 'bias', WALK_DEFAULTS.bias),
      threshFrac: num(o, 'thresh-frac', WALK_DEFAULTS.threshFrac),
      seed: num(o, 'seed', WALK_DEFAULTS.seed),
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
    const ten = decisionRandomWalk({ ...WALK_DEFAULTS, n: 10, draws: completeDraws(PUBLISHED_DRAWS[10], 10) });
    expect(ten.rt).toBe(8);
    const thirty = decisionRandomWalk({ ...WALK_DEFAULTS, n: 30, draws: completeDraws(PUBLISHED_DRAWS[30], 30) });
    expect(thirty.rt).toBe(31);
    expect(() => completeDraws([1, 0], 5)).toThrow(/2 draws given but n is 5/);
  });
  it('refuses bad options', () => {
    const ok = { ...WALK_DEFAULTS };
    expect(() => decisionRandomWalk({ ...ok, n: 0 })).toThrow(/n must be/);
    expect(() => decisionRandomWalk({ ...ok, n: 2.5 })).toThrow(/n must be/);
    expect(() => decisionRandomWalk({ ...ok, n: 1e300 })).toThrow(/n must be/);
    expect(() => decisionRandomWalk({ ...ok, bias: 0.7 })).toThrow(/bias/);
    expect(() => decisionRandomWalk({ ...ok, bias: NaN })).toThrow(/bias/);
    expect(() => decisionRandomWalk({ ...ok, threshFrac: Infinity })).toThrow(/thresh-frac/);
    expect(() => decisionRandomWalk({ ...ok, seed: 2 ** 32 })).toThrow(/seed/);
    expect(() => decisionRandomWalk({ ...ok, n: 3, draws: [1, 0] })).toThrow(/draws/);
    expect(() => decisionRandomWalk({ ...ok, n: 2, draws: [1, 2] })).toThrow(/draws/);
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
      const d = REACTION_TIMES_DEFAULTS;
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
  it('refuses bad options', () => {
    const d = REACTION_TIMES_DEFAULTS;
    expect(() => reactionTimes({ ...d, repeats: 0 })).toThrow(/repeats/);
    expect(() => reactionTimes({ ...d, n: 1e6, repeats: 1e6 })).toThrow(/n × repeats/);
    expect(() => reactionTimes({ ...d, bins: 0 })).toThrow(/bins/);
    expect(() => reactionTimes({ ...d, low: NaN })).toThrow(/low/);
    expect(() => reactionTimes({ ...d, high: -Infinity })).toThrow(/high/);
    expect(() => reactionTimes({ ...d, bias: -0.5 })).toThrow(/bias/);
  });
});

describe('analogue-vs-digital equals the course script', () => {
  const { cases } = readNumpyFixture<{ cases: ({ options: string[]; t: string } & Record<string, string>)[] }>('cell-analogue-vs-digital.json');
  it.each(cases.map((c) => [c.options.join(' ') || '(defaults)', c] as const))('%s', (_, c) => {
    const o = optionMap(c.options);
    const d = ANALOGUE_DIGITAL_DEFAULTS;
    const r = analogueVsDigital({
      points: num(o, 'points', d.points),
      noise: num(o, 'noise', d.noise),
      bits: o.has('bits') ? [...o.get('bits')!].map(Number) : d.bits,
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
  it('refuses bad options', () => {
    const d = ANALOGUE_DIGITAL_DEFAULTS;
    expect(() => analogueVsDigital({ ...d, points: 0 })).toThrow(/points/);
    expect(() => analogueVsDigital({ ...d, bits: [] })).toThrow(/bits/);
    expect(() => analogueVsDigital({ ...d, bits: [0, 2] })).toThrow(/bits/);
    expect(() => analogueVsDigital({ ...d, noise: NaN })).toThrow(/noise/);
    expect(() => analogueVsDigital({ ...d, chirp: Infinity })).toThrow(/chirp/);
    expect(() => analogueVsDigital({ ...d, cutoff: -Infinity })).toThrow(/cutoff/);
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
    const d = SPIKE_RATE_DEFAULTS;
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
  it('refuses bad options', () => {
    const d = SPIKE_RATE_DEFAULTS;
    expect(() => spikeVsRate({ ...d, points: 1 })).toThrow(/points/);
    expect(() => spikeVsRate({ ...d, spikes: -1 })).toThrow(/spikes/);
    expect(() => spikeVsRate({ ...d, widths: [] })).toThrow(/widths/);
    expect(() => spikeVsRate({ ...d, widths: [0] })).toThrow(/widths/);
    expect(() => spikeVsRate({ ...d, widths: [NaN] })).toThrow(/widths/);
    expect(() => spikeVsRate({ ...d, widths: [1e300] })).toThrow(/radius/);
  });
});

describe('coincidence-rank-code equals the course script', () => {
  type Case = { options: string[] } & Record<string, { times?: string; neurons?: number[]; permutation?: number[]; edges?: string; counts?: number[] }>;
  const { cases } = readNumpyFixture<{ cases: Case[] }>('cell-coincidence-rank-code.json');
  it.each(cases.map((c) => [c.options.join(' ') || '(defaults)', c] as const))('%s', (_, c) => {
    const o = optionMap(c.options as unknown as string[]);
    const d = CODE_DEFAULTS;
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
  it('refuses bad options', () => {
    const d = CODE_DEFAULTS;
    expect(() => coincidenceRankCode({ ...d, neurons: 0 })).toThrow(/neurons/);
    expect(() => coincidenceRankCode({ ...d, active: 31 })).toThrow(/active/);
    expect(() => coincidenceRankCode({ ...d, meanSpikes: -1 })).toThrow(/mean-spikes/);
    expect(() => coincidenceRankCode({ ...d, meanSpikes: NaN })).toThrow(/mean-spikes/);
    expect(() => coincidenceRankCode({ ...d, meanSpikes: 1e300 })).toThrow(/mean-spikes/);
    expect(() => coincidenceRankCode({ ...d, jitter: Infinity })).toThrow(/jitter/);
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

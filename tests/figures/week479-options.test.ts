/**
 * The options of the week 4/7/9 figures and `--rng`/`--seed`: every bad value is refused before
 * anything runs (exit 2, the option named), the extremes numpy accepts are accepted, and
 * `--rng fast` draws other numbers with the same plotted structure.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runFigureJson } from '../helpers/figure-parity.js';
import { silentStreams } from '../helpers/streams.js';

async function refused(args: string[]): Promise<string> {
  const { io, stderr } = silentStreams();
  const code = await main([...args, '--out', '/nonexistent-dir/never.json', '--quiet'], io);
  expect(code, `${args.join(' ')}: ${stderr()}`).toBe(2);
  return stderr();
}

const BAD: [string[], string][] = [
  [['stdp-latency', '--seed', '-1'], 'seed'],
  [['stdp-latency', '--seed', '4294967296'], 'seed'],
  [['stdp-latency', '--seed', '1.5'], 'seed'],
  [['stdp-latency', '--seed', '1e308'], 'seed'],
  [['stdp-latency', '--rng', 'mt'], 'rng'],
  [['stdp-latency', '--neurons', '1001'], 'neurons'],
  [['stdp-latency', '--neurons', '0'], 'neurons'],
  [['stdp-latency', '--rate', '-1Hz'], 'rate'],
  [['stdp-latency', '--burst', '-1ms'], 'burst'],
  [['stdp-correlated', '--correlated-from', '1001'], 'correlated-from'],
  [['stdp-correlated', '--switch-mean', '0ms'], 'switch-mean'],
  [['stdp-correlated', '--switch-mean', '1e-9ms'], 'switch-mean'],
  [['stdp-correlated', '--c', 'NaN'], 'c'],
  [['stdp-correlated', '--rate', '5000Hz'], 'numbers'], // the spike monitor would hold ~4e7 numbers
  [['stdp-latency', '--neurons', '1000000', '--rate', '10kHz'], 'numbers'],
  [['decision-random-walk', '--draws', '2,1'], 'draws'],
  [['decision-random-walk', '--draws', 'L,R,X'], 'draws'],
  [['decision-random-walk', '--draws', 'L,R', '--n', '30'], 'n'],
  [['decision-random-walk', '--n', '0'], 'n'],
  [['decision-random-walk', '--n', '1e308'], 'n'],
  [['decision-random-walk', '--bias', '1'], 'bias'],
  [['decision-random-walk', '--bias', '-0.34'], 'bias'],
  [['reaction-times', '--bias', 'NaN'], 'bias'],
  [['reaction-times', '--bias', '0.7'], 'bias'],
  [['decision-random-walk', '--seed', '-0.5'], 'seed'],
  [['reaction-times', '--n', '100000', '--repeats', '100000'], 'repeats'],
  [['reaction-times', '--bins', '0'], 'bins'],
  [['reaction-times', '--low', '-1'], 'low'],
  [['analogue-vs-digital', '--bits', '012'], 'bits'],
  [['analogue-vs-digital', '--points', '1'], 'points'],
  [['analogue-vs-digital', '--noise', 'Infinity'], 'noise'],
  [['spike-vs-rate', '--widths', '5,-1'], 'widths'],
  [['spike-vs-rate', '--widths', '0'], 'widths'],
  [['spike-vs-rate', '--points', '1e300'], 'points'],
  [['coincidence-rank-code', '--active', '31'], 'active'],
  [['coincidence-rank-code', '--mean-spikes', '-1'], 'mean-spikes'],
  [['coincidence-rank-code', '--mean-spikes', '1e308'], 'mean-spikes'],
  [['tuning-curve', '--rng', 'numpy', '--seed', '4294967296'], 'seed'],
];

describe('bad options are refused before anything runs', () => {
  it.each(BAD)('%j', async (args, option) => {
    expect(await refused(args)).toContain(option);
  });
});

describe('--rng and --seed', () => {
  it('takes every seed numpy takes, 0 and 2³²−1 included', async () => {
    for (const seed of ['0', '4294967295']) {
      const data = await runFigureJson('decision-random-walk', ['--seed', seed, '--n', '50']);
      expect(data.panels[1].series[0].y.length).toBe(50);
    }
  });

  it.each([
    ['stdp-latency', ['--duration', '40ms']],
    ['stdp-correlated', ['--duration', '200ms', '--neurons', '200', '--correlated-from', '100']],
    ['decision-random-walk', ['--n', '200']],
    ['reaction-times', ['--n', '200', '--repeats', '500']],
    ['analogue-vs-digital', []],
    ['spike-vs-rate', []],
    ['coincidence-rank-code', []],
  ])('%s --rng fast draws other numbers into the same figure', async (figure, args) => {
    const numpy = await runFigureJson(figure, args);
    const fast = await runFigureJson(figure, [...args, '--rng', 'fast']);
    // The marks' kinds and ids; the walk's boxes are named by their draw (draw-t), which the numbers decide.
    const shape = (d: typeof numpy) =>
      d.panels.map((p) => `${p.id}:${[...new Set(p.series.map((s) => `${s.kind}/${s.id.replace(/^draw-\d+$/, 'draw-t')}`))].sort().join(',')}`);
    expect(shape(fast)).toEqual(shape(numpy));
    expect(JSON.stringify(fast.panels)).not.toBe(JSON.stringify(numpy.panels));
    // Same seed, same figure.
    expect(JSON.stringify((await runFigureJson(figure, [...args, '--rng', 'fast'])).panels)).toBe(JSON.stringify(fast.panels));
  });

  it('plots the published n = 10 walk for the -10 variant: reaction time 8', async () => {
    const data = await runFigureJson('decision-random-walk', ['--draws', '-1,1,0,1,0,0,1,1,0,0']);
    const rt = data.panels[1].series.find((s) => s.id === 'reaction-time')!;
    expect(rt.x).toEqual([8]);
    // The course script's rule: with --n, n − 1 draws get the invisible last 0.
    const short = await runFigureJson('decision-random-walk', ['--n', '30', '--draws', 'L,L,L,L,R,R,0,0,0,0,L,0,0,L,R,R,R,L,0,0,L,R,R,R,L,R,L,0,L']);
    expect(short.panels[1].series[0].y.length).toBe(30);
  });
});

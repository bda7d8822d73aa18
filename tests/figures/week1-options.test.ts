/**
 * The week-1 options' bad inputs, float64 limits included: each is refused with exit 2 and a
 * message naming the option before anything runs or is written, values a simulation cannot
 * carry included (a weight of 1e308 would overflow v: each figure bounds its state's reach).
 * And the unit
 * spellings a user may type are accepted.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { silentStreams } from '../helpers/streams.js';

const dir = mkdtempSync(join(tmpdir(), 'snn-figs-week1-options-'));

async function run(argv: string[]): Promise<{ code: number; stderr: string; wrote: boolean }> {
  const out = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  const { io, stderr } = silentStreams();
  const code = await main([...argv, '--out', out, '--quiet'], io);
  return { code, stderr: stderr(), wrote: existsSync(out) };
}

// [figure, options, the message's start]
const REFUSED: [string, string[], RegExp][] = [
  ['integrate-and-fire', ['--w', 'NaN'], /--w expects/],
  ['integrate-and-fire', ['--w', '0.3ms'], /--w/],
  ['integrate-and-fire', ['--threshold', '1e400'], /--threshold expects a finite number/],
  ['integrate-and-fire', ['--isi', '0'], /--isi must be > 0/],
  ['integrate-and-fire', ['--isi', '0.05ms'], /--isi 0\.05 ms puts input spikes 2 and 3/],
  ['integrate-and-fire', ['--isi', '1e308s'], /--isi is too large/],
  ['integrate-and-fire', ['--duration', '-5ms'], /--duration must be > 0/],
  ['integrate-and-fire', ['--duration', '1e308s'], /would record about/],
  ['integrate-and-fire', ['--dt', 'Infinity'], /--dt/],
  ['lif', ['--tau', '0.04ms'], /--dt 0\.1 ms makes forward Euler blow up/],
  ['lif', ['--tau', '-15ms'], /--tau must be > 0/],
  ['lif', ['--w', ''], /--w/],
  ['lif-synapses', ['--tau-i', '0'], /--tau-i must be > 0/],
  ['lif-synapses', ['--gain', '4nS'], /--gain/],
  ['lif-synapses', ['--threshold', '-Infinity'], /--threshold/],
  ['adaptive-threshold', ['--tau-t', '1e400ms'], /--tau-t/],
  ['adaptive-threshold', ['--dvt', 'abc'], /--dvt/],
  ['adaptive-threshold', ['--isi', '0.1ms', '--dt', '0.2ms'], /--isi 0\.1 ms puts input spikes 2 and 3/],
  ['hodgkin-huxley', ['--current', '5.6mV'], /--current/],
  ['hodgkin-huxley', ['--current', '1e400nA'], /--current/],
  ['hodgkin-huxley', ['--area', '0'], /--area must be > 0/],
  ['hodgkin-huxley', ['--area', '-20000um2'], /--area must be > 0/],
  ['hodgkin-huxley', ['--area', '20000m'], /--area/],
  ['hodgkin-huxley', ['--vt', '-63nS'], /--vt/],
  ['hodgkin-huxley', ['--dt', '0'], /--dt must be > 0/],
  ['biological-neuron', ['--we', '2mV'], /--we/],
  ['biological-neuron', ['--taue', '0ms'], /--taue must be > 0/],
  ['biological-neuron', ['--input-tau', '-50ms'], /--input-tau must be > 0/],
  ['biological-neuron', ['--input-stop', '-1ms'], /--input-stop must be ≥ 0/],
  ['biological-neuron', ['--el', 'NaN mV'], /--el/],
  ['biological-neuron-website', ['--line', '-60nA'], /--line/],
  ['biological-neuron-website', ['--line', '1e400mV'], /--line/],
  ['reliable-spike-timing', ['--trials', '0'], /--trials must be ≥ 1/],
  ['reliable-spike-timing', ['--trials', '2.5'], /--trials/],
  ['reliable-spike-timing', ['--trials', '1e5'], /--trials must be ≤ 10000/],
  ['reliable-spike-timing', ['--trials', '10000'], /would record about 4\.0e\+8 numbers/],
  ['reliable-spike-timing', ['--sigma', '-0.03'], /--sigma must be ≥ 0/],
  ['reliable-spike-timing', ['--refractory', '-5ms'], /--refractory must be ≥ 0/],
  ['reliable-spike-timing', ['--on', '-10ms'], /--on must be ≥ 0/],
  ['reliable-spike-timing', ['--seed', '-1'], /--seed must be ≥ 0/],
  ['reliable-spike-timing', ['--seed', '4294967296'], /--seed must be ≤ 4294967295/],
  ['reliable-spike-timing', ['--seed', '1.5'], /--seed/],
  ['reliable-spike-timing', ['--rng', 'mt'], /--rng expects one of numpy, fast/],
  ['reliable-spike-timing-non-leaky', ['--gain', '1e400'], /--gain/],
  ['reliable-spike-timing-non-leaky', ['--tau-input', '0'], /--tau-input must be > 0/],
];

describe('week-1 options refuse bad values before running', () => {
  it.each(REFUSED)('%s %j', async (figure, options, message) => {
    const { code, stderr, wrote } = await run([figure, ...options]);
    expect(stderr).toMatch(message);
    expect(code).toBe(2);
    expect(wrote).toBe(false);
  });
});

describe('values the model cannot carry', () => {
  // Each figure declares how far its state can reach (the sum of its jumps, its drive over the
  // run); an option that would carry it past a double is refused before the run, named.
  it.each([
    ['lif', ['--w', '1e308'], /^snn-figs: error: --w 1e\+308 lets v reach .* keep \|--w\| at most 1\.7e\+305\nhint: .*--w/],
    ['lif', ['--w', '-1e308'], /--w -1e\+308 lets v reach/],
    ['integrate-and-fire', ['--w', '-1e308'], /--w -1e\+308 lets v reach/],
    ['adaptive-threshold', ['--dvt', '1e308', '--duration', '20ms'], /--dvt 1e\+308 lets vt reach/],
    ['adaptive-threshold', ['--dvt', '-1e305'], /--dvt -1e\+305 lets vt reach/],
    ['adaptive-threshold', ['--w', '1e306'], /--w 1e\+306 lets v reach/],
    ['lif-synapses', ['--gain', '1e308'], /--gain 1e\+308 lets v reach/],
    ['lif-synapses', ['--w', '1e308'], /--w 1e\+308 lets I reach/],
    ['hodgkin-huxley', ['--current', '1e308A'], /--current 1\.0e\+308 A can drive v up/],
    ['hodgkin-huxley', ['--current', '1e296A'], /--current 1\.0e\+296 A can drive v up/],
    ['hodgkin-huxley', ['--current', '-1uA'], /--current -1\.0e-6 A can drive v down/],
    ['reliable-spike-timing', ['--input', '1e308', '--trials', '2', '--duration', '50ms'], /--input 1e\+308 lets the noisy input I reach/],
    ['reliable-spike-timing', ['--gain', '1e306', '--trials', '2', '--duration', '50ms'], /--gain 1e\+306 lets x reach/],
    ['reliable-spike-timing-non-leaky', ['--gain', '-1e306', '--trials', '2', '--duration', '50ms'], /--gain -1e\+306 lets x reach/],
  ])('%s %j: exit 2, the option named, before the run', async (figure, options, message) => {
    const { code, stderr, wrote } = await run([figure, ...options]);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(2); // one line and its hint
    expect(stderr).not.toMatch(/Infinity in the|NaN in the/); // refused by the check, not by the output guard
    expect(code).toBe(2);
    expect(wrote).toBe(false);
  });

  // The other side of each limit: values whose state stays finite still run.
  it.each([
    ['lif', ['--w', '1e305']],
    ['lif', ['--w', '-1e300']],
    ['integrate-and-fire', ['--w', '-1e307']],
    ['adaptive-threshold', ['--dvt', '1e300']],
    ['adaptive-threshold', ['--dvt', '-1e300']],
    ['lif-synapses', ['--gain', '1e305']],
    ['lif-synapses', ['--w', '-1e300']],
    ['hodgkin-huxley', ['--current', '1e294A']],
    ['hodgkin-huxley', ['--current', '-0.8uA']],
    ['reliable-spike-timing', ['--input', '1e300', '--trials', '2', '--duration', '50ms']],
    ['reliable-spike-timing-non-leaky', ['--input', '-1e300', '--trials', '2', '--duration', '50ms']],
  ])('%s %j: finite, runs', async (figure, options) => {
    const { code, stderr, wrote } = await run([figure, ...options]);
    expect(code, stderr).toBe(0);
    expect(wrote).toBe(true);
  });
});

describe('unit spellings', () => {
  it.each([
    ['hodgkin-huxley', ['--area', '20000µm2', '--current', '0.0056uA', '--vt', '-0.063V', '--duration', '1ms']],
    ['hodgkin-huxley', ['--area', '2e-4cm^2', '--current', '5600pA', '--dt', '10us', '--duration', '1ms']],
    ['biological-neuron', ['--we', '0.002uS', '--el', '-65 mV', '--duration', '20ms']],
    ['reliable-spike-timing', ['--tau', '0.01s', '--trials', '3', '--duration', '50ms', '--rng', 'fast']],
    // float64's largest times are runs where nothing happens: never refractory again, input never on
    ['reliable-spike-timing', ['--refractory', '1e308s', '--on', '1e308s', '--trials', '2', '--duration', '50ms']],
  ])('%s %j', async (figure, options) => {
    const { code, stderr, wrote } = await run([figure, ...options]);
    expect(code, stderr).toBe(0);
    expect(wrote).toBe(true);
  });
});

/**
 * Cells 11 and 13 (after Mainen & Sejnowski, 1995): `trials` noisy neurons receive the same
 * input, first a constant one (left column), then a frozen noisy one (right column), in two
 * networks one after the other (start_scope). Rows: the traces with spikes drawn up to 4
 * (alpha 0.05), the input I, the spike raster.
 *
 * Brian semantics that decide the numbers: the refractory period only blocks the threshold
 * (x keeps integrating its drive and noise); `I_shared` is linked to the input group's x (a
 * constant subexpression, or a noisy state variable updated earlier in the same step, by name
 * order); each group draws randn(N) every step; `x = 'rand()*0.2'` draws rand(N) at set-up.
 */
import { Network, NeuronGroup, SpikeMonitor, StateMonitor, withNameScope, type RandomSource } from '../../sim/index.js';
import { ms } from '../common.js';
import { dt, duration, int, num, time, timeConstant, type SimValues } from '../../options/params.js';
import { brianSource, rng, seed } from '../randomness.js';

export function reliableParams(gain: string, gainHelp: string) {
  return {
    trials: int('25', 'number of noisy neurons (trials)').min(1).max(10000),
    tau: timeConstant('10ms', 'membrane time constant'),
    sigma: num('0.03', 'noise amplitude').min(0),
    gain: num(gain, gainHelp),
    input: num('1.5', 'the constant input (left), and the mean of the noisy input (right)'),
    tauInput: timeConstant('3ms', 'time constant of the noisy input'),
    refractory: time('5ms', 'refractory period (blocks the threshold only)').min(0),
    on: time('10ms', 'the input is on for on < t < off').min(0),
    off: time('950ms', 'see --on').min(0),
    duration: duration('1000ms', 'simulated time of each network'),
    seed: seed('1', "random seed, as Brian2's seed(seed)"),
    rng: rng('numpy', "random numbers: numpy (numpy's legacy RandomState: Brian2's seed(S) run exactly) or fast (xoshiro128**)"),
    dt,
  };
}

export type ReliableValues = SimValues<ReturnType<typeof reliableParams>>;

/** One network's plotted data: x of every trial with its spikes drawn up to 4, I, the raster. */
export interface TrialsRun {
  t: number[];
  x: number[][];
  I: number[];
  spikes: { t: number[]; i: number[] };
}

/** numpy's rint: halves to even. */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function runTrials(drive: string, p: ReliableValues, input: NeuronGroup, random: RandomSource): TrialsRun {
  const eqs = `dx/dt = ${drive} + sigma * (2 / tau)**.5 * xi : 1
I = I_shared*int((t>t_on) and (t<t_off)) : 1
I_shared : 1 (linked)`;
  const neurons = new NeuronGroup(p.trials, eqs, {
    threshold: 'x > 1',
    reset: 'x = 0',
    refractory: p.refractory,
    method: 'euler',
    namespace: { tau: p.tau, sigma: p.sigma, gain: p.gain, t_on: p.on, t_off: p.off },
  });
  neurons.set('x', 'rand()*0.2', random);
  neurons.link('I_shared', input, 'x');
  const spikes = new SpikeMonitor(neurons);
  const M = new StateMonitor(neurons, ['x', 'I']);
  new Network([input, neurons, spikes, M], { dt: p.dt, rng: random }).run(p.duration);
  // add_spike_peak: y[rint(t/dt), i] = 4
  const x = Array.from({ length: p.trials }, (_, k) => M.trace('x', k).slice());
  spikes.t.forEach((t, k) => (x[spikes.i[k]][rint(t / p.dt)] = 4));
  return { t: ms(M.t), x, I: M.trace('I', 0), spikes: { t: ms(spikes.t), i: spikes.i } };
}

/** Both networks of the cell, drawing from one random stream as Brian's seed(S) run does. */
export function simulateReliable(drive: string, p: ReliableValues): { constant: TrialsRun; noisy: TrialsRun } {
  // One scope for both networks, as one Python process: neurongroup, neurongroup_1, then neurongroup_2, neurongroup_3.
  return withNameScope(() => bothRuns(drive, p));
}

function bothRuns(drive: string, p: ReliableValues): { constant: TrialsRun; noisy: TrialsRun } {
  const random = brianSource(p.rng, p.seed);
  const constant = runTrials(drive, p, new NeuronGroup(1, 'x = input : 1', { method: 'euler', namespace: { input: p.input } }), random);
  const noisyInput = new NeuronGroup(1, 'dx/dt = (input-x) / tau_input + (2 /tau_input)**.5 * xi : 1', {
    method: 'euler',
    namespace: { input: p.input, tau_input: p.tauInput },
  });
  return { constant, noisy: runTrials(drive, p, noisyInput, random) };
}

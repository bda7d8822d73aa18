/**
 * Notebook section "LIF with synapses" (cell 15): the input spikes kick a current I that
 * decays with tau_i and drives v: dv/dt = (gain·I − v)/tau. v above, I below.
 */
import { axhline, plot } from '../../data/marks.js';
import { figure } from '../figure.js';
import { num, timeConstant } from '../../options/params.js';
import { carried, timeText } from '../checks.js';
import { inputProblems, inputsInRun } from './input-train.js';
import { lifRunParams, runLif } from './lif-model.js';

/**
 * Euler's factors (1 - dt/tau_i), (1 - dt/tau) are below 1 in size (--dt is checked against
 * both). So |I| is at most |w| per input spike; and v, relaxing towards gain·I, stays within
 * |gain|·max|I| times (dt/tau)/(1 - |1 - dt/tau|), which is 1 while dt ≤ tau. The option that
 * overflows is blamed: --w for I, then the larger of --gain and --w for v.
 */
function synapseReach({ tau, tauI, gain, w, isi, duration, dt }: { tau: number; tauI: number; gain: number; w: number; isi: number; duration: number; dt: number }) {
  const inputs = inputsInRun(isi, duration, dt);
  const hint = 'use a smaller --gain or --w, or fewer input spikes in the run (a larger --isi or a shorter --duration)';
  const current = carried('w', w, 'I', { perUnit: inputs, rate: Math.max(1, 1 / tauI), update: `Euler's -I/tau_i (--tau-i ${timeText(tauI)})`, hint });
  if (current.length) return current;
  const k = Math.max(1, dt / tau / (1 - Math.abs(1 - dt / tau)));
  const [param, value, other]: [string, number, number] = Math.abs(gain) >= Math.abs(w) ? ['gain', gain, w] : ['w', w, gain];
  return carried(param, value, 'v', { perUnit: Math.abs(other) * inputs * k, rate: Math.max(1, 1 / tau), update: `Euler's (gain*I - v)/tau (--tau ${timeText(tau)})`, hint });
}

export const lifSynapses = figure({
  name: 'lif-synapses',
  section: 'LIF with synapses',
  summary: 'a leaky integrate-and-fire neuron driven by an exponentially decaying synaptic current',
  figsize: [4, 6],
  dpi: 150,
  method: 'euler',
  params: {
    tau: timeConstant('15ms', 'membrane time constant'),
    tauI: timeConstant('5ms', 'decay time constant of the input current I'),
    gain: num('4', 'gain of I in dv/dt = (gain*I - v)/tau'),
    w: num('0.6', 'jump of I at each input spike'),
    ...lifRunParams,
  },
  cost: { neurons: 1, samplesPerStep: 2 },
  check: synapseReach,
  checkInputs: ({ isi, duration, dt }) => inputProblems(isi, duration, dt),

  simulate: ({ tau, tauI, gain, w, isi, threshold, duration, dt }) =>
    runLif({
      eqs: 'dv/dt = (gain*I-v)/tau : 1\ndI/dt = -I/tau_i : 1',
      onPre: 'I += w',
      namespace: { tau, tau_i: tauI, gain, w },
      threshold, isi, duration, dt,
      record: ['v', 'I'],
    }),

  plot: ({ t, v, I }, { threshold }) => [
    {
      id: 'v',
      ylabel: 'v',
      row: 0,
      marks: [plot(t, v, { id: 'v', label: 'v' }), axhline(threshold, { id: 'threshold', ls: '--', c: 'g', lw: 2 })],
    },
    { id: 'I', xlabel: 'Time (ms)', ylabel: 'Input current $I$', row: 1, marks: [plot(t, I, { id: 'I', label: 'I', c: 'C1' })] },
  ],
});

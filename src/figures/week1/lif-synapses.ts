/**
 * Notebook section "LIF with synapses" (cell 15): the input spikes kick a current I that
 * decays with tau_i and drives v: dv/dt = (gain·I − v)/tau. v above, I below.
 */
import { axhline, plot } from '../../data/marks.js';
import { figure } from '../figure.js';
import { num, timeConstant } from '../../options/params.js';
import { inputProblems } from './input-train.js';
import { lifRunParams, runLif } from './lif-model.js';

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

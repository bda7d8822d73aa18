/**
 * Notebook section "Leaky integrate and fire neuron" (cell 9): dv/dt = -v/tau, kicked by w at
 * every input spike, reset to 0 above the threshold.
 */
import { axhline, plot } from '../../data/marks.js';
import { figure } from '../figure.js';
import { num, timeConstant } from '../../options/params.js';
import { carried, timeText } from '../checks.js';
import { inputProblems, inputsInRun } from './input-train.js';
import { lifRunParams, runLif } from './lif-model.js';

export const lif = figure({
  name: 'lif',
  section: 'Leaky integrate and fire neuron',
  summary: 'a leaky integrate-and-fire neuron kicked by input spikes',
  figsize: [8, 3],
  dpi: 100,
  method: 'euler',
  params: {
    tau: timeConstant('15ms', 'membrane time constant'),
    w: num('0.6', 'jump of v at each input spike'),
    ...lifRunParams,
  },
  cost: { neurons: 1, samplesPerStep: 1 },
  // v starts at 0 and Euler's factor (1 - dt/tau) is below 1 in size (--dt is checked against
  // --tau), so |v| never exceeds the sum of its jumps: |w| per input spike of the run.
  check: ({ tau, w, isi, duration, dt }) =>
    carried('w', w, 'v', {
      perUnit: inputsInRun(isi, duration, dt),
      rate: Math.max(1, 1 / tau),
      update: `Euler's -v/tau (--tau ${timeText(tau)})`,
      hint: 'use a smaller --w, or fewer input spikes in the run (a larger --isi or a shorter --duration)',
    }),
  checkInputs: ({ isi, duration, dt }) => inputProblems(isi, duration, dt),

  simulate: ({ tau, w, isi, threshold, duration, dt }) =>
    runLif({ eqs: 'dv/dt = -v/tau : 1', onPre: 'v += w', namespace: { tau, w }, threshold, isi, duration, dt, record: ['v'] }),

  plot: ({ t, v }, { threshold }) => ({
    id: 'v',
    xlabel: 'Time (ms)',
    ylabel: 'v',
    marks: [plot(t, v, { id: 'v' }), axhline(threshold, { id: 'threshold', ls: '--', c: 'g', lw: 2 })],
  }),
});

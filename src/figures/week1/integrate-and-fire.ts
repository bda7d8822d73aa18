/**
 * Notebook section "Integrate and fire neuron" (cell 7): a perfect integrator, dv/dt = 0,
 * kicked by w at every input spike, reset to 0 above the threshold.
 */
import { axhline, plot } from '../../data/marks.js';
import { figure } from '../figure.js';
import { num } from '../../options/params.js';
import { carried } from '../checks.js';
import { inputProblems, inputsInRun } from './input-train.js';
import { lifRunParams, runLif } from './lif-model.js';

export const integrateAndFire = figure({
  name: 'integrate-and-fire',
  section: 'Integrate and fire neuron',
  summary: 'a perfect integrator kicked by input spikes, reset when it crosses the threshold',
  figsize: [8, 3],
  dpi: 100,
  method: 'euler',
  params: {
    w: num('0.3', 'jump of v at each input spike'),
    ...lifRunParams,
  },
  cost: { neurons: 1, samplesPerStep: 1 },
  // v only integrates its jumps (no leak): |v| is at most |w| per input spike of the run.
  check: ({ w, isi, duration, dt }) =>
    carried('w', w, 'v', {
      perUnit: inputsInRun(isi, duration, dt),
      update: 'v += w',
      hint: 'use a smaller --w, or fewer input spikes in the run (a larger --isi or a shorter --duration)',
    }),
  checkInputs: ({ isi, duration, dt }) => inputProblems(isi, duration, dt),

  simulate: ({ w, isi, threshold, duration, dt }) =>
    runLif({ eqs: 'dv/dt = 0/second : 1', onPre: 'v += w', namespace: { w }, threshold, isi, duration, dt, record: ['v'] }),

  plot: ({ t, v }, { threshold }) => ({
    id: 'v',
    xlabel: 'Time (ms)',
    ylabel: 'v',
    marks: [plot(t, v, { id: 'v' }), axhline(threshold, { id: 'threshold', ls: '--', c: 'g', lw: 2 })],
  }),
});

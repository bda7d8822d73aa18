/**
 * Notebook section "Adaptive threshold LIF neuron" (cell 17): two neurons share one input
 * (every 2 ms); each spike raises the threshold vt by dvt·i, so neuron 0 is a standard LIF and
 * neuron 1 adapts, vt relaxing back to 1 with tau_t.
 */
import { Network, NeuronGroup, StateMonitor, Synapses } from '../../sim/index.js';
import { ms } from '../common.js';
import { figure } from '../figure.js';
import { plot } from '../../data/marks.js';
import { dt, duration, num, timeConstant } from '../../options/params.js';
import type { Panel } from '../../data/types.js';
import { carried, stepsOf, timeText } from '../checks.js';
import { inputProblems, inputsInRun, inputTrain, isiParam } from './input-train.js';

export const adaptiveThreshold = figure({
  name: 'adaptive-threshold',
  section: 'Adaptive threshold LIF neuron',
  summary: 'a standard LIF beside one whose threshold jumps at each spike and relaxes back',
  figsize: [8, 4],
  dpi: 100,
  method: 'euler',
  params: {
    tau: timeConstant('15ms', 'membrane time constant'),
    tauT: timeConstant('50ms', 'time constant of the threshold vt relaxing to 1'),
    dvt: num('0.4', 'threshold increase per spike of the adaptive neuron (reset vt += dvt*i)'),
    w: num('0.3', 'jump of v at each input spike'),
    isi: isiParam('2ms'),
    duration: duration('150ms'),
    dt,
  },
  cost: { neurons: 2, samplesPerStep: 4 },
  // Euler's factors (1 - dt/tau), (1 - dt/tau_t) are below 1 in size (--dt is checked against
  // both), so |v| is at most |w| per input spike, and |vt - 1| at most |dvt| per output spike:
  // one per step at most (a negative --dvt can put vt below 0 = v after a reset).
  check: ({ tau, tauT, dvt, w, isi, duration, dt }) => [
    ...carried('w', w, 'v', {
      perUnit: inputsInRun(isi, duration, dt),
      rate: Math.max(1, 1 / tau),
      update: `Euler's -v/tau (--tau ${timeText(tau)})`,
      hint: 'use a smaller --w, or fewer input spikes in the run (a larger --isi or a shorter --duration)',
    }),
    ...carried('dvt', dvt, 'vt', {
      perUnit: stepsOf(duration, dt),
      base: 1,
      rate: Math.max(1, 1 / tauT),
      update: `Euler's (1-vt)/tau_t (--tau-t ${timeText(tauT)})`,
      hint: 'use a smaller --dvt, or a shorter --duration',
    }),
  ],
  checkInputs: ({ isi, duration, dt }) => inputProblems(isi, duration, dt),

  simulate({ tau, tauT, dvt, w, isi, duration, dt }) {
    const namespace = { tau, tau_t: tauT, dvt, w };
    const eqs = 'dv/dt = -v/tau : 1\ndvt/dt = (1-vt)/tau_t : 1';
    const G_out = new NeuronGroup(2, eqs, { threshold: 'v>vt', reset: 'v=0; vt+=dvt*i', method: 'euler', namespace });
    G_out.set('vt', 1);
    const G_in = inputTrain(isi);
    const S = new Synapses(G_in, G_out, { onPre: 'v += w', namespace }).connectAll();
    const M = new StateMonitor(G_out, ['v', 'vt']);
    new Network([G_out, G_in, S, M], { dt }).run(duration);
    const neuron = (k: number) => ({ v: M.trace('v', k), vt: M.trace('vt', k) });
    return { t: ms(M.t), standard: neuron(0), adaptive: neuron(1) };
  },

  plot({ t, standard, adaptive }) {
    const panel = (id: string, title: string, n: { v: number[]; vt: number[] }, row: number): Panel => ({
      id,
      title,
      ylabel: 'v',
      row,
      marks: [plot(t, n.v, { id: 'v' }), plot(t, n.vt, { id: 'vt', ls: '--', c: 'g', lw: 2 })],
    });
    return [panel('standard', 'Standard LIF', standard, 0), { ...panel('adaptive', 'Adaptive threshold', adaptive, 1), xlabel: 'Time (ms)' }];
  },
});

/**
 * Notebook section "Coincidence detection": a leaky neuron receives four spikes; two close
 * together sum past the threshold line, two far apart do not.
 */
import { Network, NeuronGroup, SpikeGeneratorGroup, StateMonitor, Synapses } from '../../sim/index.js';
import { ms } from '../common.js';
import { figure } from '../figure.js';
import { axhline, plot } from '../../data/marks.js';
import { dt, duration, method, num, timeConstant, times } from '../../options/params.js';

export const coincidence = figure({
  name: 'coincidence',
  section: 'Coincidence detection',
  summary: 'a leaky neuron sums near-coincident input spikes past a threshold',
  figsize: [8, 2],
  dpi: 200,
  params: {
    tau: timeConstant('5ms', 'membrane time constant'),
    w: num('0.6', 'synaptic weight (jump of v per input spike)'),
    spikes: times('10,11,50,60ms', 'input spike times').min(0).generatorTimes(),
    threshold: num('1', 'threshold drawn as a dashed line').plotOnly(),
    duration: duration('100ms'),
    method: method('exact'),
    dt,
  },
  cost: { neurons: 1, samplesPerStep: 2 },

  simulate({ tau, w, spikes, duration, method, dt }) {
    const G = new NeuronGroup(1, 'dv/dt = -v/tau : 1', { method, namespace: { tau } });
    const H = new SpikeGeneratorGroup(1, spikes.map(() => 0), spikes);
    const S = new Synapses(H, G, { onPre: 'v += w', namespace: { w } }).connectAll();
    const M = new StateMonitor(G, ['v']);
    new Network([H, G, S, M], { dt }).run(duration);
    return { t: ms(M.t), v: M.trace('v') };
  },

  plot: ({ t, v }, { threshold }) => ({
    id: 'coincidence',
    xlabel: 'Time (ms)',
    ylabel: 'Membrane potential',
    yticks: false,
    marks: [plot(t, v, { id: 'v' }), axhline(threshold, { id: 'hline-0', c: '#008000', ls: '--' })],
  }),
});

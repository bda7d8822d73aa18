/**
 * Notebook section "Level of abstraction": one input spike modifies the membrane potential
 * directly, a current, or a conductance; the three PSPs are compared (the last two normalised).
 */
import { Network, NeuronGroup, StateMonitor } from '../../sim/index.js';
import { distinct } from '../checks.js';
import { ms, normed } from '../common.js';
import { figure } from '../figure.js';
import { plot } from '../../data/marks.js';
import { dt, duration, method, time, timeConstant } from '../../options/params.js';

const EQUATIONS = `
dv/dt = -v/tau : 1
du/dt = ((taux/tau)**(-tau/(tau-taux))*x - u)/tau : 1
dx/dt = -x/taux : 1
dz/dt = (I - z)/tau : 1
I = g*(z + 1) : 1
dg/dt = -g/taug : 1
`;

export const pspAbstraction = figure({
  name: 'psp-abstraction',
  section: 'Level of abstraction',
  summary: 'PSP when a spike modifies the membrane potential, a current or a conductance',
  figsize: [5, 5],
  dpi: 200,
  params: {
    tau: timeConstant('10ms', 'membrane time constant'),
    tauX: timeConstant('8ms', 'synaptic current time constant (must differ from tau)'),
    tauG: timeConstant('8ms', 'conductance time constant'),
    spikeTime: time('10ms', 'time of the input spike').min(0).splitsRun(),
    duration: duration('100ms'),
    method: method('euler'),
    dt,
  },
  notExact: 'the conductance input I = g*(z + 1) makes dz/dt non-linear',
  check: (p) => distinct('tau-x', p.tauX, 'tau', p.tau, 'the current kernel (taux/tau)**(-tau/(tau-taux)) divides by tau - taux'),
  cost: { neurons: 1, samplesPerStep: 6 },

  simulate({ tau, tauX, tauG, spikeTime, duration, method, dt }) {
    const G = new NeuronGroup(1, EQUATIONS, { method, namespace: { tau, taux: tauX, taug: tauG } });
    const M = new StateMonitor(G, ['v', 'u', 'z']);
    const net = new Network([G, M], { dt });
    net.run(spikeTime);
    G.set('v', 1);
    G.set('x', 1);
    G.set('g', 1);
    net.run(duration - spikeTime);
    return { t: ms(M.t), v: M.trace('v'), u: M.trace('u'), z: M.trace('z') };
  },

  plot: ({ t, v, u, z }) => ({
    id: 'psp-abstraction',
    title: 'Postsynaptic potentials',
    xlabel: 'Time (ms)',
    ylabel: 'Normalised membrane potential',
    yticks: false,
    legend: true,
    marks: [
      plot(t, v, { id: 'membrane', label: 'Spike modifies membrane potential' }),
      plot(t, normed(u), { id: 'current', label: 'Spike modifies current' }),
      plot(t, normed(z), { id: 'conductance', label: 'Spike modifies conductance' }),
    ],
  }),
});

/**
 * Notebook section "Level of abstraction": one input spike modifies the membrane potential
 * directly, a current, or a conductance; the three PSPs are compared (the last two normalised).
 */
import { Network, NeuronGroup, StateMonitor, type Method } from '../sim/index.js';
import { distinct, durationOnGrid, enoughSteps, notExact, runSplit, stableStep, stepsOf } from './checks.js';
import { ms, normed } from './common.js';
import { DT_PARAM, methodParam, positiveTime, type FigureModule, type Params } from './spec.js';

const EQUATIONS = `
dv/dt = -v/tau : 1
du/dt = ((taux/tau)**(-tau/(tau-taux))*x - u)/tau : 1
dx/dt = -x/taux : 1
dz/dt = (I - z)/tau : 1
I = g*(z + 1) : 1
dg/dt = -g/taug : 1
`;

export const pspAbstraction: FigureModule = {
  name: 'psp-abstraction',
  section: 'Level of abstraction',
  summary: 'PSP when a spike modifies the membrane potential, a current or a conductance',
  figsize: [5, 5],
  dpi: 200,
  params: [
    positiveTime('tau', '10ms', 'membrane time constant'),
    positiveTime('tau-x', '8ms', 'synaptic current time constant (must differ from tau)'),
    positiveTime('tau-g', '8ms', 'conductance time constant'),
    { name: 'spike-time', kind: 'time', default: '10ms', help: 'time of the input spike', min: 0 },
    positiveTime('duration', '100ms', 'simulated time'),
    methodParam('euler'),
    DT_PARAM,
  ],
  check: (p) => [
    ...notExact(p.method as string, 'the conductance input I = g*(z + 1) makes dz/dt non-linear'),
    ...distinct('tau-x', p['tau-x'] as number, 'tau', p.tau as number, 'the current kernel (taux/tau)**(-tau/(tau-taux)) divides by tau - taux'),
    ...stableStep(p.method as string, p.dt as number, { tau: p.tau as number, 'tau-x': p['tau-x'] as number, 'tau-g': p['tau-g'] as number }, false),
    ...enoughSteps(p.duration as number, p.dt as number),
    ...runSplit('spike-time', p['spike-time'] as number, p.duration as number, p.dt as number),
    ...durationOnGrid(p.duration as number, p.dt as number),
  ],
  cost: (p) => {
    const steps = stepsOf(p.duration as number, p.dt as number);
    return { neuronSteps: steps, samples: 6 * steps };
  },
  build(p: Params) {
    const G = new NeuronGroup(1, EQUATIONS, {
      method: p.method as Method,
      namespace: { tau: p.tau as number, taux: p['tau-x'] as number, taug: p['tau-g'] as number },
    });
    const M = new StateMonitor(G, ['v', 'u', 'z']);
    const net = new Network([G, M], { dt: p.dt as number });
    net.run(p['spike-time'] as number);
    G.set('v', 1);
    G.set('x', 1);
    G.set('g', 1);
    net.run((p.duration as number) - (p['spike-time'] as number));
    const t = ms(M.t);
    return {
      figure: 'psp-abstraction',
      params: {},
      paramUnits: {},
      layout: { rows: 1, cols: 1 },
      panels: [
        {
          id: 'psp-abstraction',
          title: 'Postsynaptic potentials',
          xlabel: 'Time (ms)',
          ylabel: 'Normalised membrane potential',
          yticks: false,
          legend: true,
          series: [
            { id: 'membrane', label: 'Spike modifies membrane potential', x: t, y: M.trace('v') },
            { id: 'current', label: 'Spike modifies current', x: t, y: normed(M.trace('u')) },
            { id: 'conductance', label: 'Spike modifies conductance', x: t, y: normed(M.trace('z')) },
          ],
        },
      ],
    };
  },
};

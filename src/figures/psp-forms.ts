/**
 * Notebook section "Postsynaptic potential forms": exponential, alpha and biexponential PSPs
 * from one spike, each normalised to its peak. `--forms` builds the slide variants.
 */
import { Network, NeuronGroup, StateMonitor, type Method } from '../sim/index.js';
import { durationOnGrid, enoughSteps, runSplit, stableStep, stepsOf } from './checks.js';
import { ms, normed } from './common.js';
import { DT_PARAM, methodParam, positiveTime, type FigureModule, type Params } from './spec.js';
import type { Series } from './types.js';

const EQUATIONS = `
dv/dt = -v/tau : 1
du/dt = (x - u)/tau : 1
dx/dt = -x/tau : 1
dz/dt = (I - z)/tau : 1
dI/dt = -I/tau2 : 1
`;

const FORMS = ['exponential', 'alpha', 'biexponential'] as const;

export const pspForms: FigureModule = {
  name: 'psp-forms',
  section: 'Postsynaptic potential forms',
  summary: 'exponential, alpha and biexponential PSP shapes, normalised',
  figsize: [7, 2],
  dpi: 200,
  params: [
    positiveTime('tau', '10ms', 'membrane (and alpha) time constant'),
    positiveTime('tau2', '2ms', 'rise time constant of the biexponential'),
    { name: 'spike-time', kind: 'time', default: '5ms', help: 'time of the input spike', min: 0 },
    positiveTime('duration', '50ms', 'simulated time'),
    methodParam('euler'),
    { name: 'forms', kind: 'choices', default: FORMS.join(','), choices: FORMS, help: 'which PSP forms to draw, in order' },
    DT_PARAM,
  ],
  variants: [
    { name: 'psp-forms-exponential', args: ['--forms', 'exponential'], description: 'slide 1: the exponential PSP alone' },
    { name: 'psp-forms-alpha', args: ['--forms', 'exponential,alpha'], description: 'slide 2: exponential and alpha' },
  ],
  check: (p) => [
    ...stableStep(p.method as string, p.dt as number, { tau: p.tau as number, tau2: p.tau2 as number }),
    ...enoughSteps(p.duration as number, p.dt as number),
    ...runSplit('spike-time', p['spike-time'] as number, p.duration as number, p.dt as number),
    ...durationOnGrid(p.duration as number, p.dt as number),
  ],
  cost: (p) => {
    const steps = stepsOf(p.duration as number, p.dt as number);
    return { neuronSteps: steps, samples: 6 * steps };
  },
  build(p: Params) {
    const G = new NeuronGroup(1, EQUATIONS, { method: p.method as Method, namespace: { tau: p.tau as number, tau2: p.tau2 as number } });
    const M = new StateMonitor(G, ['v', 'u', 'z']);
    const net = new Network([G, M], { dt: p.dt as number });
    net.run(p['spike-time'] as number);
    G.set('v', 1);
    G.set('x', 1);
    G.set('I', 1);
    net.run((p.duration as number) - (p['spike-time'] as number));
    const t = ms(M.t);
    const all: Record<string, Series> = {
      exponential: { id: 'exponential', label: 'Exponential', x: t, y: normed(M.trace('v')) },
      alpha: { id: 'alpha', label: 'Alpha', x: t, y: normed(M.trace('u')) },
      biexponential: { id: 'biexponential', label: 'Biexponential', x: t, y: normed(M.trace('z')) },
    };
    // Each form keeps its colour of the full figure (matplotlib's C0, C1, C2), so slides build up.
    const series = (p.forms as string[]).map((f) => ({ ...all[f], color: `C${FORMS.indexOf(f as (typeof FORMS)[number])}` }));
    return {
      figure: 'psp-forms',
      params: {},
      paramUnits: {},
      layout: { rows: 1, cols: 1 },
      panels: [{ id: 'psp-forms', xlabel: 'Time (ms)', yticks: false, legend: true, series }],
    };
  },
};

/**
 * Notebook section "Postsynaptic potential forms": exponential, alpha and biexponential PSPs
 * from one spike, each normalised to its peak. `--forms` (plot-only) builds the slide variants.
 */
import { Network, NeuronGroup, StateMonitor } from '../../sim/index.js';
import { ms, normed } from '../common.js';
import { figure } from '../figure.js';
import { plot } from '../../data/marks.js';
import { choices, dt, duration, method, time, timeConstant } from '../../options/params.js';

const EQUATIONS = `
dv/dt = -v/tau : 1
du/dt = (x - u)/tau : 1
dx/dt = -x/tau : 1
dz/dt = (I - z)/tau : 1
dI/dt = -I/tau2 : 1
`;

const FORMS = ['exponential', 'alpha', 'biexponential'] as const;
const LABELS = { exponential: 'Exponential', alpha: 'Alpha', biexponential: 'Biexponential' };

export const pspForms = figure({
  name: 'psp-forms',
  section: 'Postsynaptic potential forms',
  summary: 'exponential, alpha and biexponential PSP shapes, normalised',
  figsize: [7, 2],
  dpi: 200,
  params: {
    tau: timeConstant('10ms', 'membrane (and alpha) time constant'),
    tau2: timeConstant('2ms', 'rise time constant of the biexponential'),
    spikeTime: time('5ms', 'time of the input spike').min(0).splitsRun(),
    duration: duration('50ms'),
    method: method('euler'),
    forms: choices(FORMS, FORMS.join(','), 'which PSP forms to draw, in order').plotOnly(),
    dt,
  },
  variants: [
    { name: 'psp-forms-exponential', set: { forms: 'exponential' }, description: 'slide 1: the exponential PSP alone' },
    { name: 'psp-forms-alpha', set: { forms: 'exponential,alpha' }, description: 'slide 2: exponential and alpha' },
  ],
  cost: { neurons: 1, samplesPerStep: 6 },

  simulate({ tau, tau2, spikeTime, duration, method, dt }) {
    const G = new NeuronGroup(1, EQUATIONS, { method, namespace: { tau, tau2 } });
    const M = new StateMonitor(G, ['v', 'u', 'z']);
    const net = new Network([G, M], { dt });
    net.run(spikeTime);
    G.set('v', 1);
    G.set('x', 1);
    G.set('I', 1);
    net.run(duration - spikeTime);
    return { t: ms(M.t), exponential: normed(M.trace('v')), alpha: normed(M.trace('u')), biexponential: normed(M.trace('z')) };
  },

  plot: (r, { forms }) => ({
    id: 'psp-forms',
    xlabel: 'Time (ms)',
    yticks: false,
    legend: true,
    // Each form keeps its colour of the full figure (matplotlib's C0, C1, C2), so slides build up.
    marks: forms.map((form) => plot(r.t, r[form], { id: form, label: LABELS[form], c: `C${FORMS.indexOf(form)}` })),
  }),
});

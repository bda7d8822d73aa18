/**
 * Notebook section "Short term synaptic plasticity": the Tsodyks–Markram synapse, once
 * depressing and once facilitating, driven by the same spike train. Top row: the PSPs;
 * bottom row: the utilisation u and resources x. `--panels` (plot-only) builds the slide variants.
 */
import { Network, NeuronGroup, SpikeGeneratorGroup, StateMonitor, Synapses, type Method } from '../../sim/index.js';
import { ms } from '../common.js';
import { figure } from '../figure.js';
import { plot } from '../../data/marks.js';
import { choice, dt, duration, method, num, times, timeConstant } from '../../options/params.js';
import type { Panel } from '../../data/types.js';

const EQUATIONS = `
dv/dt = -v/tau : 1
du/dt = -u/tauf : 1
dx/dt = (1 - x)/taud : 1
`;

/** The notebook's runit(): one synapse type driven by the spike train. */
function runit(tau: number, tauf: number, taud: number, U: number, run: { spikes: readonly number[]; duration: number; method: Method; dt: number }) {
  const H = new SpikeGeneratorGroup(1, run.spikes.map(() => 0), [...run.spikes]);
  const G = new NeuronGroup(1, EQUATIONS, { method: run.method, namespace: { tau, tauf, taud } });
  G.set('x', 1);
  const S = new Synapses(H, G, { onPre: 'u += U*(1-u); v += u*x; x -= u*x', namespace: { U } }).connectAll();
  const M = new StateMonitor(G, ['v', 'u', 'x']);
  new Network([H, G, S, M], { dt: run.dt }).run(run.duration);
  return { t: ms(M.t), v: M.trace('v'), u: M.trace('u'), x: M.trace('x') };
}
type Run = ReturnType<typeof runit>;

const SYNAPSES = { depression: 'Depression', facilitation: 'Facilitation' } as const;
type Synapse = keyof typeof SYNAPSES;
/** Which panels each --panels draws, row by row: a synapse's PSP or its u and x. */
const GRIDS: Record<string, [Synapse, 'psp' | 'ux'][][]> = {
  all: [
    [['depression', 'psp'], ['facilitation', 'psp']],
    [['depression', 'ux'], ['facilitation', 'ux']],
  ],
  psp: [[['depression', 'psp'], ['facilitation', 'psp']]],
  ux: [[['depression', 'ux'], ['facilitation', 'ux']]],
  depression: [[['depression', 'psp']]],
  facilitation: [[['facilitation', 'psp']]],
};

export const stp = figure({
  name: 'stp',
  section: 'Short term synaptic plasticity',
  summary: 'depressing and facilitating synapses (Tsodyks–Markram): PSPs and u, x',
  figsize: [8, 5],
  dpi: 200,
  params: {
    tau: timeConstant('10ms', 'membrane time constant'),
    depU: num('0.45', 'U of the depressing synapse').min(0).max(1),
    depTauF: timeConstant('50ms', 'facilitation time constant of the depressing synapse'),
    depTauD: timeConstant('750ms', 'recovery time constant of the depressing synapse'),
    facU: num('0.15', 'U of the facilitating synapse').min(0).max(1),
    facTauF: timeConstant('750ms', 'facilitation time constant of the facilitating synapse'),
    facTauD: timeConstant('50ms', 'recovery time constant of the facilitating synapse'),
    spikes: times('50,100,150,200,250ms', 'presynaptic spike times').min(0).generatorTimes(),
    duration: duration('300ms'),
    method: method('euler'),
    panels: choice(
      ['all', 'psp', 'ux', 'depression', 'facilitation'],
      'all',
      'all = the 2×2 grid; psp / ux = one row; depression / facilitation = the top panel of one synapse alone',
    ).plotOnly(),
    dt,
  },
  variants: [
    { name: 'stp-depression', set: { panels: 'depression' }, description: 'slide: the depressing synapse PSP alone' },
    { name: 'stp-facilitation', set: { panels: 'facilitation' }, description: 'slide: the facilitating synapse PSP alone' },
    { name: 'stp-ux', set: { panels: 'ux' }, figsize: [8, 2.9], description: 'slide: the u and x row alone' },
  ],
  cost: { neurons: 2, samplesPerStep: 8 },

  simulate: ({ tau, depU, depTauF, depTauD, facU, facTauF, facTauD, ...run }) => ({
    depression: runit(tau, depTauF, depTauD, depU, run),
    facilitation: runit(tau, facTauF, facTauD, facU, run),
  }),

  // As in the notebook: titles over the top row, "Time (ms)" under the bottom row,
  // "PSP" beside the left PSP panel only, y ticks hidden on PSP panels.
  plot: (runs, { panels }) =>
    GRIDS[panels].flatMap((cells, row, grid) =>
      cells.map(([synapse, kind], col): Panel => {
        const r: Run = runs[synapse];
        const shared = { id: `${synapse}-${kind}`, title: row === 0 ? SYNAPSES[synapse] : undefined, xlabel: row === grid.length - 1 ? 'Time (ms)' : undefined, row, col };
        if (kind === 'psp') return { ...shared, ylabel: col === 0 ? 'PSP' : undefined, yticks: false, marks: [plot(r.t, r.v, { id: 'psp' })] };
        return { ...shared, legend: true, marks: [plot(r.t, r.u, { id: 'u', label: 'u' }), plot(r.t, r.x, { id: 'x', label: 'x' })] };
      }),
    ),
});

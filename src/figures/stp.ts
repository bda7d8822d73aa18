/**
 * Notebook section "Short term synaptic plasticity": the Tsodyks–Markram synapse, once
 * depressing and once facilitating, driven by the same spike train. Top row: the PSPs;
 * bottom row: the utilisation u and resources x. `--panels` builds the slide variants.
 */
import { Network, NeuronGroup, SpikeGeneratorGroup, StateMonitor, Synapses, type Method } from '../sim/index.js';
import { durationOnGrid, enoughSteps, generatorTimes, stableStep, stepsOf } from './checks.js';
import { ms } from './common.js';
import { DT_PARAM, methodParam, positiveTime, type FigureModule, type Params } from './spec.js';
import type { FigureData, Panel } from './types.js';

const EQUATIONS = `
dv/dt = -v/tau : 1
du/dt = -u/tauf : 1
dx/dt = (1 - x)/taud : 1
`;
const ON_PRE = 'u += U*(1-u); v += u*x; x -= u*x';

interface Synapse {
  tau: number;
  tauf: number;
  taud: number;
  U: number;
}

/** The notebook's runit(): one synapse type driven by the spike train. */
function runit(syn: Synapse, spikes: number[], duration: number, method: Method, dt: number) {
  const H = new SpikeGeneratorGroup(1, spikes.map(() => 0), spikes);
  const G = new NeuronGroup(1, EQUATIONS, { method, namespace: { tau: syn.tau, tauf: syn.tauf, taud: syn.taud } });
  G.set('x', 1);
  const S = new Synapses(H, G, { onPre: ON_PRE, namespace: { U: syn.U } }).connectAll();
  const M = new StateMonitor(G, ['v', 'u', 'x']);
  new Network([H, G, S, M], { dt }).run(duration);
  return { t: ms(M.t), v: M.trace('v'), u: M.trace('u'), x: M.trace('x') };
}

const PANEL_SETS = ['all', 'psp', 'ux', 'depression', 'facilitation'] as const;

export const stp: FigureModule = {
  name: 'stp',
  section: 'Short term synaptic plasticity',
  summary: 'depressing and facilitating synapses (Tsodyks–Markram): PSPs and u, x',
  figsize: [8, 5],
  dpi: 200,
  params: [
    positiveTime('tau', '10ms', 'membrane time constant'),
    { name: 'dep-u', kind: 'number', default: '0.45', help: 'U of the depressing synapse', min: 0, max: 1 },
    positiveTime('dep-tau-f', '50ms', 'facilitation time constant of the depressing synapse'),
    positiveTime('dep-tau-d', '750ms', 'recovery time constant of the depressing synapse'),
    { name: 'fac-u', kind: 'number', default: '0.15', help: 'U of the facilitating synapse', min: 0, max: 1 },
    positiveTime('fac-tau-f', '750ms', 'facilitation time constant of the facilitating synapse'),
    positiveTime('fac-tau-d', '50ms', 'recovery time constant of the facilitating synapse'),
    { name: 'spikes', kind: 'times', default: '50,100,150,200,250ms', help: 'presynaptic spike times', min: 0 },
    positiveTime('duration', '300ms', 'simulated time'),
    methodParam('euler'),
    {
      name: 'panels',
      kind: 'choice',
      default: 'all',
      choices: PANEL_SETS,
      help: 'all = the 2×2 grid; psp / ux = one row; depression / facilitation = the top panel of one synapse alone',
    },
    DT_PARAM,
  ],
  variants: [
    { name: 'stp-depression', args: ['--panels', 'depression'], description: 'slide: the depressing synapse PSP alone' },
    { name: 'stp-facilitation', args: ['--panels', 'facilitation'], description: 'slide: the facilitating synapse PSP alone' },
    { name: 'stp-ux', args: ['--panels', 'ux', '--figsize', '8x2.9'], description: 'slide: the u and x row alone' },
  ],
  check: (p) => [
    ...stableStep(p.method as string, p.dt as number, {
      tau: p.tau as number,
      'dep-tau-f': p['dep-tau-f'] as number,
      'dep-tau-d': p['dep-tau-d'] as number,
      'fac-tau-f': p['fac-tau-f'] as number,
      'fac-tau-d': p['fac-tau-d'] as number,
    }),
    ...enoughSteps(p.duration as number, p.dt as number),
    ...generatorTimes('spikes', p.spikes as number[], p.duration as number, p.dt as number),
    ...durationOnGrid(p.duration as number, p.dt as number),
  ],
  cost: (p) => {
    const steps = stepsOf(p.duration as number, p.dt as number);
    return { neuronSteps: 2 * steps, samples: 8 * steps };
  },
  build(p: Params): FigureData {
    const spikes = p.spikes as number[];
    const duration = p.duration as number;
    const method = p.method as Method;
    const dt = p.dt as number;
    const dep = runit({ tau: p.tau as number, tauf: p['dep-tau-f'] as number, taud: p['dep-tau-d'] as number, U: p['dep-u'] as number }, spikes, duration, method, dt);
    const fac = runit({ tau: p.tau as number, tauf: p['fac-tau-f'] as number, taud: p['fac-tau-d'] as number, U: p['fac-u'] as number }, spikes, duration, method, dt);

    const runs = { depression: dep, facilitation: fac };
    const titles = { depression: 'Depression', facilitation: 'Facilitation' };
    type Cell = { synapse: keyof typeof runs; kind: 'psp' | 'ux' };
    const layouts: Record<string, Cell[][]> = {
      all: [
        [{ synapse: 'depression', kind: 'psp' }, { synapse: 'facilitation', kind: 'psp' }],
        [{ synapse: 'depression', kind: 'ux' }, { synapse: 'facilitation', kind: 'ux' }],
      ],
      psp: [[{ synapse: 'depression', kind: 'psp' }, { synapse: 'facilitation', kind: 'psp' }]],
      ux: [[{ synapse: 'depression', kind: 'ux' }, { synapse: 'facilitation', kind: 'ux' }]],
      depression: [[{ synapse: 'depression', kind: 'psp' }]],
      facilitation: [[{ synapse: 'facilitation', kind: 'psp' }]],
    };
    const grid = layouts[p.panels as string];
    // As in the notebook: titles over the top row, "Time (ms)" under the bottom row,
    // "PSP" beside the left PSP panel only, y ticks hidden on PSP panels.
    const panels = grid.flatMap((cells, row) =>
      cells.map(({ synapse, kind }, col): Panel => {
        const r = runs[synapse];
        const shared = {
          id: `${synapse}-${kind}`,
          title: row === 0 ? titles[synapse] : undefined,
          xlabel: row === grid.length - 1 ? 'Time (ms)' : undefined,
          row,
          col,
        };
        if (kind === 'psp')
          return { ...shared, ylabel: col === 0 ? 'PSP' : undefined, yticks: false, series: [{ id: 'psp', x: r.t, y: r.v }] };
        return {
          ...shared,
          legend: true,
          series: [
            { id: 'u', label: 'u', x: r.t, y: r.u },
            { id: 'x', label: 'x', x: r.t, y: r.x },
          ],
        };
      }),
    );
    return { figure: 'stp', params: {}, paramUnits: {}, layout: { rows: grid.length, cols: grid[0].length }, panels };
  },
};

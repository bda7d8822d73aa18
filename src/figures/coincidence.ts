/**
 * Notebook section "Coincidence detection": a leaky neuron receives four spikes; two close
 * together sum past the threshold line, two far apart do not.
 */
import { Network, NeuronGroup, SpikeGeneratorGroup, StateMonitor, Synapses, type Method } from '../sim/index.js';
import { durationOnGrid, enoughSteps, generatorTimes, stableStep, stepsOf } from './checks.js';
import { ms } from './common.js';
import { DT_PARAM, methodParam, positiveTime, type FigureModule, type Params } from './spec.js';

export const coincidence: FigureModule = {
  name: 'coincidence',
  section: 'Coincidence detection',
  summary: 'a leaky neuron sums near-coincident input spikes past a threshold',
  figsize: [8, 2],
  dpi: 200,
  params: [
    positiveTime('tau', '5ms', 'membrane time constant'),
    { name: 'w', kind: 'number', default: '0.6', help: 'synaptic weight (jump of v per input spike)' },
    { name: 'spikes', kind: 'times', default: '10,11,50,60ms', help: 'input spike times', min: 0 },
    { name: 'threshold', kind: 'number', default: '1', help: 'threshold drawn as a dashed line' },
    positiveTime('duration', '100ms', 'simulated time'),
    methodParam('exact'),
    DT_PARAM,
  ],
  check: (p) => [
    ...stableStep(p.method as string, p.dt as number, { tau: p.tau as number }),
    ...enoughSteps(p.duration as number, p.dt as number),
    ...generatorTimes('spikes', p.spikes as number[], p.duration as number, p.dt as number),
    ...durationOnGrid(p.duration as number, p.dt as number),
  ],
  cost: (p) => {
    const steps = stepsOf(p.duration as number, p.dt as number);
    return { neuronSteps: steps, samples: 2 * steps };
  },
  build(p: Params) {
    const spikes = p.spikes as number[];
    const G = new NeuronGroup(1, 'dv/dt = -v/tau : 1', { method: p.method as Method, namespace: { tau: p.tau as number } });
    const H = new SpikeGeneratorGroup(1, spikes.map(() => 0), spikes);
    const S = new Synapses(H, G, { onPre: 'v += w', namespace: { w: p.w as number } }).connectAll();
    const M = new StateMonitor(G, ['v']);
    new Network([H, G, S, M], { dt: p.dt as number }).run(p.duration as number);
    return {
      figure: 'coincidence',
      params: {},
      paramUnits: {},
      layout: { rows: 1, cols: 1 },
      panels: [
        {
          id: 'coincidence',
          xlabel: 'Time (ms)',
          ylabel: 'Membrane potential',
          yticks: false,
          series: [{ id: 'v', x: ms(M.t), y: M.trace('v') }],
          hlines: [{ value: p.threshold as number, color: '#008000', dashed: true }],
        },
      ],
    };
  },
};

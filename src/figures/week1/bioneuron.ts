/**
 * Cell 3's simulation, shared by biological-neuron and its website version (cell 5): the HH
 * neuron of ./hh-model.ts with conductance synapses, driven through NeuronGroup→NeuronGroup
 * synapses (`ge += we`) by an input neuron that integrates t, dv/dt = int(t<input_stop)·t/input_tau²,
 * so that its spikes come faster and faster until input_stop. The HH group's threshold and
 * refractory period only count its spikes, as in the notebook.
 */
import { Network, NeuronGroup, SpikeMonitor, StateMonitor, Synapses, quantity } from '../../sim/index.js';
import { ms } from '../common.js';
import { area, conductance, dt, duration, time, timeConstant, voltage, type SimValues } from '../../options/params.js';
import { membrane, SYNAPTIC_HH } from './hh-model.js';

/** The options of cell 3 (biological-neuron-website adds its line). */
export const bioneuronParams = {
  duration: duration('200ms'),
  we: conductance('2nS', 'excitatory synaptic weight (ge += we per input spike)'),
  taue: timeConstant('5ms', 'decay time constant of ge'),
  inputTau: timeConstant('50ms', 'time constant of the input neuron, dv/dt = int(t<input_stop)*t/input_tau**2'),
  inputStop: time('150ms', 'time the input neuron stops integrating').min(0),
  area: area('20000um2', 'membrane area').positive().max(1), // 1 m²: the conductances (per cm² × area) stay finite
  el: voltage('-65mV', 'leak reversal potential (and initial v)'),
  vt: voltage('-63mV', 'VT, the offset of the rate functions'),
  dt,
};

export interface BioneuronRun {
  /** Sample times (ms) and v (mV). */
  t: number[];
  v: number[];
  /** The input neuron's spikes as Brian's SpikeMonitor holds them (seconds). */
  inputSpikes: number[];
  dt: number;
}

export function simulateBioneuron(p: SimValues<typeof bioneuronParams>): BioneuronRun {
  const namespace = {
    ...membrane(p.area, p.el, p.vt),
    taue: quantity(p.taue, 'second'),
    taui: quantity(10, 'ms'),
    Ee: quantity(0, 'mV'),
    Ei: quantity(-80, 'mV'),
    we: quantity(p.we, 'siemens'),
    wi: quantity(67, 'nS'),
  };
  const group = new NeuronGroup(1, SYNAPTIC_HH, { threshold: 'v>-20*mV', refractory: quantity(3, 'ms'), method: 'exponential_euler', namespace });
  group.set('v', p.el);
  const inp_sp = new NeuronGroup(1, 'dv/dt=int(t<input_stop)*t/input_tau**2:1', {
    threshold: 'v>1',
    reset: 'v=0',
    method: 'euler',
    namespace: { input_stop: quantity(p.inputStop, 'second'), input_tau: quantity(p.inputTau, 'second') },
  });
  const S = new Synapses(inp_sp, group, { onPre: 'ge += we', namespace }).connectAll();
  const monitor = new StateMonitor(group, ['v']);
  const input_monitor = new SpikeMonitor(inp_sp);
  new Network([group, inp_sp, S, monitor, input_monitor], { dt: p.dt }).run(p.duration);
  return { t: ms(monitor.t), v: monitor.trace('v').map((v) => v / 1e-3), inputSpikes: input_monitor.t, dt: p.dt };
}

/**
 * Where cell 5 puts the input-spike circles: monitor.v[0][array(input_monitor.t/inp_sp.dt,
 * dtype=int)], a truncation of Brian's own t/dt, which can land one sample before the spike
 * (2622·dt/dt = 2621.9999999999995 at dt = 0.05 ms).
 */
export function spikeSamples(run: BioneuronRun): { x: number[]; y: number[] } {
  const index = run.inputSpikes.map((t) => Math.trunc(t / run.dt));
  return { x: ms(run.inputSpikes), y: index.map((k) => run.v[k]) };
}

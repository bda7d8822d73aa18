/**
 * Notebook section "Hodgkin-Huxley neuron" (cell 19): one action potential under a constant
 * current, the group on its own clock (dt = 0.01 ms), integrated by exponential Euler.
 *
 * The cell calls no tight_layout, so on its 4×3 in canvas both axis labels are partly cut off;
 * the published image shows them because Jupyter crops to the drawn extent. snn-figs draws what
 * was published: the axes at the cell's size (matplotlib's default subplot parameters), the
 * whole drawing centred on the canvas — nothing clipped.
 */
import { Network, NeuronGroup, StateMonitor, quantity } from '../../sim/index.js';
import { ms } from '../common.js';
import { figure } from '../figure.js';
import { plot } from '../../data/marks.js';
import { area, current, duration, timeStep, voltage } from '../../options/params.js';
import { CURRENT_HH, membrane } from './hh-model.js';

export const hodgkinHuxley = figure({
  name: 'hodgkin-huxley',
  section: 'Hodgkin-Huxley neuron',
  summary: 'one action potential of a Hodgkin-Huxley neuron under a constant current',
  figsize: [4, 3],
  dpi: 100,
  method: 'exponential_euler',
  params: {
    current: current('5.6nA', 'constant input current I (the cell writes 0.7*nA*8)'),
    duration: duration('3ms'),
    dt: timeStep('0.01ms'),
    vt: voltage('-63mV', 'VT, the offset of the rate functions'),
    area: area('20000um2', 'membrane area').positive().max(1), // 1 m²: the conductances (per cm² × area) stay finite
  },
  cost: { neurons: 1, samplesPerStep: 1, weight: 10 }, // the rate functions' exps, per step

  simulate({ current, duration, dt, vt, area }) {
    const El = quantity(-65, 'mV').value;
    const namespace = { ...membrane(area, El, vt), I_ext: quantity(current, 'amp') };
    const group = new NeuronGroup(1, CURRENT_HH, { method: 'exponential_euler', dt, namespace });
    group.set('v', El);
    const monitor = new StateMonitor(group, ['v']);
    // The default clock keeps Brian's 0.1 ms; only the group and its monitor run at dt.
    new Network([group, monitor], { dt: 1e-4 }).run(duration);
    return { t: ms(monitor.t), v: monitor.trace('v').map((v) => v / 1e-3) };
  },

  plot: ({ t, v }) => ({
    layout: { fit: 'centred-crop' },
    panels: [{ id: 'v', xlabel: 'Time (ms)', ylabel: 'Membrane potential (mV)', marks: [plot(t, v, { id: 'v' })] }],
  }),
});

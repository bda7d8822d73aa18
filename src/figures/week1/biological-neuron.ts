/**
 * Notebook section "Biological" neurons (cell 3): a Hodgkin-Huxley neuron with exponential
 * conductance synapses, driven by an input neuron that fires faster and faster, until it fires.
 */
import { figure } from '../figure.js';
import { plot } from '../../data/marks.js';
import { bioneuronParams, simulateBioneuron } from './bioneuron.js';

export const biologicalNeuron = figure({
  name: 'biological-neuron',
  section: '"Biological" neurons',
  summary: 'a Hodgkin-Huxley neuron summing faster and faster synaptic inputs until it spikes',
  figsize: [10, 6],
  dpi: 100,
  method: 'exponential_euler',
  params: bioneuronParams,
  cost: { neurons: 2, samplesPerStep: 1, weight: 14 }, // a Hodgkin-Huxley neuron's rate functions (their exp through the core's libm)
  simulate: simulateBioneuron,

  plot: ({ t, v }) => ({
    id: 'v',
    xlabel: 'Time (ms)',
    ylabel: 'Membrane potential (mV)',
    labelSize: 12,
    ylim: [-70, -50],
    marks: [plot(t, v, { id: 'v' })],
  }),
});

/**
 * Notebook section "Version for website" (cell 5): cell 3's trace with the input spikes as
 * hollow red circles on it and a dashed green line at −60 mV.
 */
import { figure } from '../figure.js';
import { axhline, plot } from '../../data/marks.js';
import { voltage } from '../../options/params.js';
import { inDisplayUnit } from '../../options/dimensions.js';
import { bioneuronParams, simulateBioneuron, spikeSamples } from './bioneuron.js';

export const biologicalNeuronWebsite = figure({
  name: 'biological-neuron-website',
  section: 'Version for website',
  summary: 'the "biological" neuron with its input spikes marked and a dashed line at -60 mV',
  figsize: [10, 6],
  dpi: 100,
  method: 'exponential_euler',
  params: { ...bioneuronParams, line: voltage('-60mV', 'the dashed green line').plotOnly() },
  cost: { neurons: 2, samplesPerStep: 1, weight: 12 }, // a Hodgkin-Huxley neuron's rate functions
  simulate: (p) => simulateBioneuron(p),

  plot(run, { line }) {
    const spikes = spikeSamples(run);
    return {
      id: 'v',
      xlabel: 'Time (ms)',
      ylabel: 'Membrane potential (mV)',
      labelSize: 12,
      ylim: [-70, -50],
      marks: [
        plot(run.t, run.v, { id: 'v' }),
        plot(spikes.x, spikes.y, { id: 'input-spikes', ls: 'none', marker: 'o', c: 'r', mfc: 'none', ms: 10 }),
        axhline(inDisplayUnit('voltage', line), { id: 'hline', ls: '--', c: 'g' }),
      ],
    };
  },
});

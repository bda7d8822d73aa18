/**
 * The input of the week-1 LIF cells: one generator neuron firing `nspikes_in = 100` spikes at
 * timesep_in, 2·timesep_in, … (`(1+arange(nspikes_in))*timesep_in`), of which a run sees
 * those before its end.
 */
import { SpikeGeneratorGroup } from '../../sim/index.js';

export const NSPIKES_IN = 100;

/** The spike times in seconds, computed as numpy does: (1 + k)·isi. */
export function inputTimes(isi: number): number[] {
  return Array.from({ length: NSPIKES_IN }, (_, k) => (1 + k) * isi);
}

export function inputTrain(isi: number): SpikeGeneratorGroup {
  const times = inputTimes(isi);
  return new SpikeGeneratorGroup(1, times.map(() => 0), times);
}

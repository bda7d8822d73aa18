/**
 * The one-neuron LIF cells of week 1 (integrate-and-fire, lif, lif-synapses): G_out with
 * `threshold='v>threshold', reset='v=0'` (euler), kicked through `Synapses(G_in, G_out,
 * on_pre=...)` by the notebook's input train, recorded by a StateMonitor.
 */
import { Network, NeuronGroup, StateMonitor, Synapses } from '../../sim/index.js';
import { ms } from '../common.js';
import { dt, duration, num } from '../../options/params.js';
import { inputTrain, isiParam } from './input-train.js';

/** The options these cells share after their own: the input, the threshold and the run. */
export const lifRunParams = {
  isi: isiParam('10ms'),
  threshold: num('1', 'spike threshold (reset to 0)'),
  duration: duration('50ms'),
  dt,
};

export interface LifRun {
  eqs: string;
  onPre: string;
  /** Constants of the equations and of on_pre (SI). */
  namespace: Record<string, number>;
  threshold: number;
  isi: number;
  duration: number;
  dt: number;
  record: string[];
}

/** Times in ms and one trace per recorded variable. */
export function runLif(r: LifRun): { t: number[] } & Record<string, number[]> {
  const namespace = { ...r.namespace, threshold: r.threshold };
  const G_out = new NeuronGroup(1, r.eqs, { threshold: 'v > threshold', reset: 'v = 0', method: 'euler', namespace });
  const G_in = inputTrain(r.isi);
  const S = new Synapses(G_in, G_out, { onPre: r.onPre, namespace }).connectAll();
  const M = new StateMonitor(G_out, r.record);
  new Network([G_out, G_in, S, M], { dt: r.dt }).run(r.duration);
  return { t: ms(M.t), ...Object.fromEntries(r.record.map((v) => [v, M.trace(v)])) };
}

// Calibrates the cost model (src/options/cost-time.ts): each figure built in this process at two
// sizes, CPU time (user + system, less sensitive to other load than wall time) against the
// estimate. Run after `npm run build`: node bench/cost-calibration.mjs [figure...]
import { FIGURES } from '../dist/figures/registry.js';
import { simulateAndDraw as buildFigure } from '../dist/figures/run.js';
import { parseParams } from '../dist/options/parse.js';
import { estimateSeconds } from '../dist/options/cost-time.js';

/** A larger run per figure (about 5–20× the default's work). */
export const LARGER = {
  'psp-abstraction': { duration: '5000ms', dt: '0.01ms', 'spike-time': '10ms' },
  'psp-forms': { duration: '5000ms', dt: '0.01ms' },
  stp: { duration: '100000ms' },
  coincidence: { duration: '5000ms', dt: '0.01ms' },
  'tuning-curve': { n: '2000', points: '40' },
  population: { n: '1000', points: '20000' },
  'biological-neuron': { duration: '5000ms' },
  'biological-neuron-website': { duration: '5000ms' },
  'integrate-and-fire': { duration: '20000ms', dt: '0.01ms' },
  lif: { duration: '20000ms', dt: '0.01ms' },
  'reliable-spike-timing': { trials: '200' },
  'reliable-spike-timing-non-leaky': { trials: '200' },
  'lif-synapses': { duration: '20000ms', dt: '0.01ms' },
  'adaptive-threshold': { duration: '10000ms', dt: '0.01ms' },
  'hodgkin-huxley': { duration: '1000ms' },
  'stdp-latency': { neurons: '20000', duration: '1000ms' },
  'stdp-correlated': { neurons: '1000', duration: '10000ms' },
  'decision-random-walk': { n: '100000' },
  'reaction-times': { repeats: '50000' },
  'analogue-vs-digital': { points: '2000000' },
  'spike-vs-rate': { points: '20000', widths: '5,10,20' },
  'coincidence-rank-code': { neurons: '30000' },
};

function cpuSeconds(fn) {
  const start = process.cpuUsage();
  return Promise.resolve(fn()).then(() => {
    const { user, system } = process.cpuUsage(start);
    return (user + system) / 1e6;
  });
}

const only = process.argv.slice(2);
for (const fig of FIGURES) {
  if (only.length && !only.includes(fig.name)) continue;
  for (const [size, given] of [
    ['default', {}],
    ['larger', LARGER[fig.name] ?? {}],
  ]) {
    const { params } = parseParams(fig, given);
    const cost = fig.cost?.(params);
    const estimate = estimateSeconds(cost, { threads: 1, format: 'json' });
    const measured = await cpuSeconds(() => buildFigure(fig, params, { threads: 1 }));
    console.log(
      `${fig.name.padEnd(32)} ${size.padEnd(8)} measured ${measured.toFixed(3)} s  estimated ${estimate.toFixed(3)} s  ratio ${(estimate / measured).toFixed(2)}  ${JSON.stringify(cost)}`,
    );
  }
}

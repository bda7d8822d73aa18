/**
 * The figure of cells 11 and 13: subplot(321)…(326), the traces of every trial (spikes drawn
 * up to 4, alpha 0.05), the input I and the raster, constant input left, noisy input right.
 */
import { figure } from '../figure.js';
import { plot, raster } from '../../data/marks.js';
import type { Panel } from '../../data/types.js';
import { carried, stepsOf, timeText } from '../checks.js';
import type { Problem } from '../spec.js';
import { reliableParams, simulateReliable, type ReliableValues, type TrialsRun } from './reliable-model.js';

/**
 * What x and the noisy input must carry. The noisy input has s.d. 1 about --input (100 s.d.
 * bound every draw), so |I| ≤ |input| + 100. Euler's factor (1 − dt/tau) is below 1 in size
 * (--dt is checked against --tau), so a leaky x stays within |gain|·max|I| (times
 * (dt/tau)/(1 − |1 − dt/tau|), 1 while dt ≤ tau) plus 100 σ; a non-leaky x integrates its drive,
 * |gain|·max|I| per tau of the run, and its noise, σ·√(2T/tau). The larger of --gain and
 * --input is blamed for x.
 */
function reliableReach(leaky: boolean, { tau, tauInput, sigma, gain, input, duration, dt }: ReliableValues): Problem[] {
  const hint = 'use a smaller --gain, --input or --sigma';
  const noisyInput = carried('input', input, 'the noisy input I', { perUnit: 1, base: 100, rate: Math.max(1, 1 / tauInput), update: `Euler's (input-x)/tau_input (--tau-input ${timeText(tauInput)})`, hint });
  if (noisyInput.length) return noisyInput;
  const runs = (stepsOf(duration, dt) * dt) / tau;
  const spread = leaky ? Math.max(1, dt / tau / (1 - Math.abs(1 - dt / tau))) : Math.max(1, runs);
  const noise = 100 * (leaky ? 1 : Math.sqrt(2 * runs));
  const bound = { rate: Math.max(1, 1 / tau), update: `Euler's drive of x over --tau ${timeText(tau)}`, hint };
  const x =
    Math.abs(gain) >= Math.abs(input)
      ? carried('gain', gain, 'x', { ...bound, perUnit: (Math.abs(input) + 100) * spread, base: 1 + noise * sigma })
      : carried('input', input, 'x', { ...bound, perUnit: Math.abs(gain) * spread, base: 1 + noise * sigma + Math.abs(gain) * 100 * spread });
  if (x.length) return x;
  return carried('sigma', sigma, 'x', { ...bound, perUnit: noise, base: 1 + Math.abs(gain) * (Math.abs(input) + 100) * spread });
}

/** subplot(321)…(326): traces, input, raster; the top two rows frameless, sharing y per row. */
export function plotReliable(r: { constant: TrialsRun; noisy: TrialsRun }): Panel[] {
  const column = (net: 'constant' | 'noisy', col: number): Panel[] => {
    const run = r[net];
    const bare = { frame: false, xticks: false, yticks: false, col } as const;
    return [
      {
        id: `${net}-x`,
        row: 0,
        ...bare,
        ...(col === 1 ? { sharey: 'constant-x' } : {}),
        marks: run.x.map((y, k) => plot(run.t, y, { id: `trial-${k}`, c: 'k', alpha: 0.05 })),
      },
      { id: `${net}-I`, row: 1, ...bare, ...(col === 1 ? { sharey: 'constant-I' } : {}), marks: [plot(run.t, run.I, { id: 'I', c: 'k' })] },
      {
        id: `${net}-raster`,
        row: 2,
        col,
        xlabel: 'Time (ms)',
        ylabel: 'Trials',
        marks: [raster(run.spikes.t, run.spikes.i, { id: 'spikes', marker: '|', c: 'k' })],
      },
    ];
  };
  return [...column('constant', 0), ...column('noisy', 1)];
}

/** Cells 11 and 13 differ only in the drive of x and the gain's default. */
export function reliableFigure<const N extends string>(o: { name: N; section: string; summary: string; drive: string; leaky: boolean; gain: string; gainHelp: string }) {
  return figure({
    name: o.name,
    section: o.section,
    summary: o.summary,
    figsize: [10, 6],
    dpi: 100,
    method: 'euler',
    params: reliableParams(o.gain, o.gainHelp),
    // Two networks; each noisy neuron draws a normal per step (about 4 plain updates).
    cost: (p, steps) => {
      const [neuronSteps, samples] = [2 * (p.trials + 1) * steps, 2 * 2 * p.trials * steps];
      return { neuronSteps, samples, work: { networks: 2, steps: 2 * steps, updates: 4 * neuronSteps, records: samples } };
    },
    check: (p) => reliableReach(o.leaky, p),
    simulate: (p) => simulateReliable(o.drive, p),
    plot: plotReliable,
  });
}

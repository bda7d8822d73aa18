/**
 * The figure of cells 11 and 13: subplot(321)…(326), the traces of every trial (spikes drawn
 * up to 4, alpha 0.05), the input I and the raster, constant input left, noisy input right.
 */
import { figure } from '../figure.js';
import { plot, raster } from '../../data/marks.js';
import type { Panel } from '../../data/types.js';
import { reliableParams, simulateReliable, type TrialsRun } from './reliable-model.js';

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
export function reliableFigure<const N extends string>(o: { name: N; section: string; summary: string; drive: string; gain: string; gainHelp: string }) {
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
    simulate: (p) => simulateReliable(o.drive, p),
    plot: plotReliable,
  });
}

/**
 * A synthetic figure that uses every mark kind and every layout feature once: a 2 × 4 grid with
 * width and height ratios, a panel spanning two columns, sharex, a frameless panel, custom
 * tick labels, explicit limits, legends at 'best' / 'upper right' / 'lower right', a suptitle.
 */
import { annotate, axhline, axvline, errorbar, fill, fillBetween, hist, plot, raster, scatter, step, text } from '../../src/data/marks.js';
import type { FigureData } from '../../src/data/types.js';

const range = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));

export const SYNTHETIC_SIZE = { figsize: [10, 6] as [number, number], dpi: 100 };

export function syntheticFigure(): FigureData {
  const t = range(101, (i) => i / 10);
  return {
    figure: 'synthetic',
    params: {},
    paramUnits: {},
    layout: { rows: 2, cols: 4, widthRatios: [1, 2, 1, 1], heightRatios: [2, 3], suptitle: { text: 'Every mark' } },
    panels: [
      {
        // Lines fill the upper right: 'best' puts the legend at upper left.
        id: 'lines',
        row: 0,
        col: 0,
        title: 'plot',
        legend: 'best',
        marks: [
          plot(
            t,
            t.map((x) => x),
            { id: 'solid', label: 'solid' },
          ),
          plot(
            t,
            t.map((x) => x * 0.9 + 0.5),
            { id: 'dashed', label: 'dashed', ls: '--', c: 'r' },
          ),
          plot(
            t,
            t.map((x) => x * 0.8 + 1),
            { id: 'dotted', ls: ':', lw: 2, alpha: 0.5 },
          ),
          plot([8.5], [2], { id: 'ring', ls: 'none', marker: 'o', ms: 10, mfc: 'none', c: 'r' }),
          plot([5, 6, 7], [2, 2, 2], { id: 'dots', ls: 'none', marker: '.', c: 'k' }),
        ],
      },
      {
        id: 'hists',
        row: 0,
        col: 1,
        colSpan: 2,
        title: 'hist',
        legend: 'upper right',
        marks: [
          hist([0, 1, 2, 3, 4], [5, 9, 4, 1], { id: 'low', label: 'low', alpha: 0.8 }),
          hist([2, 3, 4, 5, 6], [2, 6, 8, 3], { id: 'high', label: 'high', alpha: 0.8 }),
        ],
      },
      {
        id: 'scatter',
        row: 0,
        col: 3,
        title: 'scatter',
        yticks: { values: [-1, 1], labels: ['Left', 'Right'] },
        marks: [scatter([0, 1, 2, 3], [-1, 1, -1, 1], { id: 'pts', c: ['r', 'k', 'r', 'k'], s: [100, 25, 100, 25] })],
      },
      {
        id: 'steps',
        row: 1,
        col: 0,
        sharex: 'lines',
        xlabel: 'Time (ms)',
        ylabel: 'v',
        marks: [
          step([0, 2, 4, 6, 8], [0, 1, 0, 1, 0], { id: 'walk', where: 'post', label: 'walk' }),
          axhline(0.5, { id: 'half', ls: '--', c: 'C1' }),
          axvline(5, { id: 'five', ls: ':', c: 'C2', zorder: -1 }),
          errorbar([1, 3, 7], [0.2, 0.4, 0.6], [0.1, 0.2, 0.3], { id: 'err', c: 'C3', marker: 'o', ls: 'none', capsize: 3 }),
        ],
      },
      {
        id: 'raster',
        row: 1,
        col: 1,
        frame: false,
        xticks: false,
        yticks: false,
        ylabel: 'neuron',
        xlim: [0, 100],
        ylim: [0, 100],
        marks: [
          raster(
            range(400, (i) => (i * 37) % 100),
            range(400, (i) => (i * 53) % 100),
            { id: 'spikes', c: 'k', ms: 1 },
          ),
          fill([0, 100, 100, 0], [50, 50, 100, 100], { id: 'band', c: 'lightblue' }),
          raster([10, 20, 30], [20, 20, 20], { id: 'ticks', marker: '|', c: 'r', ms: 8 }),
        ],
      },
      {
        id: 'boxes',
        row: 1,
        col: 2,
        xlim: [0, 3.5],
        ylim: [-1, 1],
        xticks: false,
        marks: [
          axhline(0, { id: 'zero', c: 'k', lw: 2 }),
          annotate('L', [1, 0.5], { id: 'left', ha: 'center', va: 'center', bbox: { boxstyle: 'round', facecolor: 'lightblue' } }),
          annotate('R', [2, -0.5], { id: 'right', ha: 'center', va: 'center', bbox: { boxstyle: 'round', facecolor: 'lightgreen' } }),
          annotate('X', [4, 0.5], { id: 'outside', ha: 'center', va: 'center', bbox: { boxstyle: 'round', facecolor: 'lightgreen' } }),
        ],
      },
      {
        id: 'bands',
        row: 1,
        col: 3,
        legend: 'lower right',
        titleSize: 8,
        title: 'fill_between',
        marks: [
          fillBetween([0, 1, 2], [1, 2, 1], [0, 0, 0], { id: 'area', c: 'lightgray', label: 'area' }),
          plot([0, 1, 2], [1, 2, 1], { id: 'top', c: 'b', label: 'top' }),
          text(0.1, 1.8, 'note', { id: 'note', fontsize: 8 }),
        ],
      },
    ],
  };
}

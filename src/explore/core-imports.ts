/**
 * Everything the explorer takes from the rest of snn-figs, in one place: the figures'
 * declarations, option parsing with the CLI's messages, building, JSON/CSV and drawing. The
 * pages depend on this module alone, so that a move in the house below is a change here.
 */
import { InputError } from '../api/errors.js';
import { renderSize } from '../api/render.js';
import { checkCost } from '../cli/cost.js';
import { UsageError } from '../cli/errors.js';
import { parseParam, parseParams } from '../cli/params.js';
import { parseFigsize, parseNumber, QuantityError } from '../cli/quantity.js';
import { toCsv, toJson } from '../export/index.js';
import { FIGURES } from '../figures/registry.js';
import { buildFigure } from '../figures/run.js';
import type { BuildContext, FigureModule, ParamSpec, Params } from '../figures/spec.js';
import type { FigureData, Mark, Panel } from '../figures/types.js';
import { conditionStats, type ConditionTask } from '../figures/tuning-curve.js';
import { DIMENSIONS, inDisplayUnit } from '../figures/units.js';
import { figureLimits, panelContent } from '../render/axes.js';
import { renderFigure } from '../render/index.js';
import { marksOf } from '../render/marks/index.js';
import { wasmNoisyLif } from '../sim/kernels/noisy-lif-wasm.js';

export type { BuildContext, FigureData, FigureModule, Mark, Panel, ParamSpec, Params };
export { FIGURES, DIMENSIONS, inDisplayUnit, marksOf, panelContent, figureLimits, conditionStats, type ConditionTask };

/** The course week of each figure, for the explorer's index (the registry's order within a week). */
export function weekOf(name: string): number {
  const weeks: Record<number, readonly string[]> = {
    1: ['biological-neuron', 'biological-neuron-website', 'integrate-and-fire', 'lif', 'reliable-spike-timing', 'reliable-spike-timing-non-leaky', 'lif-synapses', 'adaptive-threshold', 'hodgkin-huxley'],
    2: ['psp-abstraction', 'psp-forms', 'stp', 'coincidence', 'tuning-curve', 'population'],
    4: ['stdp-latency', 'stdp-correlated'],
    7: ['decision-random-walk', 'reaction-times'],
    9: ['analogue-vs-digital', 'spike-vs-rate', 'coincidence-rank-code'],
  };
  for (const [week, names] of Object.entries(weeks)) if (names.includes(name)) return Number(week);
  return 0;
}

/** A parameter problem as the CLI says it (`--tau must be > 0 ms, got -1 ms`), or a failure. */
export class OptionProblem extends Error {
  constructor(
    message: string,
    /** The option the message is about, without dashes, when it names one. */
    readonly option?: string,
  ) {
    super(message);
  }
}

function asProblem(e: unknown): unknown {
  if (!(e instanceof UsageError)) return e;
  const option = /^--([\w-]+)/.exec(e.message)?.[1];
  return new OptionProblem(e.message, option);
}

/** One option's text to its value, or the CLI's message (an OptionProblem). */
export function parseOption(spec: ParamSpec, text: string): Params[string] {
  try {
    return parseParam(spec, text);
  } catch (e) {
    throw asProblem(e);
  }
}

/** Every option (defaults for the rest), the figure's cross-checks and its cost limit, as the CLI checks them. */
export function parseOptions(fig: FigureModule, given: Record<string, string>, threads = 1): { params: Params; warnings: string[] } {
  try {
    const { params, warnings } = parseParams(fig, given);
    checkCost(fig.cost?.(params), { force: false, threads: fig.parallel ? threads : 1, format: 'png', options: fig.params.map((p) => p.name) });
    return { params, warnings: warnings.map((w) => `--${w.option} ${w.message}`) };
  } catch (e) {
    throw asProblem(e);
  }
}

export function build(fig: FigureModule, params: Params, ctx: BuildContext): Promise<FigureData> {
  return buildFigure(fig, params, ctx);
}

const decoder = new TextDecoder();

/** The bytes the CLI writes for `--out x.json`, as text. */
export function jsonText(data: FigureData): string {
  return decoder.decode(toJson(data) as unknown as Uint8Array);
}

/** The bytes the CLI writes for `--out x.csv`, as text. */
export function csvText(data: FigureData): string {
  return decoder.decode(toCsv(data) as unknown as Uint8Array);
}

/** Draws the figure at figsize × dpi on a new canvas of that many pixels, which it returns. */
export function drawFigure(data: FigureData, figsize: [number, number], dpi: number, canvasOf: () => OffscreenCanvas): OffscreenCanvas {
  renderFigure(data, 'png', { figsize, dpi });
  return canvasOf();
}

/** The tuning curve's noisy LIF kernel, from the WebAssembly module's bytes. */
export function noisyLifKernel(wasm: Uint8Array) {
  return wasmNoisyLif(new WebAssembly.Module(wasm as BufferSource) as never);
}

/** `--figsize` and `--dpi` as the CLI reads and bounds them (a PNG's limits). */
export function parseSize(fig: FigureModule, figsize: string | undefined, dpi: string | undefined): { figsize: [number, number]; dpi: number } {
  const wrap = <T>(option: string, parse: () => T): T => {
    try {
      return parse();
    } catch (e) {
      if (e instanceof QuantityError) throw new OptionProblem(`--${option} ${e.message}`, option);
      throw e;
    }
  };
  const size = figsize === undefined ? fig.figsize : wrap('figsize', () => parseFigsize(figsize));
  const dots = dpi === undefined ? fig.dpi : wrap('dpi', () => parseNumber(dpi));
  try {
    return renderSize(fig.name, { figsize: size, dpi: dots }, 'png');
  } catch (e) {
    if (e instanceof InputError) throw new OptionProblem(`--${e.message}`, /^(\w+)/.exec(e.message)?.[1]);
    throw e;
  }
}

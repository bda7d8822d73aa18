/**
 * Everything the explorer takes from the rest of snn-figs, in one place: the browser entry
 * (src/core.ts) and the few pure pieces of the layers below it that a page needs besides (the
 * dimension table for units, the renderer's colours and limits for pins and held axes). The
 * pages depend on this module alone.
 */
import { InputError } from '../api/errors.js';
import { renderSize } from '../api/size.js';
import {
  checkCost,
  conditionStats,
  drawFigure as draw,
  FIGURES,
  noisyLifKernel,
  parseParam,
  parseParams,
  ProblemError,
  problemText,
  toCsv,
  toJson,
  TUNING_JOB,
  type BuildContext,
  type ConditionTask,
  type FigureData,
  type FigureModule,
  type Mark,
  type Panel,
  type ParamSpec,
  type Params,
  type Pool,
} from '../core.js';
import { runOnWorkers, type PoolRunOptions, type TaskReply } from '../figures/pool.js';
import { simulateAndDraw } from '../figures/run.js';
import { WEEKS, weekOf } from '../figures/registry.js';
import { DIMENSIONS, inDisplayUnit } from '../options/dimensions.js';
import { boundsText } from '../options/parse.js';
import { parseFigsize, parseNumber, QuantityError } from '../options/quantity.js';
import { figureLimits, panelContent } from '../render/axes.js';
import { marksOf } from '../render/marks/index.js';

export type { BuildContext, ConditionTask, FigureData, FigureModule, Mark, Panel, ParamSpec, Params, Pool, PoolRunOptions, TaskReply };
export {
  WEEKS,
  weekOf,
  boundsText,
  conditionStats,
  DIMENSIONS,
  FIGURES,
  figureLimits,
  inDisplayUnit,
  marksOf,
  noisyLifKernel,
  panelContent,
  runOnWorkers,
  TUNING_JOB,
};

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
  if (!(e instanceof ProblemError)) return e;
  return new OptionProblem(
    problemText(e.problem, (name) => `--${name}`),
    e.problem.param,
  );
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
    return { params, warnings: warnings.map((w) => problemText(w, (name) => `--${name}`)) };
  } catch (e) {
    throw asProblem(e);
  }
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

/** Simulates with parameters already checked (parseOptions). */
export function build(fig: FigureModule, params: Params, ctx: BuildContext): Promise<FigureData> {
  return simulateAndDraw(fig, params, ctx);
}

const decoder = new TextDecoder();

/** The bytes the CLI writes for `--out x.json`, as text. */
export function jsonText(data: FigureData): string {
  return decoder.decode(toJson(data));
}

/** The bytes the CLI writes for `--out x.csv`, as text. */
export function csvText(data: FigureData): string {
  return decoder.decode(toCsv(data));
}

/** Draws the figure on `canvas`, sized figsize × dpi pixels, as the CLI's PNG. */
export function drawFigure(data: FigureData, canvas: OffscreenCanvas, figsize: [number, number], dpi: number): void {
  draw(data, canvas as never, { figsize, dpi });
}

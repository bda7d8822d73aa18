/**
 * The rules every simulating figure shares, applied from its parameter declarations wherever
 * `duration` and `dt` exist: the step against the declared time constants for the method,
 * enough steps, spike-generator times and run splits on the grid, the duration on the grid.
 * The figure's own rules come in at fixed places, so the error a user sees is the one that
 * matters most (the model's own contradictions first, the grid last).
 */
import { durationOnGrid, enoughSteps, generatorTimes, invertibleTimeConstants, notExact, runSplit, stableStep, stepsOf } from './checks.js';
import type { ParamSpec } from '../options/params.js';
import type { Params, Problem } from './spec.js';

export function numberAt(p: Params, name: string): number {
  const v = p[name];
  if (typeof v !== 'number') throw new TypeError(`parameter '${name}' should be a number, got ${JSON.stringify(v)}`);
  return v;
}

export function numbersAt(p: Params, name: string): number[] {
  const v = p[name];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number')) throw new TypeError(`parameter '${name}' should be a list of numbers`);
  return v;
}

/** Whether the parameters describe a run: a `duration` and a `dt`. */
export function hasRun(specs: readonly ParamSpec[]): boolean {
  return specs.some((s) => s.name === 'duration') && specs.some((s) => s.name === 'dt');
}

/** Steps of the run (Brian's rounding), 0 for a figure without one. */
export function runSteps(specs: readonly ParamSpec[], p: Params): number {
  return hasRun(specs) ? stepsOf(numberAt(p, 'duration'), numberAt(p, 'dt')) : 0;
}

export interface FigureRules {
  /** The integrator: the `--method` value, or the one the figure fixes. */
  method?: string;
  /** Whether the figure has a `--method` option to suggest `exact` through. */
  methodOption: boolean;
  /** Why exact cannot integrate the model, if it cannot. */
  notExact?: string;
  check(): Problem[];
  checkInputs(): Problem[];
}

/** Every problem, in the order their errors should win: exact refused, the figure's rules, step, inputs, grid. */
export function runRules(specs: readonly ParamSpec[], p: Params, figure: FigureRules): Problem[] {
  const { method } = figure;
  const problems: Problem[] = [];
  if (figure.notExact && method) problems.push(...notExact(method, figure.notExact));
  problems.push(...figure.check());
  if (!hasRun(specs)) return [...problems, ...figure.checkInputs()];
  const [duration, dt] = [numberAt(p, 'duration'), numberAt(p, 'dt')];
  const taus = Object.fromEntries(specs.filter((s) => s.role === 'time-constant').map((s) => [s.name, numberAt(p, s.name)]));
  problems.push(...invertibleTimeConstants(taus));
  if (method && Object.keys(taus).length) problems.push(...stableStep(method, dt, taus, figure.methodOption && !figure.notExact));
  problems.push(...enoughSteps(duration, dt));
  for (const s of specs) {
    if (s.role === 'generator') problems.push(...generatorTimes(s.name, numbersAt(p, s.name), duration, dt));
    if (s.role === 'split') problems.push(...runSplit(s.name, numberAt(p, s.name), duration, dt));
  }
  problems.push(...figure.checkInputs());
  problems.push(...durationOnGrid(duration, dt));
  return problems;
}

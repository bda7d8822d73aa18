/**
 * From option strings to typed parameters, with the figure's own defaults and bounds.
 * Every refusal is a Problem naming the parameter, what it expects and what it got.
 */
import { DIMENSIONS, inDisplayUnit, siUnit } from './dimensions.js';
import type { ParamSpec } from './params.js';
import { ProblemError, type Problem } from './problems.js';
import { parseInteger, parseNumber, parseQuantity, parseTime, parseTimes, QuantityError } from './quantity.js';

/** Parsed parameters keyed by option name: seconds for times, SI for quantities, numbers, strings. */
export type Params = Record<string, number | number[] | string | string[]>;

type Value = Params[string];

/** What parsing needs of a figure: its parameters and its cross-checks. */
export interface ParamSet {
  params: readonly ParamSpec[];
  check?(p: Params): Problem[];
}

/** What an option takes, for help texts: "time", "number", "one of a|b". */
export function kindText(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'time':
      return 'time';
    case 'times':
      return 'times';
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'quantity':
      return DIMENSIONS[spec.dimension!].noun;
    case 'numbers':
      return 'numbers';
    case 'text':
      return 'text';
    case 'choice':
      return spec.choices!.join('|');
    case 'choices':
      return `list of ${spec.choices!.join(',')}`;
  }
}

function formatBound(spec: ParamSpec, value: number): string {
  // A value too large for the display unit (1e308 m² in um2) is shown in SI.
  if (spec.kind === 'quantity') {
    const shown = inDisplayUnit(spec.dimension!, value);
    return Number.isFinite(shown) ? `${shown} ${DIMENSIONS[spec.dimension!].display}` : `${value} ${siUnit(spec.dimension!)}`;
  }
  const ms = Number((value * 1e3).toPrecision(12));
  return spec.kind === 'time' || spec.kind === 'times' ? (Number.isFinite(ms) ? `${ms} ms` : `${value} s`) : String(value);
}

/** One parameter's value from its text; ProblemError when it is refused. */
export function parseParam(spec: ParamSpec, text: string): Value {
  try {
    switch (spec.kind) {
      case 'time':
        return checkBounds(spec, parseTime(text));
      case 'times': {
        const values = parseTimes(text);
        values.forEach((v) => checkBounds(spec, v));
        return values;
      }
      case 'number':
        return checkBounds(spec, parseNumber(text));
      case 'integer':
        return checkBounds(spec, parseInteger(text));
      case 'quantity':
        return checkBounds(spec, parseQuantity(text, spec.dimension!));
      case 'numbers':
        return parseNumbers(text).map((v) => checkBounds(spec, v));
      case 'text':
        if (!spec.pattern!.test(text.trim())) throw new QuantityError(`expects ${spec.patternText}, got ${text.trim() === '' ? 'nothing' : `'${text}'`}`);
        return text.trim();
      case 'choice': {
        const value = text.trim();
        if (!spec.choices!.includes(value)) throw new QuantityError(`expects one of ${spec.choices!.join(', ')}, got '${text}'`);
        return value;
      }
      case 'choices': {
        const values = text.split(',').map((s) => s.trim());
        const bad = values.find((v) => !spec.choices!.includes(v));
        if (bad !== undefined || values.length === 0) throw new QuantityError(`expects a comma-separated list of ${spec.choices!.join(', ')}, got '${text}'`);
        if (new Set(values).size !== values.length) throw new QuantityError(`lists '${values.find((v, k) => values.indexOf(v) !== k)}' twice`);
        return values;
      }
    }
  } catch (e) {
    if (e instanceof QuantityError) throw new ProblemError({ param: spec.name, message: e.message });
    throw e;
  }
}

/** The declared bounds as the help shows them: `> 0 ms`, `≥ 0 and ≤ 1`; undefined when there are none. */
export function boundsText(spec: ParamSpec): string | undefined {
  const parts = [
    spec.min === undefined ? undefined : `${spec.exclusiveMin ? '>' : '≥'} ${formatBound(spec, spec.min)}`,
    spec.max === undefined ? undefined : `≤ ${formatBound(spec, spec.max)}`,
  ].filter((p) => p !== undefined);
  return parts.length ? parts.join(' and ') : undefined;
}

/** `5,1,0.1`: each item a number, the bad one named. */
function parseNumbers(text: string): number[] {
  return text.split(',').map((item) => {
    try {
      return parseNumber(item);
    } catch (e) {
      if (e instanceof QuantityError)
        throw new QuantityError(`expects a comma-separated list of numbers such as 5,1,0.1, but item '${item.trim()}' is not a number`);
      throw e;
    }
  });
}

function checkBounds(spec: ParamSpec, value: number): number {
  const { min, max, exclusiveMin } = spec;
  if (min !== undefined && (exclusiveMin ? !(value > min) : !(value >= min)))
    throw new QuantityError(`must be ${exclusiveMin ? '>' : '≥'} ${formatBound(spec, min)}, got ${formatBound(spec, value)}`);
  if (max !== undefined && !(value <= max)) throw new QuantityError(`must be ≤ ${formatBound(spec, max)}, got ${formatBound(spec, value)}`);
  return value;
}

/**
 * Parameters from the texts given (by option name), defaults for the rest, then the figure's
 * own cross-checks. Warnings are returned; the first error is thrown as ProblemError.
 */
export function parseParams(set: ParamSet, given: Record<string, string | undefined>): { params: Params; warnings: Problem[] } {
  const params: Params = {};
  for (const spec of set.params) params[spec.name] = parseParam(spec, given[spec.name] ?? spec.default);
  const problems = set.check?.(params) ?? [];
  const error = problems.find((p) => !p.warning);
  if (error) throw new ProblemError(error);
  return { params, warnings: problems.filter((p) => p.warning) };
}

/**
 * Parameters as a program gives them (SI numbers, or the command line's strings with units)
 * turned into the option texts the one parser reads, so both get the same checks and messages.
 */
import { optionName } from '../figures/figure.js';
import type { CourseFigure, FigureName } from '../figures/registry.js';
import type { FigureModule, ParamSpec } from '../figures/spec.js';
import { siUnit } from '../options/dimensions.js';
import { InputError } from './errors.js';
import { parseParam } from '../options/parse.js';
import { bareNumberWarning, checkPlainObject } from './plain-input.js';

/**
 * A parameter's value. Times: a number in seconds, or a string as on the command line
 * ('10ms', '0.01 s', '500us'; a bare '10' is ms). Lists of times: an array of those, or
 * '10,11,50ms'. Numbers and integers: a number (or its text). Choices: a string, or an
 * array of strings where several are taken.
 */
export type ParamInput = number | string | readonly (number | string)[];

/** Parameters by name, as in `figures[k].params` (`'tau-x'`) or in camelCase (`tauX`); the rest keep their defaults. */
export type FigureParams = { readonly [name: string]: ParamInput | undefined };

/**
 * What a parameter takes, from what it parses to: a number (time, quantity, number, integer)
 * as a number or a string with units; a list of numbers (times, numbers) as one, a list or a
 * string; a choice as one of its words; several choices as a word or a list of words.
 */
type InputFor<V> = [V] extends [number]
  ? number | string
  : [V] extends [readonly number[]]
    ? number | string | readonly (number | string)[]
    : [V] extends [readonly (infer C)[]]
      ? C | readonly C[]
      : V;

/** `tauX` → `tau-x`, as optionName does at run time. */
type KebabCase<S extends string> = S extends `${infer H}${infer T}` ? `${H extends Lowercase<H> ? H : `-${Lowercase<H>}`}${KebabCase<T>}` : S;

type DeclaredParams<N extends FigureName> = Extract<CourseFigure, { name: N }>['declaration']['params'];

/**
 * A figure's parameters, typed: each by its declared name (`tauX`) or its option name
 * (`'tau-x'`), with what its kind takes, so a misspelt name or a wrong kind does not compile.
 */
export type ParamsOf<N extends FigureName> = N extends FigureName
  ? { readonly [K in keyof DeclaredParams<N> & string as K | KebabCase<K>]?: DeclaredParams<N>[K] extends { value: infer V } ? InputFor<V> : never }
  : never;

/** A value as the CLI's text. */
function asText(spec: ParamSpec, value: ParamInput): string {
  const item = (v: number | string): string => {
    if (typeof v === 'string') return v;
    if (typeof v !== 'number') throw new InputError(`${spec.name} expects a number or a string, got ${typeof v}`);
    // Numbers are SI: a time in seconds, a voltage in volts. String(v) round-trips the double exactly.
    if (spec.kind === 'quantity' && spec.dimension) return `${String(v)}${siUnit(spec.dimension)}`;
    return spec.kind === 'time' || spec.kind === 'times' ? `${String(v)}s` : String(v);
  };
  if (Array.isArray(value)) {
    if (spec.kind !== 'times' && spec.kind !== 'choices' && spec.kind !== 'numbers') throw new InputError(`${spec.name} takes one value, got a list`);
    if (value.length === 0) throw new InputError(`${spec.name} expects at least one value, got an empty list`);
    return value.map(item).join(',');
  }
  if (typeof value === 'string' || typeof value === 'number') return item(value);
  throw new InputError(`${spec.name} expects a number or a string, got ${value === null ? 'null' : typeof value}`);
}

/** The given parameters as the CLI's option texts, refusing names the figure does not take. */
export function givenTexts(fig: FigureModule, params: FigureParams, warn: (message: string) => void = () => {}): Record<string, string> {
  checkPlainObject('parameters', params, "{ w: 0.8, duration: '100ms' }", false);
  const texts: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const name = optionName(key);
    const spec = fig.params.find((p) => p.name === name);
    if (!spec) throw new InputError(`${fig.name} has no parameter '${key}'; it takes ${fig.params.map((p) => p.name).join(', ')}`);
    if (name in texts) throw new InputError(`${fig.name}: '${name}' is given twice`);
    texts[name] = asText(spec, value);
    for (const v of typeof value === 'number' ? [value] : Array.isArray(value) ? value.filter((x) => typeof x === 'number') : []) {
      const warning = bareNumberWarning(spec, v, defaultSi(spec));
      if (warning) warn(warning);
    }
  }
  return texts;
}

/** A parameter's default in SI (the first, for a list). */
function defaultSi(spec: ParamSpec): number {
  const value = parseParam(spec, spec.default);
  return Array.isArray(value) ? Number(value[0] ?? 0) : Number(value);
}

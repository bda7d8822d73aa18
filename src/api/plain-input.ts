/**
 * What the library takes from its caller, checked as the CLI checks argv: parameters and options
 * as plain objects only (a Map, a class instance or an inherited property would be ignored
 * silently), and bare numbers for times and quantities, which are SI, warned about when they are
 * far from the parameter's default (`{ current: 5.6 }` is 5.6 A, a billion times the default).
 */
import type { ParamSpec } from '../figures/spec.js';
import { DIMENSIONS, inDisplayUnit, siUnit } from '../options/dimensions.js';
import { InputError } from './errors.js';

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value !== 'object') return typeof value;
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name;
  return name && name !== 'Object' ? `a ${name}` : 'an object';
}

/** A plain object (`{ ... }` or Object.create(null)) with no inherited enumerable properties; undefined allowed where `optional`. */
export function checkPlainObject(what: string, value: unknown, example: string, optional = true): void {
  if (value === undefined && optional) return;
  const object = value !== null && typeof value === 'object' && !Array.isArray(value);
  // An inherited property would be ignored (Object.entries reads own ones): say which.
  if (object)
    for (const key in value)
      if (!Object.hasOwn(value, key))
        throw new InputError(
          `${what} has an inherited property '${key.slice(0, 40)}'; give every ${what === 'parameters' ? 'parameter' : 'option'} as an own property`,
        );
  const proto = object ? (Object.getPrototypeOf(value) as unknown) : undefined;
  if (proto !== Object.prototype && proto !== null) throw new InputError(`${what} must be a plain object such as ${example}, got ${kindOf(value)}`);
}

/** Every own property is one of `known`: a misspelt option (`dpis`, `therads`) would otherwise be left out unsaid. */
export function checkKnownKeys(what: string, value: object, known: readonly string[]): void {
  for (const key of Object.keys(value))
    if (!known.includes(key)) throw new InputError(`${what} has no '${key.slice(0, 40)}'; the ${what} are ${known.join(', ')}`);
}

/** A bare number this many times the default's size (or its inverse) is most likely in another unit. */
const FAR = 1e3;

/**
 * A warning for a bare SI number far from the default (SI too), with the spelling of the value
 * in the parameter's display unit; undefined when it is plausible or the parameter has no unit.
 */
export function bareNumberWarning(spec: ParamSpec, value: number, defaultSi: number): string | undefined {
  const time = spec.kind === 'time' || spec.kind === 'times';
  const dimension = spec.kind === 'quantity' ? spec.dimension : undefined;
  if ((!time && !dimension) || value === 0 || defaultSi === 0 || !Number.isFinite(value)) return undefined;
  const ratio = Math.abs(value / defaultSi);
  if (ratio < FAR && ratio > 1 / FAR) return undefined;
  const [si, display] = dimension ? [siUnit(dimension), DIMENSIONS[dimension].display] : ['s', 'ms'];
  const shownDefault = dimension ? inDisplayUnit(dimension, defaultSi) : Number((defaultSi * 1e3).toPrecision(12));
  return `${spec.name} ${value} is read as ${value} ${si} (bare numbers are SI units), far from the default ${shownDefault} ${display}; for ${value} ${display} give '${value}${display}'`;
}

/**
 * One parser for every option value: quantities with units (times, voltages, … over the
 * dimension table in ./dimensions.ts), numbers, integers, lists, figsize. Units are handled
 * here, at the edge; inside, quantities are SI. Every refusal says what was expected and what
 * was given; the caller names the parameter.
 */
import { printable } from './printable.js';
import { DIMENSIONS, siUnit, type Dimension, type DimensionName } from './dimensions.js';

export class QuantityError extends Error {}

const TIME_UNITS = DIMENSIONS.time.units;

// A plain decimal number: optional sign, digits with an optional point, optional exponent.
// Deliberately no NaN, Infinity, hex or underscores: Number() would take some of those.
// `\d+(?:\.\d*)?`, not `\d+\.?\d*`: the latter splits a run of digits every possible way
// before failing, so 50 000 digits and an 'x' took 18 s (quadratic backtracking).
const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
/** Longer values are refused before any parsing: no number needs more (1e-308 is 6). */
const MAX_VALUE_LENGTH = 400;
/** A list of times may be long (a spike train), but not unbounded. */
const MAX_LIST_LENGTH = 100_000;
const NUMBER_RE = new RegExp(`^${NUMBER}$`);
/** A number and its unit: letters (µ and μ included), then an optional square (2, ^2 or ²). */
const QUANTITY_RE = new RegExp(`^(${NUMBER})\\s*([A-Za-zµμ]+(?:\\^?2|²)?)?$`);

/** The value as the user gave it, shortened: an error stays one readable line. */
function describe(text: string): string {
  if (text.trim() === '') return 'nothing';
  return text.length > 60 ? `'${printable(text.slice(0, 40))}…' (${text.length} characters)` : `'${printable(text)}'`;
}

function checkLength(text: string, max = MAX_VALUE_LENGTH): void {
  if (text.length > max) throw new QuantityError(`expects at most ${max} characters, got ${describe(text)}`);
}

/** Number() of an accepted spelling, refusing what overflows to ±Infinity (1e400) or underflows to 0 (1e-400). */
function finite(s: string, text: string): number {
  const value = Number(s);
  if (!Number.isFinite(value)) throw new QuantityError(`expects a finite number, got ${describe(text)}`);
  if (value === 0 && /[1-9]/.test(s.split(/[eE]/)[0]))
    throw new QuantityError(`is too small to tell from 0 (the smallest double is 5e-324), got ${describe(text)}`);
  return value;
}

/** A dimensionless number. NaN, Infinity, units and trailing junk are refused. */
export function parseNumber(text: string): number {
  checkLength(text);
  const s = text.trim();
  if (!NUMBER_RE.test(s)) {
    const m = QUANTITY_RE.exec(s);
    // A time given to a dimensionless option is the most likely slip; say so.
    if (m?.[2] !== undefined && m[2] in TIME_UNITS) throw new QuantityError(`expects a number without a unit such as 0.8, got the time ${describe(text)}`);
    throw new QuantityError(`expects a number such as 0.8, got ${describe(text)}`);
  }
  return finite(s, text);
}

/** A whole number; `1e4` is accepted (it is one), `2.5` is not. */
export function parseInteger(text: string): number {
  checkLength(text);
  const s = text.trim();
  if (!NUMBER_RE.test(s)) throw new QuantityError(`expects a whole number such as 41, got ${describe(text)}`);
  const value = finite(s, text);
  if (!Number.isInteger(value)) throw new QuantityError(`expects a whole number such as 41, got ${describe(text)}`);
  if (!Number.isSafeInteger(value)) throw new QuantityError(`expects a whole number below 2^53, got ${describe(text)}`);
  return value === 0 ? 0 : value; // no -0
}

/**
 * A quantity in SI units: `-70mV`, `-70 mV`, `10nS`, `20000um2`, `0.01s`, `500µs`. A bare number
 * is in `bareUnit` (the dimension's display unit; lists of times pass their trailing unit).
 */
export function parseQuantity(text: string, dimension: DimensionName, bareUnit?: string): number {
  const d: Dimension = DIMENSIONS[dimension];
  checkLength(text);
  const m = QUANTITY_RE.exec(text.trim());
  if (!m) throw new QuantityError(`expects a ${d.noun} such as ${d.example}, got ${describe(text)}`);
  const unit = m[2] || bareUnit || d.display;
  const scale = d.units[unit];
  if (scale === undefined) {
    const plain = Object.keys(d.units).filter((u) => /^[A-Za-z0-9]+$/.test(u)); // not µm² and um^2 too
    throw new QuantityError(`expects a ${d.noun} in ${d.unitsText ?? plain.join(', ')}, got ${describe(text)} (unknown unit '${unit}')`);
  }
  const value = finite(m[1], text);
  const si = value * scale;
  if (si === 0 && value !== 0)
    throw new QuantityError(`is too small to tell from 0 in ${d.siName} (the smallest double is 5e-324 ${siUnit(dimension)}), got ${describe(text)}`);
  // The same rule the other way: 1e308kHz is finite as written but Infinity in Hz.
  if (!Number.isFinite(si))
    throw new QuantityError(`is too large: in ${d.siName} it overflows a double (the largest is 1.8e308 ${siUnit(dimension)}), got ${describe(text)}`);
  return si || 0; // no -0
}

/** A time in seconds: `10ms`, `10 ms`, `0.01s`, `500us`, `500µs`, `1e-2 s`; a bare number is in `defaultUnit` (ms). */
export function parseTime(text: string, defaultUnit = 'ms'): number {
  return parseQuantity(text, 'time', defaultUnit);
}

/**
 * A list of times, `10,11,50,60ms` or `10ms, 11ms`: an item without a unit takes the unit of
 * the last item (so the notebook's way of writing lists works), else ms.
 */
export function parseTimes(text: string): number[] {
  checkLength(text, MAX_LIST_LENGTH);
  const items = text.split(',').map((x) => x.trim());
  if (items.some((x) => x === '')) throw new QuantityError(`expects a comma-separated list of times such as 10,11,50ms, got ${describe(text)}`);
  const last = QUANTITY_RE.exec(items[items.length - 1]);
  const trailingUnit = last?.[2] || 'ms';
  return items.map((item) => {
    try {
      return parseTime(item, trailingUnit);
    } catch (e) {
      // Name the bad item: in a list of twenty the user should not have to hunt for it.
      if (e instanceof QuantityError)
        throw new QuantityError(`expects a comma-separated list of times such as 10,11,50ms, but item ${describe(item)} is not a time`);
      throw e;
    }
  });
}

/** matplotlib's figsize in inches: `8x5`, `8X5`, `8,5`, `8 × 5`. */
export function parseFigsize(text: string): [number, number] {
  checkLength(text);
  const m = new RegExp(`^\\s*(${NUMBER})\\s*[xX×,]\\s*(${NUMBER})\\s*$`).exec(text);
  if (!m) throw new QuantityError(`expects WIDTHxHEIGHT in inches such as 8x5, got ${describe(text)}`);
  const size: [number, number] = [finite(m[1], text), finite(m[2], text)];
  if (!(size[0] > 0 && size[1] > 0)) throw new QuantityError(`expects a positive width and height, got ${describe(text)}`);
  return size;
}

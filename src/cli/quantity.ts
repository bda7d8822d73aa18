/**
 * One parser for every option value: times with units, numbers, integers, lists, figsize.
 * Units are handled here, at the edge; inside, times are seconds.
 */

export class QuantityError extends Error {}

const TIME_UNITS: Record<string, number> = { s: 1, ms: 1e-3, us: 1e-6, 'µs': 1e-6, 'μs': 1e-6 };

// A plain decimal number: optional sign, digits with an optional point, optional exponent.
const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`;
const NUMBER_RE = new RegExp(`^${NUMBER}$`);
const QUANTITY_RE = new RegExp(`^(${NUMBER})\\s*([A-Za-zµμ]*)$`);

function describe(text: string): string {
  return text.trim() === '' ? 'nothing' : `'${text}'`;
}

/** A dimensionless number. NaN, Infinity and trailing junk are refused. */
export function parseNumber(text: string): number {
  const s = text.trim();
  if (!NUMBER_RE.test(s)) throw new QuantityError(`expects a number such as 0.8, got ${describe(text)}`);
  return Number(s);
}

export function parseInteger(text: string): number {
  const s = text.trim();
  if (!/^[+-]?\d+$/.test(s)) throw new QuantityError(`expects a whole number such as 41, got ${describe(text)}`);
  const value = Number(s);
  if (!Number.isSafeInteger(value)) throw new QuantityError(`expects a whole number below 2^53, got ${describe(text)}`);
  return value;
}

/**
 * A time in seconds: `10ms`, `10 ms`, `0.01s`, `500us`, `500µs`, `1e-2 s`; a bare number is ms.
 * `defaultUnit` is the unit of a bare number (lists pass their trailing unit).
 */
export function parseTime(text: string, defaultUnit = 'ms'): number {
  const s = text.trim();
  const m = QUANTITY_RE.exec(s);
  if (!m) throw new QuantityError(`expects a time such as 10ms, 0.01s or 500us, got ${describe(text)}`);
  const unit = m[2] || defaultUnit;
  const scale = TIME_UNITS[unit];
  if (scale === undefined) throw new QuantityError(`expects a time in s, ms or us, got ${describe(text)} (unknown unit '${unit}')`);
  return Number(m[1]) * scale;
}

/**
 * A list of times, `10,11,50,60ms` or `10ms, 11ms`: an item without a unit takes the unit of
 * the last item (so the notebook's way of writing lists works), else ms.
 */
export function parseTimes(text: string): number[] {
  const items = text.split(',').map((x) => x.trim());
  if (items.some((x) => x === '')) throw new QuantityError(`expects a comma-separated list of times such as 10,11,50ms, got ${describe(text)}`);
  const last = QUANTITY_RE.exec(items[items.length - 1]);
  const trailingUnit = last?.[2] || 'ms';
  return items.map((item) => parseTime(item, trailingUnit));
}

/** matplotlib's figsize in inches: `8x5`, `8,5`, `8 × 5`. */
export function parseFigsize(text: string): [number, number] {
  const m = new RegExp(`^\\s*(${NUMBER})\\s*[x×,]\\s*(${NUMBER})\\s*$`).exec(text);
  if (!m) throw new QuantityError(`expects WIDTHxHEIGHT in inches such as 8x5, got ${describe(text)}`);
  const size: [number, number] = [Number(m[1]), Number(m[2])];
  if (!(size[0] > 0 && size[1] > 0)) throw new QuantityError(`expects a positive width and height, got ${describe(text)}`);
  return size;
}

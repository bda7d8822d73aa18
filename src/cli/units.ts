/**
 * Quantities other than time (src/figures/units.ts): `-70mV`, `-70 mV`, `10nS`, `20000um2`;
 * a bare number is in the quantity's display unit. The number itself is parsed by
 * parseNumber (src/cli/quantity.ts), so the same spellings are refused everywhere.
 */
import { DIMENSIONS, type Dimension, type DimensionName } from '../figures/units.js';
import { parseNumber, QuantityError } from './quantity.js';

// A unit: letters (µ and μ included), then an optional square (2, ^2 or ²).
const WITH_UNIT = /^(.*?)\s*([A-Za-zµμ]+(?:\^?2|²)?)$/;

function describe(text: string): string {
  return text.trim() === '' ? 'nothing' : `'${text}'`;
}

/** A value of the dimension in SI units. */
export function parseQuantity(text: string, dimension: DimensionName): number {
  const d: Dimension = DIMENSIONS[dimension];
  const m = WITH_UNIT.exec(text.trim());
  const [number, unit] = m ? [m[1], m[2]] : [text, d.display];
  const suchAs = new QuantityError(`expects a ${d.noun} such as ${d.example}, got ${describe(text)}`);
  if (number.trim() === '') throw suchAs; // 'NaN', 'mV': no number at all
  const scale = d.units[unit];
  if (scale === undefined) {
    const plain = Object.keys(d.units).filter((u) => /^[A-Za-z0-9]+$/.test(u)); // not µm² and um^2 too
    throw new QuantityError(`expects a ${d.noun} in ${plain.join(', ')}, got ${describe(text)} (unknown unit '${unit}')`);
  }
  let value: number;
  try {
    value = parseNumber(number);
  } catch (e) {
    if (e instanceof QuantityError) throw suchAs;
    throw e;
  }
  return value * scale || 0; // no -0
}

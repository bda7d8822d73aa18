/**
 * Physical units as Brian names them (volt, mV, siemens, nS, farad, uF, amp, nA, metre, um2,
 * cm**-2, second, ms, Hz, kHz, …): a scale to SI and a dimension. The core computes in SI
 * numbers; dimensions are only used to check that equations are consistent, as Brian does.
 */
import { log10 } from './libm/index.js';

/** Exponents of metre, kilogram, second, ampere, kelvin, mole, candela. */
export type Dimension = readonly [number, number, number, number, number, number, number];

export const DIMENSIONLESS: Dimension = [0, 0, 0, 0, 0, 0, 0];
export const SECOND: Dimension = [0, 0, 1, 0, 0, 0, 0];

export class UnitError extends Error {}

export interface Unit {
  /** Value of one unit in SI (1e-3 for mV). */
  scale: number;
  dim: Dimension;
}

/** A number with a unit, in SI: `quantity(2, 'nS')` is { value: 2e-9, dim: siemens }. */
export interface Quantity {
  value: number;
  dim: Dimension;
}

const dimension = (m: number, kg: number, s: number, a: number, k = 0, mol = 0, cd = 0): Dimension => [m, kg, s, a, k, mol, cd];

/** Base and derived units: full name, short name (prefixable), dimension. */
const BASE: [string, string | undefined, Dimension][] = [
  ['metre', 'm', dimension(1, 0, 0, 0)],
  ['meter', undefined, dimension(1, 0, 0, 0)],
  ['gram', 'g', dimension(0, 1, 0, 0)],
  ['second', 's', SECOND],
  ['amp', 'A', dimension(0, 0, 0, 1)],
  ['ampere', undefined, dimension(0, 0, 0, 1)],
  ['kelvin', 'K', dimension(0, 0, 0, 0, 1)],
  ['mole', 'mol', dimension(0, 0, 0, 0, 0, 1)],
  ['candela', 'cd', dimension(0, 0, 0, 0, 0, 0, 1)],
  ['volt', 'V', dimension(2, 1, -3, -1)],
  ['siemens', 'S', dimension(-2, -1, 3, 2)],
  ['farad', 'F', dimension(-2, -1, 4, 2)],
  ['ohm', 'ohm', dimension(2, 1, -3, -2)],
  ['coulomb', 'C', dimension(0, 0, 1, 1)],
  ['hertz', 'Hz', dimension(0, 0, -1, 0)],
  ['newton', 'N', dimension(1, 1, -2, 0)],
  ['joule', 'J', dimension(2, 1, -2, 0)],
  ['watt', 'W', dimension(2, 1, -3, 0)],
  ['molar', 'M', dimension(-3, 0, 0, 0, 0, 1)],
];

const PREFIXES: Record<string, number> = {
  y: -24,
  z: -21,
  a: -18,
  f: -15,
  p: -12,
  n: -9,
  u: -6,
  m: -3,
  c: -2,
  d: -1,
  da: 1,
  h: 2,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
  Z: 21,
  Y: 24,
};

function power(u: Unit, n: number): Unit {
  return { scale: Number(`1e${Math.round(log10(u.scale)) * n}`), dim: u.dim.map((d) => d * n) as unknown as Dimension };
}

/** Every unit name Brian exports that the core knows, e.g. mV, nS, ufarad, um2, cm, kHz. */
export const UNITS: ReadonlyMap<string, Unit> = (() => {
  const table = new Map<string, Unit>();
  for (const [full, short, dim] of BASE) {
    // The kilogram is the SI base: the gram's scale is 1e-3.
    const base = full === 'gram' ? -3 : 0;
    table.set(full, { scale: Number(`1e${base}`), dim });
    for (const [p, e] of Object.entries(PREFIXES)) {
      table.set(`${p}${full}`, { scale: Number(`1e${base + e}`), dim });
      // Single letters (m, s, A, V…) are not units in Brian: they would shadow variables.
      if (short) table.set(`${p}${short}`, { scale: Number(`1e${base + e}`), dim });
    }
    if (short && short.length > 1) table.set(short, { scale: Number(`1e${base}`), dim });
  }
  // Areas and volumes: metre2, cm2, um2, mm3, …
  for (const [name, unit] of [...table]) {
    if (unit.dim.join() !== '1,0,0,0,0,0,0' || name.startsWith('meter') || name.endsWith('meter')) continue;
    table.set(`${name}2`, power(unit, 2));
    table.set(`${name}3`, power(unit, 3));
  }
  table.set('Hz', { scale: 1, dim: dimension(0, 0, -1, 0) });
  return table;
})();

/** Brian's dimensionless constants in expressions. */
export const CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['e', Math.E],
]);

export function sameDimension(a: Dimension, b: Dimension): boolean {
  return a.every((x, k) => x === b[k]);
}

export function isDimensionless(a: Dimension): boolean {
  return a.every((x) => x === 0);
}

export function multiplyDims(a: Dimension, b: Dimension, sign = 1): Dimension {
  return a.map((x, k) => x + sign * b[k]) as unknown as Dimension;
}

export function scaleDim(a: Dimension, n: number): Dimension {
  return a.map((x) => x * n) as unknown as Dimension;
}

/** A dimension written with SI base units, e.g. "m^2 kg s^-3 A^-1" (for messages). */
export function formatDimension(d: Dimension): string {
  if (isDimensionless(d)) return '1 (dimensionless)';
  const symbols = ['m', 'kg', 's', 'A', 'K', 'mol', 'cd'];
  // Name the common ones the way Brian's messages do.
  for (const name of ['volt', 'siemens', 'farad', 'amp', 'second', 'hertz', 'metre', 'coulomb', 'ohm']) if (sameDimension(UNITS.get(name)!.dim, d)) return name;
  return d
    .map((x, k) => (x === 0 ? '' : x === 1 ? symbols[k] : `${symbols[k]}^${x}`))
    .filter(Boolean)
    .join(' ');
}

/** `quantity(2, 'nS')`: the SI value (2·1e-9, computed as Brian computes 2*nS) and its dimension. */
export function quantity(value: number, unit: string): Quantity {
  const u = UNITS.get(unit);
  if (!u) throw new UnitError(`unknown unit '${unit}'`);
  return { value: value * u.scale, dim: u.dim };
}

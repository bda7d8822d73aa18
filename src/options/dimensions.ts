/**
 * The physical quantities a figure's parameters take, for the one parser (./quantity.ts):
 * their units as a user spells them, and how messages name them. Inside, every quantity is in
 * SI units, as Brian works; a bare number is in the display unit (the notebook's), and
 * FigureData shows values in it.
 */
export interface Dimension {
  /** What the quantity is called in messages: "expects a voltage such as -70mV". */
  noun: string;
  /** The unit a bare number is in and FigureData shows; a key of `units`. */
  display: string;
  example: string;
  /** The SI unit in words: "too small to tell from 0 in seconds". */
  siName: string;
  /** The units as messages list them (default: every unit spelled in plain letters and digits). */
  unitsText?: string;
  /** Unit symbol → its size in SI units. */
  units: Readonly<Record<string, number>>;
}

/** SI prefixes as Brian spells them (u and µ for micro). */
function prefixed(symbol: string, prefixes: string): Record<string, number> {
  const scale: Record<string, number> = { '': 1, m: 1e-3, u: 1e-6, µ: 1e-6, μ: 1e-6, n: 1e-9, p: 1e-12, k: 1e3, M: 1e6 };
  return Object.fromEntries([...prefixes].map((p) => [`${p === '_' ? '' : p}${symbol}`, scale[p === '_' ? '' : p]]));
}

export const DIMENSIONS = {
  // Times take no bare unit but ms (lists: their last item's), and no larger units than s.
  time: { noun: 'time', display: 'ms', example: '10ms, 0.01s or 500us', siName: 'seconds', unitsText: 's, ms or us', units: prefixed('s', '_muµμ') },
  voltage: { noun: 'voltage', display: 'mV', example: '-70mV', siName: 'volts', units: prefixed('V', '_muµμ') },
  conductance: { noun: 'conductance', display: 'nS', example: '10nS', siName: 'siemens', units: prefixed('S', '_muµμnp') },
  current: { noun: 'current', display: 'nA', example: '0.5nA', siName: 'amperes', units: prefixed('A', '_muµμnp') },
  capacitance: { noun: 'capacitance', display: 'pF', example: '200pF', siName: 'farads', units: prefixed('F', '_muµμnp') },
  rate: { noun: 'rate', display: 'Hz', example: '10Hz', siName: 'hertz', units: prefixed('Hz', '_k') },
  // Areas: a squared length, as um2, um^2 or µm² (1 µm² = 1e-12 m²).
  area: {
    noun: 'area',
    display: 'um2',
    example: '20000um2',
    siName: 'square metres',
    units: Object.fromEntries(
      Object.entries({ m: 1, cm: 1e-4, mm: 1e-6, um: 1e-12, µm: 1e-12, μm: 1e-12 }).flatMap(([u, s]) => ['2', '^2', '²'].map((sq) => [`${u}${sq}`, s])),
    ),
  },
} as const satisfies Record<string, Dimension>;

export type DimensionName = keyof typeof DIMENSIONS;

/** A value in SI units shown in the dimension's display unit, without float noise. */
export function inDisplayUnit(dimension: DimensionName, si: number): number {
  const d: Dimension = DIMENSIONS[dimension];
  return Number((si / d.units[d.display]).toPrecision(12));
}

/** The SI unit of a dimension (the one of size 1): how a value given as an SI number is spelled. */
export function siUnit(dimension: DimensionName): string {
  const d: Dimension = DIMENSIONS[dimension];
  return Object.keys(d.units).find((u) => d.units[u] === 1)!;
}

/**
 * Brian-style equation blocks:
 *   dv/dt = -v/tau + sigma*xi*sqrt(2/tau) : 1     differential equation
 *   dv/dt = (gl*(El-v) + I)/Cm : volt (unless refractory)
 *   I = g*(z+1) : amp                             subexpression (inlined where it is read)
 *   onset : second (constant)                     parameter (per-neuron value, no ODE)
 *   x : 1 (linked)                                linked to another group's variable
 * An equation may span several lines; it ends with its `: unit (flags)`. Units are Brian's
 * base units (volt, siemens, farad, amp, metre**2, second, Hz, 1, boolean, integer); flags
 * are parsed and an unknown one is refused.
 */
import { expectDimension, NOISE_DIMENSION, type DimensionLookup } from './dimensions.js';
import { dimensionOf } from './dimensions.js';
import { checkTreeSize, ExpressionError, evaluate, namesIn, parseExpression, substitute, type Node } from './expr.js';
import { CONSTANTS, DIMENSIONLESS, SECOND, multiplyDims, UNITS, UnitError, type Dimension } from './units.js';

export type EquationKind = 'differential' | 'subexpression' | 'parameter';

/** The flags Brian accepts on each kind of equation (for a NeuronGroup). */
export const FLAGS: Record<EquationKind, readonly string[]> = {
  differential: ['unless refractory'],
  subexpression: ['shared', 'constant over dt'],
  parameter: ['constant', 'shared', 'linked'],
};

export type ValueType = 'float' | 'boolean' | 'integer';

export interface Equation {
  kind: EquationKind;
  name: string;
  /** As written (subexpressions not inlined); absent for parameters. */
  rhs?: Node;
  /** The unit as written (without the flags). */
  unit: string;
  dim: Dimension;
  type: ValueType;
  flags: ReadonlySet<string>;
  /** The equation's text, for messages. */
  source: string;
}

export interface Equations {
  /** Every equation in the order written. */
  all: Equation[];
  /** Differential equations in the order written, subexpressions already inlined. */
  differential: { name: string; rhs: Node; unit: string; flags: ReadonlySet<string> }[];
  /** Subexpressions with their right-hand sides inlined (they may read each other). */
  subexpressions: { name: string; rhs: Node }[];
  /** Parameters stored per neuron (not linked). */
  parameters: string[];
  /** Parameters flagged (linked): read from another group. */
  linked: string[];
  /** Every variable stored per neuron: differential ones then parameters. */
  stateVariables: string[];
  /** Dimension of every name the equations define. */
  dims: ReadonlyMap<string, Dimension>;
}

/** Names an equation may read besides its own variables and constants. */
export const BUILTIN_NAMES = new Set(['t', 'dt', 'xi', 'i', 'N', 'lastspike', 'not_refractory']);

/** Dimensions of the built-in names. */
export const BUILTIN_DIMS: ReadonlyMap<string, Dimension> = new Map([
  ['t', SECOND],
  ['dt', SECOND],
  ['lastspike', SECOND],
  ['i', DIMENSIONLESS],
  ['N', DIMENSIONLESS],
  ['not_refractory', DIMENSIONLESS],
]);

export const isNoise = (name: string) => name === 'xi' || /^xi_\w+$/.test(name);

/** A unit as written after the colon: `1`, `volt`, `metre**2`, `siemens/metre**2`, `boolean`. */
export function parseUnit(text: string, source: string): { dim: Dimension; type: ValueType } {
  if (text === 'boolean' || text === 'bool') return { dim: DIMENSIONLESS, type: 'boolean' };
  if (text === 'integer') return { dim: DIMENSIONLESS, type: 'integer' };
  let tree: Node;
  try {
    tree = parseExpression(text);
  } catch {
    throw new UnitError(`cannot read the unit '${text}' in "${source}"`);
  }
  const names = [...namesIn(tree)];
  const unknown = names.find((n) => !UNITS.has(n));
  if (unknown !== undefined) throw new UnitError(`unknown unit '${unknown}' in "${source}"`);
  const dim = dimensionOf(tree, () => undefined, source);
  const scale = evaluate(tree, Object.fromEntries(names.map((n) => [n, UNITS.get(n)!.scale])));
  if (dim === null || Math.abs(scale - 1) > 1e-12) throw new UnitError(`the unit of an equation must be a base unit (volt, not mV): '${text}' in "${source}"`);
  return { dim, type: 'float' };
}

/** Splits "lhs : unit (flag, flag)" into its parts. */
function splitDefinition(line: string): { lhs: string; unit: string; flags: string[] } {
  const colon = line.lastIndexOf(':');
  if (colon < 0) throw new ExpressionError(`missing ': unit' in equation "${line}"`);
  const lhs = line.slice(0, colon).trim();
  let unit = line.slice(colon + 1).trim();
  let flags: string[] = [];
  const flagged = /^(.*?)\(([^()]*)\)\s*$/.exec(unit);
  // "(flags)" after the unit; a unit such as "metre**2" has no parentheses at its end.
  if (flagged && flagged[1].trim() !== '') {
    unit = flagged[1].trim();
    flags = flagged[2]
      .split(',')
      .map((f) => f.trim().replace(/\s+/g, ' '))
      .filter(Boolean);
  }
  return { lhs, unit, flags };
}

/** Lines joined until each equation's `: unit` (an expression may continue over lines). */
function definitions(text: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    for (const part of raw.replace(/#.*$/, '').split(';')) {
      const piece = part.trim();
      if (!piece) continue;
      pending = pending ? `${pending} ${piece}` : piece;
      if (pending.includes(':')) {
        out.push(pending);
        pending = '';
      }
    }
  }
  if (pending) throw new ExpressionError(`missing ': unit' in equation "${pending}"`);
  return out;
}

export function parseEquations(text: string): Equations {
  const all: Equation[] = [];
  const seen = new Set<string>();
  for (const line of definitions(text)) {
    const { lhs, unit, flags } = splitDefinition(line);
    const diff = /^d([A-Za-z_]\w*)\s*\/\s*dt\s*=(.*)$/.exec(lhs);
    const sub = /^([A-Za-z_]\w*)\s*=(.*)$/.exec(lhs);
    let eq: Omit<Equation, 'dim' | 'type' | 'flags' | 'unit'>;
    if (diff) eq = { kind: 'differential', name: diff[1], rhs: parseExpression(diff[2]), source: line };
    else if (sub) eq = { kind: 'subexpression', name: sub[1], rhs: parseExpression(sub[2]), source: line };
    else if (/^[A-Za-z_]\w*$/.test(lhs)) eq = { kind: 'parameter', name: lhs, source: line };
    else throw new ExpressionError(`cannot read equation "${line}"`);
    if (seen.has(eq.name)) throw new ExpressionError(`'${eq.name}' is defined twice (at "${line}")`);
    if (BUILTIN_NAMES.has(eq.name) || isNoise(eq.name)) throw new ExpressionError(`'${eq.name}' is a reserved name (at "${line}")`);
    if (UNITS.has(eq.name)) throw new ExpressionError(`'${eq.name}' is the name of a unit (at "${line}")`);
    if (CONSTANTS.has(eq.name)) throw new ExpressionError(`'${eq.name}' is the name of a constant (at "${line}")`);
    seen.add(eq.name);
    const allowed = FLAGS[eq.kind];
    for (const flag of flags)
      if (!allowed.includes(flag))
        throw new ExpressionError(
          `unknown flag '(${flag})' on the ${eq.kind} '${eq.name}' in "${line}" (allowed: ${allowed.map((f) => `(${f})`).join(', ') || 'none'})`,
        );
    all.push({ ...eq, unit, ...parseUnit(unit, line), flags: new Set(flags) });
  }

  // Inline subexpressions (they may use each other, in any order, but not in a cycle).
  const byName = new Map(all.filter((e) => e.kind === 'subexpression').map((e) => [e.name, e.rhs!]));
  const resolved = new Map<string, Node>();
  const resolving = new Set<string>();
  const resolve = (name: string): Node => {
    const done = resolved.get(name);
    if (done) return done;
    if (resolving.has(name)) throw new ExpressionError(`subexpression '${name}' depends on itself`);
    resolving.add(name);
    const node = inlineSubexpressions(byName.get(name)!);
    checkTreeSize(node, `the subexpression '${name}'`);
    resolving.delete(name);
    resolved.set(name, node);
    return node;
  };
  const inlineSubexpressions = (node: Node): Node => substitute(node, (n) => (byName.has(n) ? resolve(n) : undefined));

  const parameters = all.filter((e) => e.kind === 'parameter' && !e.flags.has('linked')).map((e) => e.name);
  const differential = all
    .filter((e) => e.kind === 'differential')
    .map((e) => {
      const rhs = inlineSubexpressions(e.rhs!);
      checkTreeSize(rhs, `d${e.name}/dt`);
      return { name: e.name, rhs, unit: e.unit, flags: e.flags };
    });
  return {
    all,
    differential,
    subexpressions: [...byName.keys()].map((name) => ({ name, rhs: resolve(name) })),
    parameters,
    linked: all.filter((e) => e.kind === 'parameter' && e.flags.has('linked')).map((e) => e.name),
    stateVariables: [...differential.map((d) => d.name), ...parameters],
    dims: new Map(all.map((e) => [e.name, e.dim])),
  };
}

/**
 * Brian's unit check: dx/dt must be in unit(x)/second, a subexpression in its own unit.
 * `lookup` gives the dimensions of names outside the equations (constants, linked sources).
 */
export function checkUnits(eqs: Equations, lookup: DimensionLookup): void {
  const names: DimensionLookup = (name) => {
    if (eqs.dims.has(name)) return eqs.dims.get(name);
    if (BUILTIN_DIMS.has(name)) return BUILTIN_DIMS.get(name);
    if (isNoise(name)) return NOISE_DIMENSION;
    return lookup(name);
  };
  for (const e of eqs.all) {
    if (e.kind === 'differential') expectDimension(e.rhs!, multiplyDims(e.dim, SECOND, -1), names, e.source);
    else if (e.kind === 'subexpression') expectDimension(e.rhs!, e.dim, names, e.source);
  }
}

/** Statements such as on_pre `u += U*(1-u); v += u*x; x -= u*x` or reset `v = 0`, in order. */
export interface Statement {
  target: string;
  op: '=' | '+=' | '-=' | '*=' | '/=';
  rhs: Node;
}

export function parseStatements(text: string): Statement[] {
  const out: Statement[] = [];
  for (const raw of text.split(/\n|;/)) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const m = /^([A-Za-z_]\w*)\s*(=|\+=|-=|\*=|\/=)(?!=)(.*)$/.exec(line);
    if (!m) throw new ExpressionError(`cannot read statement "${line}" (expected 'name = value' or 'name += value')`);
    out.push({ target: m[1], op: m[2] as Statement['op'], rhs: parseExpression(m[3]) });
  }
  return out;
}

/** Names read by any of the trees. */
export function namesOf(nodes: Node[]): Set<string> {
  const out = new Set<string>();
  nodes.forEach((n) => namesIn(n, out));
  return out;
}

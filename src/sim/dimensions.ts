/**
 * Dimensional analysis of expressions, as Brian checks equations before it runs them: sums
 * and comparisons of equal dimensions, dimensionless arguments to exp/log/exprel, exponents
 * that are numbers. A name whose dimension is not known (a plain number in a namespace)
 * matches anything, so models written without units keep working.
 */
import { ExpressionError, type Node } from './expr.js';
import {
  CONSTANTS,
  DIMENSIONLESS,
  UnitError,
  formatDimension,
  isDimensionless,
  multiplyDims,
  sameDimension,
  scaleDim,
  UNITS,
  type Dimension,
} from './units.js';

/** null: not known (matches any dimension). */
export type MaybeDimension = Dimension | null;

/** The dimension of each name the expression reads; undefined for a name that does not exist. */
export type DimensionLookup = (name: string) => MaybeDimension | undefined;

const SQRT_SECOND: Dimension = [0, 0, -0.5, 0, 0, 0, 0];

/** Dimension of the noise `xi` (and xi_*): second^-1/2, as in Brian. */
export const NOISE_DIMENSION = SQRT_SECOND;

function describe(d: MaybeDimension): string {
  return d === null ? 'unknown' : formatDimension(d);
}

function agree(a: MaybeDimension, b: MaybeDimension, what: string): MaybeDimension {
  if (a === null) return b;
  if (b === null) return a;
  if (!sameDimension(a, b)) throw new UnitError(`${what} mixes ${describe(a)} and ${describe(b)}`);
  return a;
}

function dimensionless(a: MaybeDimension, what: string): void {
  if (a !== null && !isDimensionless(a)) throw new UnitError(`${what} needs a dimensionless argument, got ${describe(a)}`);
}

/** A constant exponent (2, -2, 0.5), or undefined when the exponent is not a number. */
function constantExponent(node: Node): number | undefined {
  if (node.kind === 'num') return node.value;
  if (node.kind === 'neg') {
    const v = constantExponent(node.arg);
    return v === undefined ? undefined : -v;
  }
  return undefined;
}

export function dimensionOf(node: Node, lookup: DimensionLookup, source = ''): MaybeDimension {
  const where = source ? ` in "${source}"` : '';
  const visit = (n: Node): MaybeDimension => {
    switch (n.kind) {
      case 'num':
        return DIMENSIONLESS;
      case 'name': {
        const d = lookup(n.name);
        if (d !== undefined) return d;
        const unit = UNITS.get(n.name);
        if (unit) return unit.dim;
        if (CONSTANTS.has(n.name)) return DIMENSIONLESS;
        throw new ExpressionError(`unknown name '${n.name}'${where}`);
      }
      case 'neg':
        return visit(n.arg);
      case 'not':
        visit(n.arg);
        return DIMENSIONLESS;
      case 'call': {
        const args = n.args.map(visit);
        if (n.fn === 'sqrt') return args[0] === null ? null : scaleDim(args[0], 0.5);
        if (n.fn === 'abs' || n.fn === 'floor' || n.fn === 'ceil') return args[0];
        if (n.fn === 'timestep') {
          args.forEach((a) => agree(a, [0, 0, 1, 0, 0, 0, 0], `timestep()${where}`));
          return DIMENSIONLESS;
        }
        if (n.fn !== 'int') args.forEach((a) => dimensionless(a, `${n.fn}()${where}`));
        return DIMENSIONLESS;
      }
      case 'bin': {
        const l = visit(n.left);
        const r = visit(n.right);
        switch (n.op) {
          case '+':
          case '-':
            return agree(l, r, `'${n.op}'${where}`);
          case '*':
            return l === null || r === null ? null : multiplyDims(l, r);
          case '/':
            return l === null || r === null ? null : multiplyDims(l, r, -1);
          case '**': {
            dimensionless(r, `an exponent${where}`);
            if (l === null || isDimensionless(l)) return l;
            const e = constantExponent(n.right);
            if (e === undefined) throw new UnitError(`a quantity with units (${describe(l)}) can only be raised to a number${where}`);
            return scaleDim(l, e);
          }
          case 'and':
          case 'or':
            return DIMENSIONLESS;
          default:
            agree(l, r, `comparison '${n.op}'${where}`);
            return DIMENSIONLESS;
        }
      }
    }
  };
  return visit(node);
}

/** Throws a clear error unless `node` has dimension `expected` (or an unknown one). */
export function expectDimension(node: Node, expected: Dimension, lookup: DimensionLookup, what: string): void {
  const got = dimensionOf(node, lookup, what);
  if (got !== null && !sameDimension(got, expected))
    throw new UnitError(`inconsistent units in "${what}": the right-hand side is in ${describe(got)} but should be in ${describe(expected)}`);
}

/**
 * What a name means inside a group's code, as Brian resolves it: the group's own variables
 * (stored arrays, subexpressions, linked variables), then t, dt, i, N, then the namespace,
 * then units and constants (pi, e). Gives generated code the JavaScript that reads each name
 * and the unit checks the dimension of each name.
 */
import { constantJs, type KernelBuilder } from './codegen.js';
import { dimensionOf, type DimensionLookup, type MaybeDimension } from './dimensions.js';
import { BUILTIN_DIMS, type Equations } from './equations.js';
import { ExpressionError, substitute, type Node } from './expr.js';
import { IntegrationError } from './integrators/types.js';
import { CONSTANTS, UNITS, UnitError, type Quantity } from './units.js';

interface Link {
  scope: GroupScope;
  name: string;
}

export class GroupScope {
  /** Stored variables by name (live arrays). */
  readonly arrays = new Map<string, Float64Array>();
  private readonly links = new Map<string, Link>();
  private readonly subexpressions: ReadonlyMap<string, Node>;

  constructor(
    /** The group's name, for messages. */
    readonly owner: () => string,
    readonly n: number,
    readonly eqs: Equations,
    private readonly namespace: Record<string, number | Quantity>,
  ) {
    this.subexpressions = new Map(eqs.subexpressions.map((s) => [s.name, s.rhs]));
  }

  has(name: string): boolean {
    return this.arrays.has(name);
  }

  isSubexpression(name: string): boolean {
    return this.subexpressions.has(name);
  }

  isLinked(name: string): boolean {
    return this.eqs.linked.includes(name);
  }

  subexpression(name: string): Node | undefined {
    return this.subexpressions.get(name);
  }

  isLinkedTo(name: string): boolean {
    return this.links.has(name);
  }

  /** `name : 1 (linked)` reads `source`'s `sourceName` (1 neuron, or as many as this group). */
  link(name: string, source: GroupScope, sourceName: string): void {
    if (!this.isLinked(name)) throw new ExpressionError(`'${name}' is not declared '(linked)' in the group's equations`);
    if (source.n !== 1 && source.n !== this.n) throw new RangeError(`'${name}' links to a group of ${source.n} neurons; it needs 1 or ${this.n}`);
    if (!source.has(sourceName) && !source.isSubexpression(sourceName)) throw new ExpressionError(`the linked group has no variable '${sourceName}'`);
    const declared = this.eqs.dims.get(name)!;
    const dim = source.dimensionOf(sourceName);
    if (dim !== null && dim.join() !== declared.join()) throw new UnitError(`'${name}' links to '${sourceName}', which has other units`);
    this.links.set(name, { scope: source, name: sourceName });
  }

  /** A namespace value, unit or constant; undefined for anything else. */
  constantValue(name: string): number | undefined {
    if (Object.hasOwn(this.namespace, name)) {
      const v = this.namespace[name];
      return typeof v === 'number' ? v : v.value;
    }
    return UNITS.get(name)?.scale ?? CONSTANTS.get(name);
  }

  dimensionLookup(): DimensionLookup {
    return (name) => {
      if (this.eqs.dims.has(name)) return this.eqs.dims.get(name);
      if (BUILTIN_DIMS.has(name)) return BUILTIN_DIMS.get(name);
      const link = this.links.get(name);
      if (link) return link.scope.dimensionOf(link.name);
      if (Object.hasOwn(this.namespace, name)) {
        const v = this.namespace[name];
        return typeof v === 'number' ? null : v.dim;
      }
      return undefined;
    };
  }

  /** Dimension of one of the group's names (null when unknown). */
  dimensionOf(name: string): MaybeDimension {
    const lookup = this.dimensionLookup();
    const sub = this.subexpressions.get(name);
    if (sub) return dimensionOf(sub, lookup);
    return lookup(name) ?? null;
  }

  /** Subexpressions replaced by their trees (thresholds, resets and initialisations may read them). */
  inline(tree: Node): Node {
    return substitute(tree, (n) => this.subexpressions.get(n));
  }

  /**
   * JavaScript for each name read for the element at `index` (a JS expression), with
   * `locals` (old values held in local variables by the state updater) taking precedence.
   */
  resolver(b: KernelBuilder, index: string, locals: ReadonlyMap<string, string> = new Map()): (name: string) => string {
    return (name: string): string => {
      const local = locals.get(name);
      if (local !== undefined) return local;
      const arr = this.arrays.get(name);
      if (arr) return `${b.array(arr)}[${index}]`;
      const link = this.links.get(name);
      if (link) return link.scope.readFor(b, link.name, link.scope.n === 1 ? '0' : index);
      if (this.isLinked(name)) throw new ExpressionError(`the linked variable '${name}' of ${this.owner()} is not linked (call link())`);
      if (name === 't') return 't';
      if (name === 'dt') return 'dt';
      if (name === 'i') return `${index}`;
      if (name === 'N') return constantJs(this.n, 'N');
      const value = this.constantValue(name);
      if (value !== undefined) return constantJs(value, name);
      if (name === 'xi' || name.startsWith('xi_'))
        throw new IntegrationError(`noise '${name}' is only allowed in differential equations integrated with 'euler'`);
      throw new IntegrationError(`unknown name '${name}' in the equations of ${this.owner()}`);
    };
  }

  /** JavaScript reading `name` (a variable or subexpression) for neuron `index`. */
  private readFor(b: KernelBuilder, name: string, index: string): string {
    const sub = this.subexpressions.get(name);
    const resolve = this.resolver(b, index);
    return sub ? `(${b.expr(sub, resolve)})` : resolve(name);
  }
}

/**
 * Brian-style equation blocks:
 *   dv/dt = -v/tau + sigma*xi*sqrt(2/tau) : 1     differential equation
 *   I = g*(z+1) : 1                               subexpression (evaluated on the old state)
 *   w : 1                                         parameter (per-neuron constant)
 */
import { ExpressionError, namesIn, parseExpression, substitute, type Node } from './expr.js';

export interface Equations {
  /** Differential equations in the order written, subexpressions already inlined. */
  differential: { name: string; rhs: Node; unit: string }[];
  subexpressions: { name: string; rhs: Node }[];
  parameters: string[];
  /** Every state variable: differential ones then parameters. */
  stateVariables: string[];
}

/** Names an equation may read besides state variables and constants. */
export const BUILTIN_NAMES = new Set(['t', 'dt', 'xi', 'i', 'N']);

export function parseEquations(text: string): Equations {
  const differential: { name: string; rhs: Node; unit: string }[] = [];
  const subexpressions: { name: string; rhs: Node }[] = [];
  const parameters: string[] = [];
  const seen = new Set<string>();
  const declare = (name: string, line: string) => {
    if (seen.has(name)) throw new ExpressionError(`'${name}' is defined twice (at "${line}")`);
    if (BUILTIN_NAMES.has(name)) throw new ExpressionError(`'${name}' is a reserved name (at "${line}")`);
    seen.add(name);
  };

  for (const raw of text.split(/\n|;/)) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const colon = line.lastIndexOf(':');
    if (colon < 0) throw new ExpressionError(`missing ': unit' in equation "${line}"`);
    const lhsAndRhs = line.slice(0, colon).trim();
    const unit = line.slice(colon + 1).trim();
    const diff = /^d([A-Za-z_]\w*)\s*\/\s*dt\s*=(.*)$/.exec(lhsAndRhs);
    const sub = /^([A-Za-z_]\w*)\s*=(.*)$/.exec(lhsAndRhs);
    if (diff) {
      declare(diff[1], line);
      differential.push({ name: diff[1], rhs: parseExpression(diff[2]), unit });
    } else if (sub) {
      declare(sub[1], line);
      subexpressions.push({ name: sub[1], rhs: parseExpression(sub[2]) });
    } else if (/^[A-Za-z_]\w*$/.test(lhsAndRhs)) {
      declare(lhsAndRhs, line);
      parameters.push(lhsAndRhs);
    } else {
      throw new ExpressionError(`cannot read equation "${line}"`);
    }
  }

  // Inline subexpressions (they may use each other, in any order, but not in a cycle).
  const resolved = new Map<string, Node>();
  const resolving = new Set<string>();
  const byName = new Map(subexpressions.map((s) => [s.name, s.rhs]));
  const resolve = (name: string): Node => {
    const done = resolved.get(name);
    if (done) return done;
    if (resolving.has(name)) throw new ExpressionError(`subexpression '${name}' depends on itself`);
    resolving.add(name);
    const node = inline(byName.get(name)!);
    resolving.delete(name);
    resolved.set(name, node);
    return node;
  };
  const inline = (node: Node): Node => substitute(node, (n) => (byName.has(n) ? resolve(n) : undefined));

  return {
    differential: differential.map((d) => ({ ...d, rhs: inline(d.rhs) })),
    subexpressions: subexpressions.map((s) => ({ name: s.name, rhs: resolve(s.name) })),
    parameters,
    stateVariables: [...differential.map((d) => d.name), ...parameters],
  };
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

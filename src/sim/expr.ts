/**
 * Brian-style expressions ("-v/tau + sigma*xi*sqrt(2/tau)", "v > 1") parsed into a syntax tree.
 * Code is generated from the tree only; a user's string is never evaluated as JavaScript.
 */

import { cos, exp, expm1, log, log10, pow, sin, tan, tanh } from './libm/index.js';

export type Node =
  | { kind: 'num'; value: number }
  | { kind: 'name'; name: string }
  | { kind: 'neg'; arg: Node }
  | { kind: 'not'; arg: Node }
  | { kind: 'bin'; op: BinOp; left: Node; right: Node }
  | { kind: 'call'; fn: FunctionName; args: Node[] };

export type BinOp = '+' | '-' | '*' | '/' | '**' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';

/**
 * Functions an expression may call: arity and the JavaScript they become. `H` is the helper
 * object every generated function receives (HELPERS below): transcendental functions come from
 * the core's own libm (./libm), so the same expression gives the same bits in every engine. rand() and randn() never reach
 * toJs: code generation draws them vectorised per call site, as Brian's numpy target does.
 */
export const FUNCTIONS = {
  exp: { arity: 1, js: 'H.exp' },
  log: { arity: 1, js: 'H.log' },
  log10: { arity: 1, js: 'H.log10' },
  sqrt: { arity: 1, js: 'Math.sqrt' },
  sin: { arity: 1, js: 'H.sin' },
  cos: { arity: 1, js: 'H.cos' },
  tan: { arity: 1, js: 'H.tan' },
  tanh: { arity: 1, js: 'H.tanh' },
  abs: { arity: 1, js: 'Math.abs' },
  floor: { arity: 1, js: 'Math.floor' },
  ceil: { arity: 1, js: 'Math.ceil' },
  // Brian's int(): numpy's cast, truncating towards zero (int(True) = 1).
  int: { arity: 1, js: 'Math.trunc' },
  exprel: { arity: 1, js: 'H.exprel' },
  timestep: { arity: 2, js: 'H.timestep' },
  rand: { arity: 0, js: '' },
  randn: { arity: 0, js: '' },
} as const;
export type FunctionName = keyof typeof FUNCTIONS;

/** Random functions: drawn per call site and per element, never inside an expression. */
export const RANDOM_FUNCTIONS = new Set<FunctionName>(['rand', 'randn']);

/** (exp(x) − 1)/x as Brian's numpy target computes it (after scipy.special.exprel). */
function exprel(x: number): number {
  if (Math.abs(x) < 1e-16) return 1;
  if (x > 717) return Infinity;
  return expm1(x) / x;
}

/** Brian's timestep(t, dt): int64((t + 1e-3·dt)/dt), the step a time falls in (refractoriness). */
function timestep(t: number, dt: number): number {
  return Math.trunc((t + 1e-3 * dt) / dt);
}

/** What generated code reaches as `H`. */
export const HELPERS = Object.freeze({ exprel, timestep, exp, log, log10, sin, cos, tan, tanh, pow });
export type Helpers = typeof HELPERS;

export class ExpressionError extends Error {}

type Token = { type: 'num' | 'name' | 'op'; text: string; pos: number };

const OPERATORS = ['**', '<=', '>=', '==', '!=', '+', '-', '*', '/', '(', ')', ',', '<', '>'];

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      tokens.push({ type: 'num', text: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) {
      tokens.push({ type: 'name', text: name[0], pos: i });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) throw new ExpressionError(`unexpected '${ch}' at position ${i + 1} in "${src}"`);
    tokens.push({ type: 'op', text: op, pos: i });
    i += op.length;
  }
  return tokens;
}

/** The longest expression accepted, in tokens (names, numbers, operators). */
export const MAX_TOKENS = 1000;
/** The deepest nesting of parentheses accepted (Python allows 200). */
export const MAX_NESTING = 200;

/** Precedence climbing, loosest first; '**' is right-associative and binds tighter than unary minus (as in Python). */
export function parseExpression(src: string): Node {
  const tokens = tokenize(src);
  // Trees are walked recursively: bound their depth (a sum of n terms is n levels deep).
  if (tokens.length > MAX_TOKENS) throw new ExpressionError(`an expression of ${tokens.length} tokens is longer than the ${MAX_TOKENS} allowed`);
  let depth = 0;
  for (const t of tokens) {
    if (t.type === 'op' && t.text === '(' && ++depth > MAX_NESTING)
      throw new ExpressionError(`more than ${MAX_NESTING} nested parentheses in "${src.slice(0, 60)}…"`);
    if (t.type === 'op' && t.text === ')') depth--;
  }
  let k = 0;
  const peek = () => tokens[k];
  const fail = (what: string): never => {
    const t = peek();
    throw new ExpressionError(`${what} ${t ? `at '${t.text}' (position ${t.pos + 1})` : 'at the end'} in "${src}"`);
  };
  const accept = (text: string) => {
    const t = peek();
    if (t && (t.type === 'op' || t.type === 'name') && t.text === text) {
      k++;
      return true;
    }
    return false;
  };

  const orExpr = (): Node => {
    let left = andExpr();
    while (accept('or')) left = { kind: 'bin', op: 'or', left, right: andExpr() };
    return left;
  };
  const andExpr = (): Node => {
    let left = notExpr();
    while (accept('and')) left = { kind: 'bin', op: 'and', left, right: notExpr() };
    return left;
  };
  const notExpr = (): Node => (accept('not') ? { kind: 'not', arg: notExpr() } : comparison());
  const comparison = (): Node => {
    const left = additive();
    for (const op of ['<=', '>=', '==', '!=', '<', '>'] as const) {
      if (accept(op)) return { kind: 'bin', op, left, right: additive() };
    }
    return left;
  };
  const additive = (): Node => {
    let left = term();
    for (;;) {
      if (accept('+')) left = { kind: 'bin', op: '+', left, right: term() };
      else if (accept('-')) left = { kind: 'bin', op: '-', left, right: term() };
      else return left;
    }
  };
  const term = (): Node => {
    let left = unary();
    for (;;) {
      if (accept('*')) left = { kind: 'bin', op: '*', left, right: unary() };
      else if (accept('/')) left = { kind: 'bin', op: '/', left, right: unary() };
      else return left;
    }
  };
  const unary = (): Node => {
    if (accept('-')) return { kind: 'neg', arg: unary() };
    if (accept('+')) return unary();
    return power();
  };
  const power = (): Node => {
    const base = atom();
    if (accept('**')) return { kind: 'bin', op: '**', left: base, right: unary() };
    return base;
  };
  const atom = (): Node => {
    const t = peek();
    if (!t) return fail('expected a value');
    if (t.type === 'num') {
      k++;
      return { kind: 'num', value: Number(t.text) };
    }
    if (t.type === 'name') {
      k++;
      if (accept('(')) {
        if (!Object.hasOwn(FUNCTIONS, t.text))
          throw new ExpressionError(`unknown function '${t.text}' in "${src}" (known: ${Object.keys(FUNCTIONS).join(', ')})`);
        const args: Node[] = [];
        if (!accept(')')) {
          do args.push(orExpr());
          while (accept(','));
          if (!accept(')')) fail("expected ')'");
        }
        const fn = t.text as FunctionName;
        if (args.length !== FUNCTIONS[fn].arity) throw new ExpressionError(`${fn}() takes ${FUNCTIONS[fn].arity} argument(s) in "${src}"`);
        return { kind: 'call', fn, args };
      }
      if (t.text === 'True' || t.text === 'False') return { kind: 'num', value: t.text === 'True' ? 1 : 0 };
      return { kind: 'name', name: t.text };
    }
    if (accept('(')) {
      const inner = orExpr();
      if (!accept(')')) fail("expected ')'");
      return inner;
    }
    return fail('expected a value');
  };

  const tree = orExpr();
  if (k < tokens.length) fail('unexpected');
  checkTreeSize(tree, `"${src.slice(0, 60)}"`);
  return tree;
}

/** Limits of a tree after subexpressions are inlined (generated code nests as deep as the tree). */
export const MAX_TREE = { size: 50_000, depth: 600 } as const;

/**
 * Size and depth of a tree as generated code will spell it out: shared subtrees (inlined
 * subexpressions) count once per use. Memoised per node, so it is linear in the distinct nodes.
 */
export function measure(node: Node, memo = new Map<Node, { size: number; depth: number }>()): { size: number; depth: number } {
  const known = memo.get(node);
  if (known) return known;
  const children =
    node.kind === 'bin' ? [node.left, node.right] : node.kind === 'neg' || node.kind === 'not' ? [node.arg] : node.kind === 'call' ? node.args : [];
  const parts = children.map((c) => measure(c, memo));
  const result = { size: 1 + parts.reduce((a, p) => Math.min(a + p.size, Number.MAX_SAFE_INTEGER), 0), depth: 1 + Math.max(0, ...parts.map((p) => p.depth)) };
  memo.set(node, result);
  return result;
}

/** Throws a clear error when a tree is too large or deep to generate code from. */
export function checkTreeSize(node: Node, what: string): void {
  const { size, depth } = measure(node);
  if (size > MAX_TREE.size || depth > MAX_TREE.depth)
    throw new ExpressionError(
      `${what} is too large once its subexpressions are inlined (${size} terms, ${depth} deep; at most ${MAX_TREE.size} and ${MAX_TREE.depth})`,
    );
}

/** Every name the expression reads. */
export function namesIn(node: Node, out = new Set<string>()): Set<string> {
  switch (node.kind) {
    case 'name':
      out.add(node.name);
      break;
    case 'neg':
    case 'not':
      namesIn(node.arg, out);
      break;
    case 'bin':
      namesIn(node.left, out);
      namesIn(node.right, out);
      break;
    case 'call':
      node.args.forEach((a) => namesIn(a, out));
      break;
  }
  return out;
}

/** Replaces names by trees (subexpressions, constants). */
export function substitute(node: Node, replace: (name: string) => Node | undefined): Node {
  switch (node.kind) {
    case 'num':
      return node;
    case 'name':
      return replace(node.name) ?? node;
    case 'neg':
    case 'not':
      return { ...node, arg: substitute(node.arg, replace) };
    case 'bin':
      return { ...node, left: substitute(node.left, replace), right: substitute(node.right, replace) };
    case 'call':
      return { ...node, args: node.args.map((a) => substitute(a, replace)) };
  }
}

const ZERO: Node = { kind: 'num', value: 0 };
const ONE: Node = { kind: 'num', value: 1 };

const isZero = (n: Node) => n.kind === 'num' && n.value === 0;

/**
 * Splits `node` as `coefficient * name + rest`, where neither part depends on `name`.
 * Returns undefined when `node` is not linear in `name` (a product of two terms holding it,
 * a division by it, a function of it, a power of it).
 */
export function linearIn(node: Node, name: string): { coefficient: Node; rest: Node } | undefined {
  if (!namesIn(node).has(name)) return { coefficient: ZERO, rest: node };
  switch (node.kind) {
    case 'name':
      return { coefficient: ONE, rest: ZERO };
    case 'neg': {
      const a = linearIn(node.arg, name);
      return a && { coefficient: neg(a.coefficient), rest: neg(a.rest) };
    }
    case 'bin': {
      const { op, left, right } = node;
      if (op === '+' || op === '-') {
        const l = linearIn(left, name);
        const r = linearIn(right, name);
        if (!l || !r) return undefined;
        return { coefficient: bin(op, l.coefficient, r.coefficient), rest: bin(op, l.rest, r.rest) };
      }
      const inLeft = namesIn(left).has(name);
      const inRight = namesIn(right).has(name);
      if (op === '*' && inLeft !== inRight) {
        const [lin, other] = inLeft ? [linearIn(left, name), right] : [linearIn(right, name), left];
        return lin && { coefficient: bin('*', lin.coefficient, other), rest: bin('*', lin.rest, other) };
      }
      if (op === '/' && inLeft && !inRight) {
        const l = linearIn(left, name);
        return l && { coefficient: bin('/', l.coefficient, right), rest: bin('/', l.rest, right) };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function neg(a: Node): Node {
  if (isZero(a)) return a;
  return { kind: 'neg', arg: a };
}

function bin(op: BinOp, left: Node, right: Node): Node {
  // Keep generated code close to the written expression: drop the zeros that splitting introduces.
  if (op === '+' && isZero(left)) return right;
  if ((op === '+' || op === '-') && isZero(right)) return left;
  if (op === '-' && isZero(left)) return neg(right);
  if ((op === '*' || op === '/') && isZero(left)) return ZERO;
  if (op === '*' && isZero(right)) return ZERO;
  if (op === '*' && left.kind === 'num' && left.value === 1) return right;
  if ((op === '*' || op === '/') && right.kind === 'num' && right.value === 1) return left;
  return { kind: 'bin', op, left, right };
}

/** Evaluates a tree that reads only the given names (used for constants and tests). */
export function evaluate(node: Node, env: Record<string, number>): number {
  const js = toJs(node, (name) => {
    if (!Object.hasOwn(env, name)) throw new ExpressionError(`unknown name '${name}'`);
    return numberLiteral(env[name]);
  });
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return (new Function('H', `return ${js};`) as (h: Helpers) => number)(HELPERS);
}

/** Whether the tree calls rand() or randn(). */
export function drawsRandom(node: Node): boolean {
  switch (node.kind) {
    case 'call':
      return RANDOM_FUNCTIONS.has(node.fn) || node.args.some(drawsRandom);
    case 'neg':
    case 'not':
      return drawsRandom(node.arg);
    case 'bin':
      return drawsRandom(node.left) || drawsRandom(node.right);
    default:
      return false;
  }
}

/**
 * JavaScript source for a tree. `resolve` maps each name to the JavaScript that reads it
 * (a local variable, an array element, a literal constant). Booleans become 1/0 so that
 * conditions and values share one arithmetic, as in Brian's generated code.
 */
export function toJs(node: Node, resolve: (name: string) => string): string {
  switch (node.kind) {
    case 'num':
      return numberLiteral(node.value);
    case 'name':
      return resolve(node.name);
    case 'neg':
      return `(-${toJs(node.arg, resolve)})`;
    case 'not':
      return `(${toJs(node.arg, resolve)} ? 0 : 1)`;
    case 'call':
      if (RANDOM_FUNCTIONS.has(node.fn)) throw new ExpressionError(`${node.fn}() is drawn by the code generator, not inside an expression`);
      return `${FUNCTIONS[node.fn].js}(${node.args.map((a) => toJs(a, resolve)).join(', ')})`;
    case 'bin': {
      const l = toJs(node.left, resolve);
      const r = toJs(node.right, resolve);
      switch (node.op) {
        case '**': {
          // Constant powers (units such as mV**-1, (2/tau)**.5 for a constant tau) once, here, not per step.
          const [base, exponent] = [constantValue(l), constantValue(r)];
          return base !== undefined && exponent !== undefined ? numberLiteral(pow(base, exponent)) : `H.pow(${l}, ${r})`;
        }
        case 'and':
          return `((${l}) && (${r}) ? 1 : 0)`;
        case 'or':
          return `((${l}) || (${r}) ? 1 : 0)`;
        case '==':
          return `(${l} === ${r} ? 1 : 0)`;
        case '!=':
          return `(${l} !== ${r} ? 1 : 0)`;
        case '<':
        case '<=':
        case '>':
        case '>=':
          return `(${l} ${node.op} ${r} ? 1 : 0)`;
        default:
          return `(${l} ${node.op} ${r})`;
      }
    }
  }
}

/** Arithmetic on number literals only (what units and constant parameters resolve to). */
const CONSTANT_JS = /^(?:\d[\d.]*(?:e[+-]?\d+)?|[-+*/() ])+$/;

/**
 * The value of generated code that is arithmetic on literals alone, else undefined. + − × ÷ are
 * exact IEEE operations, so evaluating them now gives the bits the generated code would.
 */
function constantValue(js: string): number | undefined {
  if (!CONSTANT_JS.test(js)) return undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const value = (new Function(`return ${js};`) as () => unknown)();
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A literal that reads back as exactly the same double. */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new ExpressionError(`not a finite number: ${value}`);
  return Object.is(value, -0) ? '(-0)' : value < 0 ? `(${String(value)})` : String(value);
}

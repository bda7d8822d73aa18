/**
 * State updaters: each turns a model's equations into the JavaScript source of one step for
 * every neuron, following Brian2's definitions of `euler` (Euler–Maruyama with noise), `exact`
 * and `rk4`. The source is generated from syntax trees, never from the user's text.
 */
import { ExpressionError, evaluate, linearIn, namesIn, numberLiteral, substitute, toJs, type Node } from './expr.js';
import type { Equations } from './equations.js';
import { expm } from './linear.js';

export type Method = 'euler' | 'exact' | 'rk4';
export const METHODS: readonly Method[] = ['euler', 'exact', 'rk4'];

export class IntegrationError extends Error {}

export interface UpdateContext {
  eqs: Equations;
  /** Constants (SI units), inlined as literals. */
  namespace: Record<string, number>;
  dt: number;
  /** JavaScript that reads the current (old) value of a state variable. */
  local: (name: string) => string;
}

const isNoise = (name: string) => name === 'xi' || name.startsWith('xi_');

/** Resolves names for generated code: state variables, t, i, N, dt and constants. */
export function nameResolver(ctx: UpdateContext, override: (name: string) => string | undefined = () => undefined) {
  const state = new Set(ctx.eqs.stateVariables);
  return (name: string): string => {
    const special = override(name);
    if (special !== undefined) return special;
    if (state.has(name)) return ctx.local(name);
    if (name === 't') return 't';
    if (name === 'i') return 'i';
    if (name === 'N') return 'N';
    if (name === 'dt') return numberLiteral(ctx.dt);
    if (name in ctx.namespace) return numberLiteral(ctx.namespace[name]);
    if (isNoise(name)) throw new IntegrationError(`noise '${name}' is only allowed in differential equations integrated with 'euler'`);
    throw new IntegrationError(`unknown name '${name}' in the equations`);
  };
}

/**
 * Source of the loop body that updates neuron i. Assumes `const <local(v)> = sv[i]` has been
 * emitted for every state variable, and writes new values with `assign(name, js)`.
 */
export function updateSource(method: Method, ctx: UpdateContext, assign: (name: string, js: string) => string): string {
  switch (method) {
    case 'euler':
      return eulerSource(ctx, assign);
    case 'rk4':
      return rk4Source(ctx, assign);
    case 'exact':
      return exactSource(ctx, assign);
  }
}

function noiseNames(rhs: Node): string[] {
  return [...namesIn(rhs)].filter(isNoise);
}

function eulerSource(ctx: UpdateContext, assign: (name: string, js: string) => string): string {
  const resolve = nameResolver(ctx);
  const lines: string[] = [];
  const noises = new Set<string>();
  const updates: string[] = [];
  const sqrtDt = numberLiteral(Math.sqrt(ctx.dt));
  ctx.eqs.differential.forEach(({ name, rhs }, k) => {
    // Split f + g·xi: the deterministic part f and one coefficient per noise source.
    let drift = rhs;
    const diffusion: [string, Node][] = [];
    for (const noise of noiseNames(rhs)) {
      const split = linearIn(drift, noise);
      if (!split) throw new IntegrationError(`'d${name}/dt' must be linear in the noise '${noise}'`);
      const g = split.coefficient;
      if (noiseNames(g).length) throw new IntegrationError(`'d${name}/dt' multiplies two noise terms`);
      diffusion.push([noise, g]);
      drift = split.rest;
      noises.add(noise);
    }
    lines.push(`const _f${k} = ${toJs(drift, resolve)};`);
    const noiseTerms = diffusion.map(([noise, g]) => ` + ${toJs(g, resolve)} * _dW_${noise}`).join('');
    updates.push(assign(name, `${ctx.local(name)} + ${numberLiteral(ctx.dt)} * _f${k}${noiseTerms}`));
  });
  // One normal deviate per noise source per neuron per step, shared by every equation that names it.
  const draws = [...noises].map((noise) => `const _dW_${noise} = ${sqrtDt} * rng.normal();`);
  return [...draws, ...lines, ...updates].join('\n');
}

function rk4Source(ctx: UpdateContext, assign: (name: string, js: string) => string): string {
  const diff = ctx.eqs.differential;
  for (const { name, rhs } of diff)
    if (noiseNames(rhs).length) throw new IntegrationError(`method 'rk4' cannot integrate the stochastic equation for '${name}'; use 'euler'`);
  const dt = numberLiteral(ctx.dt);
  const lines: string[] = [];
  // k_n = dt*f(x + c*k_{n-1}, t + c*dt), x_new = x + (k1 + 2 k2 + 2 k3 + k4)/6, as Brian writes rk4.
  const stage = (n: number, shift: ((name: string) => string) | undefined, tShift: string) => {
    const diffNames = new Set(diff.map((d) => d.name));
    const resolve = nameResolver(ctx, (name) => {
      if (name === 't') return tShift === '0' ? 't' : `(t + ${tShift})`;
      if (shift && diffNames.has(name)) return shift(name);
      return undefined;
    });
    diff.forEach(({ rhs }, k) => lines.push(`const _k${n}_${k} = ${dt} * ${toJs(rhs, resolve)};`));
  };
  const index = (name: string) => diff.findIndex((d) => d.name === name);
  stage(1, undefined, '0');
  stage(2, (name) => `(${ctx.local(name)} + 0.5 * _k1_${index(name)})`, numberLiteral(ctx.dt / 2));
  stage(3, (name) => `(${ctx.local(name)} + 0.5 * _k2_${index(name)})`, numberLiteral(ctx.dt / 2));
  stage(4, (name) => `(${ctx.local(name)} + _k3_${index(name)})`, dt);
  diff.forEach(({ name }, k) =>
    lines.push(assign(name, `${ctx.local(name)} + (_k1_${k} + 2 * _k2_${k} + 2 * _k3_${k} + _k4_${k}) / 6`)),
  );
  return lines.join('\n');
}

/**
 * Exact integration of a linear system dX/dt = A X + b with constant A and b:
 * X(t+dt) = E X(t) + c with [[E, c], [0, 1]] = exp(dt · [[A, b], [0, 0]]).
 */
function exactSource(ctx: UpdateContext, assign: (name: string, js: string) => string): string {
  const diff = ctx.eqs.differential;
  const names = diff.map((d) => d.name);
  const n = names.length;
  const constants = { ...ctx.namespace, dt: ctx.dt };
  const augmented = Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(0));
  diff.forEach(({ name, rhs }, row) => {
    if (noiseNames(rhs).length) throw new IntegrationError(`method 'exact' cannot integrate the stochastic equation for '${name}'; use 'euler'`);
    let rest = rhs;
    names.forEach((other, col) => {
      const split = linearIn(rest, other);
      if (!split || hasAny(split.coefficient, names))
        throw new IntegrationError(`method 'exact' needs linear equations, but 'd${name}/dt' is not linear in '${other}'; use 'euler' or 'rk4'`);
      augmented[row][col] = constantValue(split.coefficient, constants, name) * ctx.dt;
      rest = split.rest;
    });
    augmented[row][n] = constantValue(rest, constants, name) * ctx.dt;
  });
  const e = expm(augmented);
  return diff
    .map(({ name }, row) => {
      const terms = names
        .map((other, col) => (e[row][col] === 0 ? '' : `${numberLiteral(e[row][col])} * ${ctx.local(other)}`))
        .filter(Boolean);
      if (e[row][n] !== 0) terms.push(numberLiteral(e[row][n]));
      return assign(name, terms.length ? terms.join(' + ') : '0');
    })
    .join('\n');
}

function hasAny(node: Node, names: string[]): boolean {
  const used = namesIn(node);
  return names.some((n) => used.has(n));
}

function constantValue(node: Node, constants: Record<string, number>, eq: string): number {
  const used = [...namesIn(node)].filter((n) => !(n in constants));
  if (used.length)
    throw new IntegrationError(`method 'exact' needs constant coefficients, but 'd${eq}/dt' depends on '${used[0]}'; use 'euler' or 'rk4'`);
  const value = evaluate(substitute(node, () => undefined), constants);
  if (!Number.isFinite(value)) throw new ExpressionError(`'d${eq}/dt' has a coefficient that is not finite (${value})`);
  return value;
}

/**
 * `exact` for linear systems dX/dt = A X + b with constant A and b:
 * X(t+dt) = E X(t) + c with [[E, c], [0, 1]] = exp(dt · [[A, b], [0, 0]]).
 * Brian also solves systems whose coefficients read per-neuron parameters; this core does not
 * (ExactNeedsParameters tells the default method choice, which then refuses instead of
 * silently picking another method than Brian would).
 */
import { ExpressionError, evaluate, linearIn, namesIn, numberLiteral, type Node } from '../expr.js';
import { expm } from '../linear.js';
import { refuseNoise } from './noise.js';
import { IntegrationError, type Integrator, type IntegratorContext } from './types.js';

/** Thrown when the system is linear but a coefficient reads a per-neuron value: Brian would still use exact. */
export class ExactNeedsParameters extends IntegrationError {}

function constantValue(node: Node, ctx: IntegratorContext, eq: string): number {
  const env: Record<string, number> = { dt: ctx.dt };
  for (const name of namesIn(node)) {
    if (name === 'dt') continue;
    const value = ctx.constant(name);
    if (value === undefined) {
      const message = `method 'exact' needs constant coefficients, but 'd${eq}/dt' depends on '${name}'; use 'euler' or 'rk4'`;
      throw name === 't' || name.startsWith('xi') ? new IntegrationError(message) : new ExactNeedsParameters(message);
    }
    env[name] = value;
  }
  const value = evaluate(node, env);
  if (!Number.isFinite(value)) throw new ExpressionError(`'d${eq}/dt' has a coefficient that is not finite (${value})`);
  return value;
}

export const exact: Integrator = {
  name: 'exact',
  description: 'exact solution of linear equations (matrix exponential)',
  generate(ctx) {
    const diff = ctx.differential;
    refuseNoise('exact', diff);
    const names = diff.map((d) => d.name);
    const n = names.length;
    const augmented = Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(0));
    diff.forEach(({ name, rhs }, row) => {
      let rest = rhs;
      names.forEach((other, col) => {
        const split = linearIn(rest, other);
        if (!split || names.some((v) => namesIn(split.coefficient).has(v)))
          throw new IntegrationError(`method 'exact' needs linear equations, but 'd${name}/dt' is not linear in '${other}'; use 'euler' or 'rk4'`);
        augmented[row][col] = constantValue(split.coefficient, ctx, name) * ctx.dt;
        rest = split.rest;
      });
      augmented[row][n] = constantValue(rest, ctx, name) * ctx.dt;
    });
    const e = expm(augmented);
    const updates = diff.map(({ name }, row) => {
      const terms = names.map((other, col) => (e[row][col] === 0 ? '' : `${numberLiteral(e[row][col])} * ${ctx.local(other)}`)).filter(Boolean);
      if (e[row][n] !== 0) terms.push(numberLiteral(e[row][n]));
      return ctx.assign(name, terms.length ? terms.join(' + ') : '0');
    });
    updates.forEach((u) => ctx.builder.line(u));
  },
};

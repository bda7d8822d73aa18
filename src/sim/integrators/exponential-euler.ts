/**
 * `exponential_euler` for conditionally linear systems: each dx/dt = A·x + B with A and B
 * free of x (they may read the other variables, t and constants), all on the old state:
 *   A = 0:  x ← x + dt·B
 *   B = 0:  x ← x·exp(A·dt)
 *   else:   x ← −B/A + (B/A + x)·exp(A·dt)   (Brian: `_BA_x = B/A; _x = -_BA_x + (_BA_x + x)*exp(dt*A)`)
 */
import { constantJs } from '../codegen.js';
import { linearIn, type Node } from '../expr.js';
import { refuseNoise } from './noise.js';
import { IntegrationError, type Integrator } from './types.js';

const isZero = (n: Node) => n.kind === 'num' && n.value === 0;

export const exponentialEuler: Integrator = {
  name: 'exponential_euler',
  description: 'exponential Euler for conditionally linear equations (Hodgkin–Huxley)',
  generate(ctx) {
    const { builder, differential } = ctx;
    refuseNoise('exponential_euler', differential);
    const dt = constantJs(ctx.dt, 'dt');
    const updates: string[] = [];
    differential.forEach(({ name, rhs }, k) => {
      const split = linearIn(rhs, name);
      if (!split)
        throw new IntegrationError(`method 'exponential_euler' needs each equation linear in its own variable, but 'd${name}/dt' is not linear in '${name}'`);
      const x = ctx.local(name);
      if (isZero(split.coefficient)) {
        builder.line(`const _new${k} = ${x} + ${dt} * ${builder.expr(split.rest, ctx.resolve)};`);
      } else {
        builder.line(`const _A${k} = ${builder.expr(split.coefficient, ctx.resolve)};`);
        if (isZero(split.rest)) {
          builder.line(`const _new${k} = ${x} * H.exp(${dt} * _A${k});`);
        } else {
          builder.line(`const _BA${k} = ${builder.expr(split.rest, ctx.resolve)} / _A${k};`);
          builder.line(`const _new${k} = (-_BA${k}) + (_BA${k} + ${x}) * H.exp(${dt} * _A${k});`);
        }
      }
      updates.push(ctx.assign(name, `_new${k}`));
    });
    updates.forEach((u) => builder.line(u));
  },
};

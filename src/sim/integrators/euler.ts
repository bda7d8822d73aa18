/**
 * `euler`: forward Euler, every derivative on the old state; with noise, Euler–Maruyama
 * x ← x + dt·f + g·√dt·n (one normal array per noise name per step, as Brian's
 * `xi = dt**.5 * randn()`). Brian's euler takes additive noise only.
 */
import { namesIn } from '../expr.js';
import { constantJs } from '../codegen.js';
import { splitNoise } from './noise.js';
import { IntegrationError, type Integrator } from './types.js';

export const euler: Integrator = {
  name: 'euler',
  description: 'forward Euler (Euler–Maruyama with xi)',
  generate(ctx) {
    const { builder, differential } = ctx;
    const dt = constantJs(ctx.dt, 'dt');
    const sqrtDt = constantJs(Math.sqrt(ctx.dt), 'sqrt(dt)');
    const variables = new Set(differential.map((d) => d.name));
    const split = differential.map(({ name, rhs }) => ({ name, ...splitNoise(name, rhs) }));
    // Noise arrays first, in the order the names first appear.
    const noises = [...new Set(split.flatMap((s) => s.diffusion.map(([xi]) => xi)))];
    for (const xi of noises) builder.line(`const _dW_${xi} = ${sqrtDt} * ${builder.draw('normal')};`);
    const updates: string[] = [];
    split.forEach(({ name, drift, diffusion }, k) => {
      for (const [xi, g] of diffusion)
        if ([...namesIn(g)].some((n) => variables.has(n)))
          throw new IntegrationError(`method 'euler' takes additive noise only, but the noise '${xi}' in 'd${name}/dt' is multiplied by a state variable`);
      builder.line(`const _f${k} = ${builder.expr(drift, ctx.resolve)};`);
      const noiseTerms = diffusion.map(([xi, g]) => ` + ${builder.expr(g, ctx.resolve)} * _dW_${xi}`).join('');
      updates.push(ctx.assign(name, `${ctx.local(name)} + ${dt} * _f${k}${noiseTerms}`));
    });
    updates.forEach((u) => builder.line(u));
  },
};

/** `rk4`: classical Runge–Kutta as Brian writes it, k_n = dt·f(x + c·k_{n−1}, t + c·dt). */
import { constantJs } from '../codegen.js';
import { refuseNoise } from './noise.js';
import type { Integrator } from './types.js';

export const rk4: Integrator = {
  name: 'rk4',
  description: 'classical fourth-order Runge–Kutta',
  generate(ctx) {
    const { builder, differential: diff } = ctx;
    refuseNoise('rk4', diff);
    const dt = constantJs(ctx.dt, 'dt');
    const names = new Set(diff.map((d) => d.name));
    const index = (name: string) => diff.findIndex((d) => d.name === name);
    const stage = (n: number, shift: ((name: string) => string) | undefined, tShift: string) => {
      const resolve = (name: string): string => {
        if (name === 't') return tShift === '0' ? 't' : `(t + ${tShift})`;
        if (shift && names.has(name)) return shift(name);
        return ctx.resolve(name);
      };
      diff.forEach(({ rhs }, k) => builder.line(`const _k${n}_${k} = ${dt} * ${builder.expr(rhs, resolve)};`));
    };
    stage(1, undefined, '0');
    stage(2, (name) => `(${ctx.local(name)} + 0.5 * _k1_${index(name)})`, constantJs(ctx.dt / 2, 'dt/2'));
    stage(3, (name) => `(${ctx.local(name)} + 0.5 * _k2_${index(name)})`, constantJs(ctx.dt / 2, 'dt/2'));
    stage(4, (name) => `(${ctx.local(name)} + _k3_${index(name)})`, dt);
    diff.forEach(({ name }, k) => builder.line(ctx.assign(name, `${ctx.local(name)} + (_k1_${k} + 2 * _k2_${k} + 2 * _k3_${k} + _k4_${k}) / 6`)));
  },
};

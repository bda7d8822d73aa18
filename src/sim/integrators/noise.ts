/** Splitting a right-hand side into drift and noise terms, shared by the integrators. */
import { linearIn, namesIn, type Node } from '../expr.js';
import { IntegrationError, isNoise } from './types.js';

export function noiseNames(rhs: Node): string[] {
  return [...namesIn(rhs)].filter(isNoise);
}

/** f + Σ g_k·xi_k → { drift: f, diffusion: [[xi_k, g_k]] }; refuses noise that is not additive in xi. */
export function splitNoise(name: string, rhs: Node): { drift: Node; diffusion: [string, Node][] } {
  let drift = rhs;
  const diffusion: [string, Node][] = [];
  for (const noise of noiseNames(rhs)) {
    const split = linearIn(drift, noise);
    if (!split) throw new IntegrationError(`'d${name}/dt' must be linear in the noise '${noise}'`);
    if (noiseNames(split.coefficient).length) throw new IntegrationError(`'d${name}/dt' multiplies two noise terms`);
    diffusion.push([noise, split.coefficient]);
    drift = split.rest;
  }
  return { drift, diffusion };
}

/** Refuses stochastic equations in a method that has no noise term. */
export function refuseNoise(method: string, differential: { name: string; rhs: Node }[]): void {
  for (const { name, rhs } of differential)
    if (noiseNames(rhs).length) throw new IntegrationError(`method '${method}' cannot integrate the stochastic equation for '${name}'; use 'euler'`);
}

/**
 * Every integration method, by Brian's name. The method list, the type `Method`, the error
 * for an unknown method and Brian's default choice all derive from this one table: a new
 * method is one module plus one entry here.
 */
import { euler } from './euler.js';
import { exact } from './exact.js';
import { exponentialEuler } from './exponential-euler.js';
import { rk4 } from './rk4.js';
import { IntegrationError, type Integrator } from './types.js';

const INTEGRATORS = { euler, exact, rk4, exponential_euler: exponentialEuler } as const satisfies Record<string, Integrator>;

export type Method = keyof typeof INTEGRATORS;
export const METHODS = Object.keys(INTEGRATORS) as Method[];

/** Brian's NeuronGroup default, method=('exact', 'euler', 'heun'): the first that can integrate (heun is not implemented). */
export const DEFAULT_METHODS: readonly Method[] = ['exact', 'euler'];

export function integrator(method: string): Integrator {
  if (!Object.hasOwn(INTEGRATORS, method)) throw new IntegrationError(`unknown integration method '${method}' (known: ${METHODS.join(', ')})`);
  return INTEGRATORS[method as Method];
}

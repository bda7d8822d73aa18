/** What every state updater is given and must provide (see registry.ts for the list). */
import type { KernelBuilder } from '../codegen.js';
import type { Node } from '../expr.js';

export class IntegrationError extends Error {}

export interface DifferentialEquation {
  name: string;
  /** Right-hand side, subexpressions inlined. */
  rhs: Node;
}

export interface IntegratorContext {
  differential: DifferentialEquation[];
  dt: number;
  /** JavaScript reading a name for the current element on the old state (state variables, t, constants…). */
  resolve: (name: string) => string;
  /** The value of a name that is a constant (namespace value, unit), else undefined. */
  constant: (name: string) => number | undefined;
  /** Where the loop body goes; its expr() hoists rand()/randn(), its draw() registers noise. */
  builder: KernelBuilder;
  /** The statement storing a variable's new value (after every new value has been computed). */
  assign: (name: string, js: string) => string;
  /** The JavaScript local holding a variable's old value. */
  local: (name: string) => string;
}

export interface Integrator {
  /** Brian's name for the method (`method='...'`). */
  readonly name: string;
  readonly description: string;
  /** Emits the loop body into ctx.builder; throws IntegrationError when it cannot integrate the equations. */
  generate(ctx: IntegratorContext): void;
}

export const isNoise = (name: string) => name === 'xi' || /^xi_\w+$/.test(name);

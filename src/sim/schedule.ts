/**
 * What the Network runs: scheduled objects, each in a slot of Brian's schedule, sorted by
 * (slot, order, name) as Brian's Network.sorted_objects does; Brian's automatic names
 * (neurongroup, neurongroup_1, …); and the clock arithmetic. A new kind of object implements
 * NetworkMember and Scheduled; the Network does not know the concrete classes.
 */
import type { RandomSource } from './random-source.js';

/** Brian's default schedule. */
export const SCHEDULE = ['start', 'groups', 'thresholds', 'synapses', 'resets', 'end'] as const;
type BaseSlot = (typeof SCHEDULE)[number];
export type Slot = BaseSlot | `before_${BaseSlot}` | `after_${BaseSlot}`;

/** before_x, x, after_x → 3i, 3i + 1, 3i + 2 (Brian's when_to_int). */
export function slotRank(when: Slot): number {
  const [prefix, base] = when.startsWith('before_') ? [0, when.slice(7)] : when.startsWith('after_') ? [2, when.slice(6)] : [1, when];
  const i = SCHEDULE.indexOf(base as BaseSlot);
  if (i < 0) throw new RangeError(`unknown schedule slot '${when}' (known: ${SCHEDULE.join(', ')}, with before_/after_)`);
  return 3 * i + prefix;
}

/** Passed to every object before a run. */
export interface RunContext {
  /** The object's clock step. */
  dt: number;
  /** The first step of this run on the object's clock. */
  firstStep: number;
  /** The network's random source (a group may have its own). */
  rng: RandomSource;
}

/** Passed to every object at each of its clock's steps. */
export interface StepContext {
  step: number;
  /** step·dt, as Brian's clock computes t. */
  t: number;
  dt: number;
  rng: RandomSource;
}

export interface Scheduled {
  readonly name: string;
  readonly when: Slot;
  readonly order: number;
  /** The object's own clock step in seconds; undefined: the network's default clock. */
  readonly dt?: number;
  beforeRun(ctx: RunContext): void;
  tick(ctx: StepContext): void;
}

/** Anything added to a Network: it lists its scheduled parts (Brian's contained_objects). */
export interface NetworkMember {
  readonly name: string;
  scheduled(): Scheduled[];
}

/** Sorts as Brian's Network does: slot, then order, then name (plain string comparison). */
export function scheduleOrder(a: Scheduled, b: Scheduled): number {
  return slotRank(a.when) - slotRank(b.when) || a.order - b.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/**
 * Brian's automatic names (core/names.py find_name): `base` if free, else base_1, base_2, …,
 * the first free one. Brian frees a name when its object is garbage collected; here names
 * stay taken for the life of their scope (withNameScope), as in a fresh Python process.
 */
export class Names {
  private readonly taken = new Set<string>();
  /** Per base, the suffix to try first: names are only freed all at once, so it only grows. */
  private readonly nextSuffix = new Map<string, number>();

  claim(base: string, explicit?: string): string {
    if (explicit !== undefined) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(explicit)) throw new RangeError(`'${explicit}' is not a valid object name`);
      this.taken.add(explicit);
      return explicit;
    }
    let k = this.nextSuffix.get(base) ?? 0;
    const nameOf = (suffix: number) => (suffix === 0 ? base : `${base}_${suffix}`);
    while (this.taken.has(nameOf(k))) k++;
    this.taken.add(nameOf(k));
    this.nextSuffix.set(base, k + 1);
    return nameOf(k);
  }
}

/** The scope objects made now take their names from: the innermost withNameScope's. */
let scope = new Names();

/** An object's name: `explicit` if given (and valid), else the first free `base`, base_1, … of the scope. */
export function claimName(base: string, explicit?: string): string {
  return scope.claim(base, explicit);
}

/**
 * Runs `build` with names of its own, as a fresh process gives them (neurongroup,
 * neurongroup_1, …), so the order within a slot, and hence a figure's numbers, never depend
 * on what was built before it. The objects `build` makes synchronously are in the scope;
 * code after an await is not (an async build scopes each network it makes).
 */
export function withNameScope<T>(build: () => T): T {
  const outer = scope;
  scope = new Names();
  try {
    return build();
  } finally {
    scope = outer;
  }
}

/** Brian's Clock.epsilon_dt: a time within this fraction of dt of a step counts as on it. */
export const EPSILON_DT = 1e-4;

/**
 * The step a time falls on: round(t/dt) when that is within 0.01 % of dt, else the next step
 * (Brian's Clock._calc_timestep).
 */
export function timestepOf(t: number, dt: number): number {
  const nearest = Math.round(t / dt);
  if (nearest * dt === t || Math.abs(nearest * dt - t) / dt <= EPSILON_DT) return nearest;
  return Math.ceil(t / dt);
}

export function checkDt(dt: number, what: string): number {
  if (!(dt > 0) || !Number.isFinite(dt)) throw new RangeError(`${what} must be a positive time, got ${dt}`);
  return dt;
}

/**
 * Whether a build worker may be terminated now, shared between it and the thread that owns it.
 * Terminating a thread inside node-canvas (while it draws or encodes) aborts the whole process
 * (canvas throws into an environment that is shutting down: "FATAL ERROR … napi_throw"), so a
 * worker draws only after marking itself DRAWING, and the owner terminates it only after
 * marking it STOPPING, each with one atomic exchange: one of the two always wins.
 */
export const SAFE = 0;
export const DRAWING = 1;
export const STOPPING = 2;

/** One Int32 cell in memory both threads see. */
export function newPhase(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** Worker side: true if it may draw now (it was not being stopped); call `drawn` after. */
export function startDrawing(phase: Int32Array): boolean {
  return Atomics.compareExchange(phase, 0, SAFE, DRAWING) === SAFE;
}

export function drawn(phase: Int32Array): void {
  Atomics.compareExchange(phase, 0, DRAWING, SAFE);
}

/** Owner side: resolves once the worker is marked STOPPING (at once unless it is drawing). */
export async function untilStoppable(phase: Int32Array, gone: () => boolean): Promise<void> {
  while (!gone() && Atomics.compareExchange(phase, 0, SAFE, STOPPING) === DRAWING) await new Promise((r) => setTimeout(r, 5));
}

/**
 * The memory a run can have, as Node and the operating system bound it: the JavaScript heap
 * (V8 aborts the whole process beyond it, with no way to catch it), the machine's memory, and
 * the process's address-space limit (`ulimit -v`), under which every worker thread and
 * WebAssembly memory must reserve its virtual space or the process dies with "Fatal process OOM".
 */
import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';

/** Bytes the JavaScript heap may grow to (--max-old-space-size, or V8's default for this machine). */
export function heapLimit(): number {
  return getHeapStatistics().heap_size_limit;
}

export function machineMemory(): number {
  return totalmem();
}

/** The soft address-space limit in bytes (`ulimit -v`), Infinity when there is none or it cannot be read. */
export function addressSpaceLimit(): number {
  try {
    const line = /^Max address space\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    return !line || line[1] === 'unlimited' ? Infinity : Number(line[1]);
  } catch {
    return Infinity;
  }
}

/** Virtual bytes this process has reserved now (VmSize), 0 where it cannot be read. */
export function virtualSize(): number {
  try {
    const kb = /^VmSize:\s+(\d+)\s*kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return kb ? Number(kb[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Virtual space a worker thread reserves (VmSize measured on Node 20.20 x86-64: 816 MB for the
 * first, with its allocator arena; 620–690 MB each after, its code range and heap reservations).
 */
export const FIRST_WORKER_VIRTUAL = 850e6;
export const WORKER_VIRTUAL = 720e6;
/** Virtual space a WebAssembly memory reserves with its guard regions (measured: 10 GB). */
export const WASM_VIRTUAL = 10.5e9;

/** Address space left under `ulimit -v` (Infinity without a limit). */
export function addressSpaceLeft(): number {
  const limit = addressSpaceLimit();
  return limit === Infinity ? Infinity : limit - virtualSize();
}

/** How many worker threads fit in the address space left, after `reserved` bytes (at most `wanted`). */
export function workersThatFit(wanted: number, reserved = 0): number {
  const left = addressSpaceLeft() - reserved;
  if (left === Infinity) return wanted;
  if (left < FIRST_WORKER_VIRTUAL) return 0;
  return Math.min(wanted, 1 + Math.floor((left - FIRST_WORKER_VIRTUAL) / WORKER_VIRTUAL));
}

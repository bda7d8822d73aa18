/** Messages between a page and its simulation worker, and between that worker and its task workers. */
import type { FigureData } from './core-imports.js';

export interface Limits {
  id: string;
  xlim: [number, number];
  ylim: [number, number];
}

/** Page → simulation worker: simulate (unless `data` is given) and draw. */
export interface BuildRequest {
  type: 'build';
  id: number;
  figure: string;
  /** Option texts by name, as typed (`8ms`); the rest take their defaults. */
  given: Record<string, string>;
  figsize: [number, number];
  dpi: number;
  /** Earlier figures kept as faint overlays. */
  pins: FigureData[];
  /** Axis limits held by the user, by panel id; null: autoscale. */
  hold: Limits[] | null;
  /** Threads for a parallel figure (navigator.hardwareConcurrency). */
  threads: number;
  /** The figure already simulated for these parameters: only draw it again (a pin or hold changed). */
  data?: FigureData;
}

export type WorkerReply =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'done'; id: number; data: FigureData; bitmap: ImageBitmap; limits: Limits[]; ms: { simulate: number; draw: number } }
  | { type: 'error'; id: number; message: string; option?: string };

/** Simulation worker → task worker: one tuning-curve condition. */
export interface TaskRequest {
  type: 'task';
  /** The pool job (the core's TUNING_JOB). */
  job: string;
  index: number;
  task: unknown;
}

/**
 * The Canvas 2D context the renderer draws on. The project's TypeScript lib has no DOM, so the
 * standard interface is spelled with node-canvas's declaration of it (a type only: nothing of
 * canvas is loaded here); a browser's CanvasRenderingContext2D has the same members.
 */
import type { CanvasRenderingContext2D } from 'canvas';

export type Context2D = CanvasRenderingContext2D;

/** What the renderer takes as a canvas: an HTML canvas, an OffscreenCanvas, or node-canvas's. */
export interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): Context2D | null;
}

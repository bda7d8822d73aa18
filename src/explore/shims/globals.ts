/** Temporary (until the house's browser entry lands): Node globals the core still names, injected by esbuild. */
const encoder = new TextEncoder();
export const Buffer = { from: (s: string) => encoder.encode(s) };
export function setImmediate(fn: (v?: unknown) => void): void {
  setTimeout(fn, 0);
}

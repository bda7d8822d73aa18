/** The errors the library API throws on purpose; anything else is a bug or a failed run. */
import { printable } from '../options/printable.js';

export { printable };

/** Longest message (words over 80 characters are cut first): a 100 kB value is not echoed back. */
const MAX_MESSAGE = 600;

/**
 * A message cut to a readable excerpt: every overlong word (a value, a name, a path) becomes its
 * first 40 characters and its length, then the whole is capped. Every message the library and the
 * CLI show goes through this, whatever put a value into it.
 */
export function excerpt(message: string): string {
  const words = printable(message).replace(/\S{81,}/g, (w) => `${w.slice(0, 40)}… (${w.length} characters)`);
  return words.length <= MAX_MESSAGE ? words : `${words.slice(0, MAX_MESSAGE - 1)}…`;
}

/** A parameter or option the caller gave is wrong; the message names it, what it expects and what it got. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    message: string,
    /** What to do about it, when there is more to say than the message. */
    readonly hint?: string,
  ) {
    super(excerpt(message));
  }
}

/**
 * node-canvas, the native module PNG, SVG and PDF are drawn with, cannot be loaded (not
 * installed, its install script not approved or failed, or built for another Node). JSON and
 * CSV never need it.
 */
export class CanvasUnavailableError extends Error {
  override readonly name = 'CanvasUnavailableError';
  constructor(
    message: string,
    /** The commands that make canvas work here, as one line. */
    readonly remedy: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
